using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Emulator;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Tests.Support;
using OpenClaw.OpenRouter.Transport;

namespace OpenClaw.OpenRouter.Tests.Faults;

/// <summary>
/// An emulator with two clients pointed at it over loopback: <see cref="Client"/> with the default of one attempt per call,
/// and <see cref="Retrying"/> with two quick retries. Faults are queued for <c>/chat/completions</c> and one model only, so the
/// client's own capability lookup (<c>GET /models</c>) never takes them.
/// </summary>
internal sealed class FaultRig : IAsyncDisposable
{
    public const string ChatPath = "/chat/completions";
    public const string EchoModel = "emulator/echo";

    /// <summary>The user message; <c>emulator/echo</c> answers <c>Echo: </c> and this text.</summary>
    public const string Prompt = "alpha beta gamma delta";

    /// <summary>
    /// The chunks <c>emulator/echo</c> streams for <see cref="Prompt"/>, in order: one word each, keeping its trailing space
    /// (ChatStreamChunks.Pieces). After them come the finish chunk and the usage chunk, so a fault with <c>after=N</c> (N ≤ 5)
    /// cuts the stream after exactly the first N pieces.
    /// </summary>
    public static IReadOnlyList<string> EchoPieces { get; } = ["Echo: ", "alpha ", "beta ", "gamma ", "delta"];

    /// <summary>The whole answer: <c>Echo: alpha beta gamma delta</c>.</summary>
    public static string EchoAnswer { get; } = string.Concat(EchoPieces);

    /// <summary>Two retries, 10 ms then 20 ms, no jitter; a <c>Retry-After</c> above 5 s gives up instead.</summary>
    public static OpenRouterRetryOptions TwoRetries { get; } = new()
    {
        MaxRetries = 2,
        BaseDelay = TimeSpan.FromMilliseconds(10),
        MaxDelay = TimeSpan.FromSeconds(5),
        UseJitter = false,
    };

    private readonly ClientHarness _harness;

    private FaultRig(ClientHarness harness, OpenRouterClient retrying)
    {
        _harness = harness;
        Retrying = retrying;
    }

    public OpenRouterEmulator Emulator => _harness.Emulator;

    /// <summary>The default client: one attempt per call.</summary>
    public OpenRouterClient Client => _harness.Client;

    /// <summary>The same settings with <see cref="TwoRetries"/>.</summary>
    public OpenRouterClient Retrying { get; }

    /// <summary>Chat requests the emulator received so far (every attempt counts).</summary>
    public int ChatAttempts => _harness.ChatRequests.Count;

    /// <summary>Requests the emulator received whose path ends with <paramref name="suffix"/>.</summary>
    public int Requests(string suffix) => Emulator.Journal.Entries.Count(entry => entry.Path.EndsWith(suffix, StringComparison.Ordinal));

    public static async Task<FaultRig> StartAsync(Action<OpenRouterClientOptions>? configure = null)
    {
        var harness = await ClientHarness.StartAsync(TestRoute.Local, configure);
        var options = new OpenRouterClientOptions
        {
            ApiKey = ApiKeyRegistry.DefaultKey,
            BaseUrl = harness.Emulator.BaseUrl.AbsoluteUri,
            Attribution = OpenRouterAttribution.OpenClaw,
            Handler = harness.Handler,
        };
        configure?.Invoke(options);
        options.Retry = TwoRetries;
        return new FaultRig(harness, new OpenRouterClient(options));
    }

    /// <summary>Queues <paramref name="directive"/> for the next <paramref name="times"/> chat requests for <paramref name="model"/>.</summary>
    public void Enqueue(string directive, int times = 1, string model = EchoModel) => Emulator.Faults.Enqueue(directive, ChatPath, model, times);

    public static OpenRouterChatRequest Request(string model = EchoModel, string prompt = Prompt) =>
        new() { Model = model, Messages = [OpenRouterMessage.User(prompt)] };

    /// <summary>Streams <paramref name="request"/>, recording every update in <paramref name="seen"/>, and returns the completed result.</summary>
    public static async Task<OpenRouterChatResult> StreamAsync(OpenRouterClient client, OpenRouterChatRequest request, List<OpenRouterChatUpdate> seen)
    {
        OpenRouterChatResult? completed = null;
        await foreach (var update in client.StreamChatAsync(request, TestContext.Current.CancellationToken))
        {
            seen.Add(update);
            completed = update.Completed ?? completed;
        }
        Assert.NotNull(completed);
        Assert.NotNull(seen[^1].Completed);
        return completed;
    }

    public static Task<OpenRouterChatResult> StreamAsync(OpenRouterClient client, List<OpenRouterChatUpdate>? seen = null) =>
        StreamAsync(client, Request(), seen ?? []);

    public static Task<OpenRouterChatResult> CompleteAsync(OpenRouterClient client, OpenRouterChatRequest? request = null) =>
        client.CompleteChatAsync(request ?? Request(), TestContext.Current.CancellationToken);

    /// <summary>The visible text the caller was handed in streamed updates.</summary>
    public static string TextOf(IEnumerable<OpenRouterChatUpdate> updates) => string.Concat(updates.Select(update => update.Text));

    /// <summary>The first <paramref name="count"/> pieces of the echo answer: what a stream cut after that many chunks delivered.</summary>
    public static string EchoPrefix(int count) => string.Concat(EchoPieces.Take(count));

    public async ValueTask DisposeAsync()
    {
        Retrying.Dispose();
        await _harness.DisposeAsync();
    }
}

/// <summary>What a typed error must carry.</summary>
internal sealed record ExpectedError(Type Type, int? Status, int? Code, string Message, string? ErrorMessage)
{
    public string? Provider { get; init; }
    public string? Raw { get; init; }
    public TimeSpan? RetryAfter { get; init; }
    public bool Transient { get; init; }

    public void AssertMatches(OpenRouterException error)
    {
        Assert.IsType(Type, error);
        Assert.Equal(Status, error.StatusCode);
        Assert.Equal(Code, error.Code);
        Assert.Equal(Message, error.Message);
        Assert.Equal(ErrorMessage, error.ErrorMessage);
        Assert.Equal(Provider, error.ProviderName);
        Assert.Equal(Raw, error.RawError);
        Assert.Equal(RetryAfter, error.RetryAfter);
        Assert.Equal(Transient, error.IsTransient);
    }
}
