using System.Text.Json.Nodes;
using OpenClaw.Cli.Hosting;
using OpenClaw.OpenRouter.Emulator;

// The offline main job: start the bundled OpenRouter emulator on a loopback port, point a throwaway openclaw setup at it and
// run one real `openclaw agent -m …` turn in this process — the same code path as the installed command, with sessions,
// tools and the usage line, but no key and no network.
var message = args.Length > 0 ? string.Join(' ', args) : "Hello from OpenClaw!";
var model = Environment.GetEnvironmentVariable("OPENCLAW_DEMO_MODEL") is { Length: > 0 } chosen ? chosen.Trim() : "openrouter/auto";
// OpenRouter's own ids (anthropic/claude-sonnet-4.6) are accepted too: config refs name the provider first.
if (model.Contains('/', StringComparison.Ordinal) && !model.StartsWith("openrouter/", StringComparison.OrdinalIgnoreCase))
{
    model = "openrouter/" + model;
}

await using var emulator = await OpenRouterEmulator.StartAsync();

// Sessions go to $OPENCLAW_STATE_DIR when the user sets one (so a conversation can continue across runs), else to a
// temporary directory. The config is always a temporary file: it names this run's emulator port.
var scratch = Directory.CreateTempSubdirectory("openclaw-demo-").FullName;
try
{
    var context = CliContext.FromProcess();
    var environment = new Dictionary<string, string>(context.Environment, StringComparer.Ordinal)
    {
        ["OPENCLAW_STATE_DIR"] = context.Environment.GetValueOrDefault("OPENCLAW_STATE_DIR") is { Length: > 0 } stateDir ? stateDir : Path.Combine(scratch, "state"),
        ["OPENCLAW_CONFIG_PATH"] = Path.Combine(scratch, "openclaw.json"),
        ["OPENROUTER_API_KEY"] = ApiKeyRegistry.DefaultKey,
        // The capability lookup normally reads openrouter.ai's public model list; offline it reads the emulator's.
        [CapabilityCatalog.UrlVariable] = emulator.BaseUrl.AbsoluteUri + "/models",
    };
    var config = new JsonObject
    {
        ["agents"] = new JsonObject { ["defaults"] = new JsonObject { ["model"] = new JsonObject { ["primary"] = model } } },
        ["models"] = new JsonObject
        {
            ["providers"] = new JsonObject { ["openrouter"] = new JsonObject { ["baseUrl"] = emulator.BaseUrl.AbsoluteUri } },
        },
    };
    await File.WriteAllTextAsync(environment["OPENCLAW_CONFIG_PATH"], config.ToJsonString());

    var demo = new CliContext
    {
        Out = context.Out,
        Error = context.Error,
        In = context.In,
        IsInteractive = context.IsInteractive,
        UseColor = context.UseColor,
        Environment = environment,
        WorkingDirectory = context.WorkingDirectory,
    };
    return await CliApplication.RunWithSignalsAsync(["agent", "-m", message], demo);
}
finally
{
    Directory.Delete(scratch, recursive: true);
}
