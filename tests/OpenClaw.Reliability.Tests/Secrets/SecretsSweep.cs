using OpenClaw.OpenRouter;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Images;
using OpenClaw.OpenRouter.Speech;
using OpenClaw.OpenRouter.Videos;
using OpenClaw.OpenRouter.Emulator;
using OpenClaw.Reliability.Tests.Support;

namespace OpenClaw.Reliability.Tests.Secrets;

/// <summary>What the secrets tests share: the library operations that send the key, a client for them, and a recorder of failures.</summary>
internal static class SecretsSweep
{
    /// <summary>Every library call that sends the key (or could), by name.</summary>
    public static IReadOnlyDictionary<string, Func<OpenRouterClient, Task>> LibraryOperations { get; } = new Dictionary<string, Func<OpenRouterClient, Task>>(StringComparer.Ordinal)
    {
        ["chat stream"] = async client =>
        {
            await foreach (var _ in client.StreamChatAsync(ChatRequest(), TestContext.Current.CancellationToken))
            {
            }
        },
        ["chat"] = client => client.CompleteChatAsync(ChatRequest(), TestContext.Current.CancellationToken),
        ["key"] = client => client.GetKeyAsync(TestContext.Current.CancellationToken),
        ["credits"] = client => client.GetCreditsAsync(TestContext.Current.CancellationToken),
        ["generation"] = client => client.GetGenerationAsync("gen-secrets-0001", TestContext.Current.CancellationToken),
        ["models"] = client => client.ListModelsAsync(refresh: true, TestContext.Current.CancellationToken),
        ["image"] = client => client.GenerateImagesAsync(new OpenRouterImageRequest { Prompt = "A red square" }, TestContext.Current.CancellationToken),
        ["speech"] = client => client.SynthesizeSpeechAsync(new OpenRouterSpeechRequest { Input = "Hello", Model = "hexgrad/kokoro-82m", Voice = "af_alloy" }, TestContext.Current.CancellationToken),
        ["video"] = client => client.GenerateVideoAsync(new OpenRouterVideoRequest { Prompt = "A lake", DurationSeconds = 4 }, progress: null, TestContext.Current.CancellationToken),
    };

    /// <summary>The operations that need a key: everything but the public model list.</summary>
    public static IEnumerable<string> AuthenticatedOperations => LibraryOperations.Keys.Where(name => name != "models");

    /// <summary>A client on the emulator's own (local) base URL through the default socket handler, media guard opened for loopback.</summary>
    public static OpenRouterClient Client(OpenRouterEmulator emulator, string key) => new(new OpenRouterClientOptions
    {
        ApiKey = key,
        BaseUrl = emulator.BaseUrl.AbsoluteUri,
        CapabilityCatalogUrl = new Uri(emulator.BaseUrl.AbsoluteUri + "/models"),
        Attribution = OpenRouterAttribution.OpenClaw,
        AllowPrivateNetwork = true,
        ResponseHeadersTimeout = TimeSpan.FromSeconds(20),
    });

    /// <summary>Runs <paramref name="call"/>, records what it threw in the ledger and returns it (a success fails the test unless allowed).</summary>
    public static async Task<Exception?> CatchAsync(string label, Func<Task> call, bool allowSuccess = false)
    {
        Exception? caught = null;
        try
        {
            await call();
        }
        catch (Exception exception)
        {
            caught = exception;
        }
        OutputLedger.Record(label, caught);
        if (caught is null && !allowSuccess)
        {
            Assert.Fail($"{label}: expected a failure, the call succeeded");
        }
        return caught;
    }

    /// <inheritdoc cref="CatchAsync(string, Func{Task}, bool)"/>
    public static async Task<Exception> CatchAsync(string label, Func<Task> call) => (await CatchAsync(label, call, allowSuccess: false))!;

    private static OpenRouterChatRequest ChatRequest() => new()
    {
        Model = "openrouter/emulator/echo",
        Messages = [OpenRouterMessage.User("hello")],
    };
}
