using System.Text.Json.Nodes;
using OpenClaw.Cli.Hosting;
using OpenClaw.OpenRouter.Emulator;

namespace OpenClaw.Cli.Tests.Support;

/// <summary>
/// An <c>openclaw</c> user wired to an in-process emulator: a temporary HOME, the emulator's key in
/// <c>OPENROUTER_API_KEY</c>, <c>OPENCLAW_OPENROUTER_CATALOG_URL</c> at the emulator's <c>/models</c> (so nothing reaches
/// openrouter.ai), and a config whose base URL is the emulator — or, with <see cref="Canonical"/>, no base URL at all and
/// in-process runs whose <c>https://openrouter.ai</c> requests are redirected to the emulator.
/// </summary>
public sealed class AgentCli : IAsyncDisposable
{
    private AgentCli(OpenRouterEmulator emulator, bool canonical)
    {
        Emulator = emulator;
        Canonical = canonical;
        Handler = new EmulatorRedirectHandler(emulator.Origin, emulator.ForeignOrigin);
        Home.Environment["OPENROUTER_API_KEY"] = ApiKeyRegistry.DefaultKey;
        Home.Environment[CapabilityCatalog.UrlVariable] = emulator.BaseUrl.AbsoluteUri + "/models";
        WriteConfig("{}");
    }

    public OpenRouterEmulator Emulator { get; }

    /// <summary>No configured base URL: the canonical route (in-process runs only).</summary>
    public bool Canonical { get; }

    public CliHome Home { get; } = new();

    public EmulatorRedirectHandler Handler { get; }

    /// <summary>Whether in-process runs see a colour terminal.</summary>
    public bool UseColor { get; set; }

    /// <summary>The clock of in-process runs (a fake one lets video polls pass without waiting).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The chat requests the emulator received, in order.</summary>
    public IReadOnlyList<JournalEntry> ChatRequests => Emulator.Journal.For("/chat/completions");

    /// <summary>The bodies of <see cref="ChatRequests"/>.</summary>
    public IReadOnlyList<JsonObject> ChatBodies => [.. ChatRequests.Select(entry => entry.BodyJson!.AsObject())];

    public static async Task<AgentCli> StartAsync(bool canonical = false, EmulatorOptions? options = null) =>
        new(await OpenRouterEmulator.StartAsync(options, TestContext.Current.CancellationToken), canonical);

    /// <summary>Writes <c>openclaw.json</c> from plain JSON, adding the emulator's base URL unless <see cref="Canonical"/>.</summary>
    public void WriteConfig(string json)
    {
        var config = JsonNode.Parse(json)!.AsObject();
        if (!Canonical)
        {
            var models = config["models"] as JsonObject ?? [];
            config["models"] = models;
            var providers = models["providers"] as JsonObject ?? [];
            models["providers"] = providers;
            var openrouter = providers["openrouter"] as JsonObject ?? [];
            providers["openrouter"] = openrouter;
            openrouter["baseUrl"] = Emulator.BaseUrl.AbsoluteUri;
        }
        Home.WriteConfig(config.ToJsonString());
    }

    /// <summary>A config with this primary model and fallbacks (and anything else under <c>agents.defaults</c>).</summary>
    public void UseModels(string primary, params string[] fallbacks) =>
        WriteConfig(new JsonObject
        {
            ["agents"] = new JsonObject
            {
                ["defaults"] = new JsonObject
                {
                    ["model"] = new JsonObject { ["primary"] = primary, ["fallbacks"] = new JsonArray([.. fallbacks.Select(f => (JsonNode)f)]) },
                },
            },
        }.ToJsonString());

    /// <summary>Runs <c>openclaw args…</c> in this process.</summary>
    public Task<CliResult> RunAsync(params string[] args) => RunAsync(null, TestContext.Current.CancellationToken, args);

    /// <summary>Runs <c>openclaw args…</c> in this process with <paramref name="stdin"/> and a cancellation token (Ctrl+C).</summary>
    public async Task<CliResult> RunAsync(string? stdin, CancellationToken cancellationToken, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var input = new StringReader(stdin ?? "");
        var environment = new Dictionary<string, string>(Home.Environment, StringComparer.Ordinal)
        {
            ["HOME"] = Home.Home,
            ["NO_COLOR"] = "1",
        };
        var context = new CliContext
        {
            Out = stdout,
            Error = stderr,
            In = input,
            Environment = environment,
            WorkingDirectory = Home.WorkingDirectory,
            HttpHandler = Handler,
            UseColor = UseColor,
            TimeProvider = TimeProvider,
        };
        var exitCode = await CliApplication.RunAsync(args, context, cancellationToken);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs the real <c>openclaw</c> process (local route only: a process cannot take the redirecting handler).</summary>
    public Task<CliResult> RunProcessAsync(params string[] args) =>
        Canonical ? throw new InvalidOperationException("The canonical route needs an in-process run.") : Home.RunAsync(args);

    public async ValueTask DisposeAsync()
    {
        Handler.Dispose();
        Home.Dispose();
        await Emulator.DisposeAsync();
    }
}
