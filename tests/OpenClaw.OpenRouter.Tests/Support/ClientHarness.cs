using OpenClaw.OpenRouter.Emulator;
using OpenClaw.OpenRouter.Routing;

namespace OpenClaw.OpenRouter.Tests.Support;

/// <summary>Which base URL a client is configured with; every variant reaches the same local emulator.</summary>
public enum TestRoute
{
    /// <summary><c>https://openrouter.ai/api/v1</c>, redirected in-process: verified-route rules run.</summary>
    Canonical,

    /// <summary><c>https://eu.openrouter.ai/api/v1</c>: an OpenRouter host that is not the verified route.</summary>
    OtherOpenRouterHost,

    /// <summary>The emulator's own loopback URL: a local proxy.</summary>
    Local,

    /// <summary><c>https://proxy.example.com/v1</c>, redirected in-process: a custom proxy.</summary>
    Custom,
}

/// <summary>An emulator and a client pointed at it through one of the <see cref="TestRoute"/> base URLs.</summary>
internal sealed class ClientHarness : IAsyncDisposable
{
    private ClientHarness(OpenRouterEmulator emulator, OpenRouterClient client, EmulatorRedirectHandler handler)
    {
        Emulator = emulator;
        Client = client;
        Handler = handler;
    }

    public OpenRouterEmulator Emulator { get; }
    public OpenRouterClient Client { get; }
    public EmulatorRedirectHandler Handler { get; }

    /// <summary>Chat requests the emulator received, in order.</summary>
    public IReadOnlyList<JournalEntry> ChatRequests => [.. Emulator.Journal.Entries.Where(entry => entry.Path.EndsWith("/chat/completions", StringComparison.Ordinal))];

    public static async Task<ClientHarness> StartAsync(TestRoute route = TestRoute.Canonical, Action<OpenRouterClientOptions>? configure = null,
        EmulatorOptions? emulatorOptions = null)
    {
        var emulator = await OpenRouterEmulator.StartAsync(emulatorOptions, TestContext.Current.CancellationToken);
        var handler = new EmulatorRedirectHandler(emulator.Origin, emulator.ForeignOrigin);
        var options = new OpenRouterClientOptions
        {
            ApiKey = ApiKeyRegistry.DefaultKey,
            BaseUrl = BaseUrlOf(route, emulator),
            Attribution = OpenRouterAttribution.OpenClaw,
            Handler = handler,
        };
        configure?.Invoke(options);
        return new ClientHarness(emulator, new OpenRouterClient(options), handler);
    }

    public static string BaseUrlOf(TestRoute route, OpenRouterEmulator emulator) => route switch
    {
        TestRoute.Canonical => OpenRouterBaseUrl.Canonical,
        TestRoute.OtherOpenRouterHost => "https://eu.openrouter.ai/api/v1",
        TestRoute.Local => emulator.BaseUrl.AbsoluteUri,
        TestRoute.Custom => "https://proxy.example.com/v1",
        _ => throw new ArgumentOutOfRangeException(nameof(route)),
    };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Handler.Dispose();
        await Emulator.DisposeAsync();
    }
}
