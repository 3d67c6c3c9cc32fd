using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Emulator;

namespace OpenClaw.Reliability.Tests.Support;

/// <summary>
/// An <c>openclaw</c> user for this suite: <see cref="AgentCli"/> (temporary HOME, in-process emulator, config pointing at
/// it) with <see cref="SuiteKey"/> as <c>OPENROUTER_API_KEY</c> instead of the emulator's default key, and every run's
/// stdout and stderr recorded in <see cref="OutputLedger"/>. Call <see cref="RecordState"/> (dispose does it too) to add
/// the files the runs left under the state directory.
/// </summary>
public sealed class SuiteCli : IAsyncDisposable
{
    private SuiteCli(AgentCli cli, string label)
    {
        Cli = cli;
        Label = label;
        cli.Home.Environment["OPENROUTER_API_KEY"] = SuiteKey.Value;
        // Real-process runs reach the loopback emulator only when the media guard allows private addresses.
        AllowPrivateNetwork();
    }

    /// <summary>The underlying harness (emulator, HOME, handler, clock).</summary>
    public AgentCli Cli { get; }

    /// <summary>Names this user's outputs in the ledger.</summary>
    public string Label { get; }

    public OpenRouterEmulator Emulator => Cli.Emulator;

    public CliHome Home => Cli.Home;

    /// <param name="label">Names the outputs in the ledger (use the test's name).</param>
    /// <param name="canonical">No base URL: in-process runs reach the emulator through the redirecting handler.</param>
    public static async Task<SuiteCli> StartAsync(string label, bool canonical = false, EmulatorOptions? options = null) =>
        new(await AgentCli.StartAsync(canonical, options), label);

    /// <summary>Writes the config (plain JSON; the emulator's base URL and <c>allowPrivateNetwork</c> are added).</summary>
    public void WriteConfig(string json)
    {
        Cli.WriteConfig(json);
        AllowPrivateNetwork();
    }

    /// <summary>Runs <c>openclaw args…</c> in this process, recorded.</summary>
    public async Task<CliResult> RunAsync(params string[] args) =>
        OutputLedger.Record($"{Label}: openclaw {string.Join(' ', args)}", await Cli.RunAsync(args));

    /// <summary>Runs <c>openclaw args…</c> in this process with standard input and a token (Ctrl+C), recorded.</summary>
    public async Task<CliResult> RunAsync(string? stdin, CancellationToken cancellationToken, params string[] args) =>
        OutputLedger.Record($"{Label}: openclaw {string.Join(' ', args)}", await Cli.RunAsync(stdin, cancellationToken, args));

    /// <summary>Runs the real <c>openclaw</c> process, recorded.</summary>
    public async Task<CliResult> RunProcessAsync(params string[] args) =>
        OutputLedger.Record($"{Label}: process openclaw {string.Join(' ', args)}", await Cli.RunProcessAsync(args));

    /// <summary>Records every file under the state directory (except the credential stores) and the working directory.</summary>
    public void RecordState()
    {
        OutputLedger.RecordDirectory($"{Label}: state", Home.StateDir);
        OutputLedger.RecordDirectory($"{Label}: work", Home.WorkingDirectory);
        // Requests that reached the emulator's second ("foreign") origin must carry nothing secret.
        var foreign = Emulator.ForeignOrigin?.GetLeftPart(UriPartial.Authority);
        foreach (var entry in Emulator.Journal.Entries.Where(entry => foreign is not null && string.Equals(entry.Origin.TrimEnd('/'), foreign, StringComparison.OrdinalIgnoreCase)))
        {
            OutputLedger.Record($"{Label}: request to {entry.Origin}{entry.Path}",
                string.Join('\n', entry.Headers.Select(header => $"{header.Key}: {header.Value}")) + "\n" + entry.Query + "\n" + entry.BodyText);
        }
    }

    private void AllowPrivateNetwork()
    {
        if (Cli.Canonical || !File.Exists(Home.ConfigPath))
        {
            return;
        }
        var config = Home.ReadConfig();
        if (config["models"]?["providers"]?["openrouter"] is not JsonObject openrouter)
        {
            return;
        }
        if (openrouter["request"] is not JsonObject request)
        {
            request = [];
            openrouter["request"] = request;
        }
        request["allowPrivateNetwork"] = true;
        Home.WriteConfig(config.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        RecordState();
        await Cli.DisposeAsync();
    }
}
