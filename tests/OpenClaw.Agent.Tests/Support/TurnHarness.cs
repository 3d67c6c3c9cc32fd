using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using OpenClaw.Agent.Sessions;
using OpenClaw.Agent.Turns;
using OpenClaw.OpenRouter;
using OpenClaw.OpenRouter.Emulator;

namespace OpenClaw.Agent.Tests.Support;

/// <summary>Which base URL the client is configured with.</summary>
public enum Route
{
    /// <summary>The emulator's loopback URL: a local proxy route.</summary>
    Local,

    /// <summary><c>https://openrouter.ai/api/v1</c>, redirected to the emulator: the verified route's rules run.</summary>
    Canonical,
}

/// <summary>
/// An emulator, a client pointed at it, a session store and workspace in a temp directory, and a runner over them. The
/// capability catalog is always read from the emulator: no test reaches openrouter.ai.
/// </summary>
internal sealed class TurnHarness : IAsyncDisposable
{
    private readonly TemporaryDirectory _directory;
    private readonly EmulatorRedirectHandler _handler;

    private TurnHarness(OpenRouterEmulator emulator, OpenRouterClient client, EmulatorRedirectHandler handler, TemporaryDirectory directory, SessionStore store)
    {
        Emulator = emulator;
        Client = client;
        _handler = handler;
        _directory = directory;
        Store = store;
    }

    public OpenRouterEmulator Emulator { get; }

    public OpenRouterClient Client { get; }

    public SessionStore Store { get; }

    public string SessionsDirectory => _directory.Combine("agents", "main", "sessions");

    public string Workspace => _directory.Combine("workspace");

    /// <summary>Chat requests the emulator received, in order.</summary>
    public IReadOnlyList<JournalEntry> ChatRequests =>
        [.. Emulator.Journal.Entries.Where(entry => entry.Path.EndsWith("/chat/completions", StringComparison.Ordinal))];

    /// <summary>The <c>model</c> of each chat request, in order.</summary>
    public IReadOnlyList<string> RequestedModels => [.. ChatRequests.Select(entry => entry.BodyJson!["model"]!.GetValue<string>())];

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    public static async Task<TurnHarness> StartAsync(Route route = Route.Local, Action<OpenRouterClientOptions>? configure = null)
    {
        var emulator = await OpenRouterEmulator.StartAsync(cancellationToken: Token);
        var handler = new EmulatorRedirectHandler(emulator.Origin, emulator.ForeignOrigin);
        var options = new OpenRouterClientOptions
        {
            ApiKey = ApiKeyRegistry.DefaultKey,
            BaseUrl = route == Route.Canonical ? OpenRouterClientOptions.CanonicalBaseUrl.AbsoluteUri : emulator.BaseUrl.AbsoluteUri,
            CapabilityCatalogUrl = new Uri(emulator.BaseUrl.AbsoluteUri + "/models"),
            Attribution = OpenRouterAttribution.OpenClaw,
            Handler = handler,
        };
        configure?.Invoke(options);
        var directory = new TemporaryDirectory();
        var store = new SessionStore(directory.Combine("agents", "main", "sessions", SessionStore.FileName));
        return new TurnHarness(emulator, new OpenRouterClient(options), handler, directory, store);
    }

    public AgentSettings Settings(string primary, params string[] fallbacks) => new()
    {
        PrimaryModel = primary,
        Fallbacks = fallbacks,
        Workspace = Workspace,
    };

    public AgentTurnRunner Runner(AgentSettings settings, IReadOnlyList<AIFunction>? tools = null, TimeProvider? timeProvider = null) =>
        new(Client, Store, SessionsDirectory, settings, tools ?? [], timeProvider);

    public static AgentTurnRequest Request(string message, SessionKey? session = null) => new()
    {
        Message = message,
        Session = session ?? SessionKey.Main(),
    };

    /// <summary>The stored messages of a session (the JSON objects), in order.</summary>
    public async Task<IReadOnlyList<JsonObject>> StoredAsync(SessionKey? session = null) =>
        [.. (await Store.LoadAsync(session ?? SessionKey.Main(), Token)).Messages.Select(message => message.Message)];

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _handler.Dispose();
        Store.Dispose();
        await Emulator.DisposeAsync();
        _directory.Dispose();
    }
}
