using System.Text.Json.Nodes;
using OpenClaw.Reliability.Tests.Support;

namespace OpenClaw.Reliability.Tests.Secrets;

/// <summary>
/// One of the places the OpenRouter key can live (CLI spec §3: profile, then <c>OPENROUTER_API_KEY</c> from the process,
/// <c>./.env</c>, <c>~/.openclaw/.env</c> or the config <c>env</c> block, then <c>models.providers.openrouter.apiKey</c>; and
/// the speech-only <c>messages.tts.providers.openrouter.apiKey</c>), and how to put <see cref="SuiteKey"/> there.
/// </summary>
public sealed record KeyPlacement(string Name, bool ChatHasKey = true)
{
    /// <summary>The config every placement starts from: the echo model, speech through OpenRouter.</summary>
    private const string BaseConfig = """
        {
          "agents": { "defaults": { "model": { "primary": "openrouter/emulator/echo" } } },
          "messages": { "tts": { "provider": "openrouter", "providers": { "openrouter": { "model": "hexgrad/kokoro-82m", "voice": "af_alloy", "responseFormat": "mp3" } } } }
        }
        """;

    public static IReadOnlyList<KeyPlacement> All { get; } =
    [
        new("process env OPENROUTER_API_KEY"),
        new("./.env"),
        new("~/.openclaw/.env"),
        new("config env block"),
        new("config env.vars block"),
        new("config env under a name that does not look secret, apiKey ${OPENROUTER}"),
        new("models.providers.openrouter.apiKey literal"),
        new("models.providers.openrouter.apiKey ${VAR} from the process"),
        new("auth store from onboard"),
        new("auth store from onboard --json"),
        new("messages.tts.providers.openrouter.apiKey only", ChatHasKey: false),
    ];

    public static KeyPlacement Named(string name) => All.Single(placement => placement.Name == name);

    /// <summary>Puts the key in this place (and nowhere else) for <paramref name="user"/>.</summary>
    public async Task ApplyAsync(SuiteCli user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var config = JsonNode.Parse(BaseConfig)!.AsObject();
        if (Name != "process env OPENROUTER_API_KEY")
        {
            user.Home.Environment.Remove("OPENROUTER_API_KEY");
        }
        switch (Name)
        {
            case "./.env":
                await File.WriteAllTextAsync(Path.Combine(user.Home.WorkingDirectory, ".env"), $"OPENROUTER_API_KEY={SuiteKey.Value}\n", TestContext.Current.CancellationToken);
                break;
            case "~/.openclaw/.env":
                Directory.CreateDirectory(user.Home.StateDir);
                await File.WriteAllTextAsync(Path.Combine(user.Home.StateDir, ".env"), $"# the key\nexport OPENROUTER_API_KEY=\"{SuiteKey.Value}\"\n", TestContext.Current.CancellationToken);
                break;
            case "config env block":
                config["env"] = new JsonObject { ["OPENROUTER_API_KEY"] = SuiteKey.Value };
                break;
            case "config env.vars block":
                config["env"] = new JsonObject { ["vars"] = new JsonObject { ["OPENROUTER_API_KEY"] = SuiteKey.Value } };
                break;
            case "config env under a name that does not look secret, apiKey ${OPENROUTER}":
                config["env"] = new JsonObject { ["OPENROUTER"] = SuiteKey.Value };
                config["models"] = new JsonObject { ["providers"] = new JsonObject { ["openrouter"] = new JsonObject { ["apiKey"] = "${OPENROUTER}" } } };
                break;
            case "models.providers.openrouter.apiKey literal":
                config["models"] = new JsonObject { ["providers"] = new JsonObject { ["openrouter"] = new JsonObject { ["apiKey"] = SuiteKey.Value } } };
                break;
            case "models.providers.openrouter.apiKey ${VAR} from the process":
                user.Home.Environment["MY_ROUTER_CREDENTIAL"] = SuiteKey.Value;
                config["models"] = new JsonObject { ["providers"] = new JsonObject { ["openrouter"] = new JsonObject { ["apiKey"] = "${MY_ROUTER_CREDENTIAL}" } } };
                break;
            case "messages.tts.providers.openrouter.apiKey only":
                config["messages"]!["tts"]!["providers"]!["openrouter"]!["apiKey"] = SuiteKey.Value;
                break;
        }
        user.WriteConfig(config.ToJsonString());
        if (Name.StartsWith("auth store", StringComparison.Ordinal))
        {
            string[] onboard = ["onboard", "--non-interactive", "--accept-risk", "--auth-choice", "openrouter-api-key", "--openrouter-api-key", SuiteKey.Value];
            var result = await user.RunAsync(Name.EndsWith("--json", StringComparison.Ordinal) ? [.. onboard, "--json"] : onboard);
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Null(SuiteKey.FindIn(result.Stdout + result.Stderr));
            // Onboarding makes openrouter/auto the default; the echo model keeps the sweep's turns short and exact.
            Assert.Equal(0, (await user.RunAsync("config", "set", "agents.defaults.model.primary", "openrouter/emulator/echo")).ExitCode);
        }
    }

    public override string ToString() => Name;
}
