using OpenClaw.Reliability.Tests.Support;

namespace OpenClaw.Reliability.Tests.Secrets;

/// <summary>
/// Issue 9 §4: with <see cref="SuiteKey"/> in each place a key can live (<see cref="KeyPlacement"/>), every <c>openclaw</c>
/// command that reads, shows, checks or uses the key — in text, <c>--json</c> and <c>--plain</c> — prints no piece of it on
/// stdout or stderr, and the files the runs leave (session database, caches, media, temporary files) hold none of it.
/// </summary>
public sealed class CommandSweepTests
{
    /// <summary>Every command of the sweep, in the order a user might run them (onboarding last: it moves the key to the store).</summary>
    public static IReadOnlyList<string[]> Commands { get; } =
    [
        ["config", "get", "models.providers.openrouter.apiKey"],
        ["config", "get", "models.providers.openrouter.apiKey", "--json"],
        ["config", "get", "models.providers.openrouter"],
        ["config", "get", "models.providers.openrouter", "--json"],
        ["config", "get", "models"],
        ["config", "get", "env"],
        ["config", "get", "env", "--json"],
        ["config", "get", "env.OPENROUTER_API_KEY"],
        ["config", "get", "env.OPENROUTER"],
        ["config", "get", "env.vars", "--json"],
        ["config", "get", "messages.tts"],
        ["config", "get", "messages.tts.providers.openrouter.apiKey", "--json"],
        ["config", "get", "auth", "--json"],
        ["config", "get", ""],
        ["config", "get", ".", "--json"],
        ["config", "file"],
        ["config", "file", "--json"],
        ["config", "validate"],
        ["config", "validate", "--json"],
        ["config", "schema"],
        ["models"],
        ["models", "status"],
        ["models", "status", "--json"],
        ["models", "status", "--plain"],
        ["models", "status", "--check"],
        ["models", "list"],
        ["models", "list", "--json"],
        ["models", "list", "--refresh", "--json"],
        ["models", "list", "--all", "--plain"],
        ["doctor"],
        ["doctor", "--json"],
        ["doctor", "--probe"],
        ["doctor", "--json", "--probe"],
        ["agent", "-m", "hello"],
        ["agent", "-m", "hello again", "--json", "--session-id", "sweep"],
        ["agent", "-m", "hello", "--verbose", "--model", "openrouter/emulator/echo"],
        ["infer", "model", "run", "--prompt", "One word for joy"],
        ["infer", "model", "run", "--prompt", "One word for joy", "--json"],
        ["infer", "image", "generate", "--prompt", "A red square", "--output", "out/img.png", "--json"],
        ["infer", "tts", "convert", "--text", "Hello there", "--output", "out/speech.mp3", "--json"],
        ["infer", "tts", "convert", "--text", "Hello there", "--output", "out/speech2.mp3"],
        ["sessions", "list"],
        ["sessions", "list", "--json"],
        ["sessions", "show"],
        ["sessions", "show", "--json"],
        ["sessions", "show", "sweep", "--json"],
        ["--help"],
        ["config", "--help"],
        ["onboard", "--help"],
        ["onboard", "--non-interactive", "--accept-risk"],
        ["onboard", "--non-interactive", "--accept-risk", "--json"],
        ["models", "status", "--json"],
        ["config", "get", "auth", "--json"],
        ["doctor", "--json"],
    ];

    public static TheoryData<string> Placements => new(KeyPlacement.All.Select(placement => placement.Name));

    [Theory]
    [MemberData(nameof(Placements))]
    public async Task No_command_prints_the_key_or_leaves_it_in_a_file(string placementName)
    {
        var placement = KeyPlacement.Named(placementName);
        await using var user = await SuiteCli.StartAsync($"sweep [{placement.Name}]");
        await placement.ApplyAsync(user);

        var exitCodes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var command in Commands)
        {
            var result = await user.RunAsync(command);
            var line = string.Join(' ', command);
            exitCodes.TryAdd(line, result.ExitCode);
            Assert.True(SuiteKey.FindIn(result.Stdout + result.Stderr) is null, $"[{placement.Name}] openclaw {line} printed the key:\n{result}");
        }
        user.RecordState();
        AssertNoKeyInState(user, placement.Name);

        // The sweep really used the key: the calls that need one succeeded and carried it.
        Assert.Equal(0, exitCodes["infer tts convert --text Hello there --output out/speech.mp3 --json"]);
        Assert.Contains(user.Emulator.Journal.For("/audio/speech"), entry => entry.Header("Authorization") == "Bearer " + SuiteKey.Value);
        if (placement.ChatHasKey)
        {
            Assert.Equal(0, exitCodes["agent -m hello"]);
            Assert.Equal(0, exitCodes["infer image generate --prompt A red square --output out/img.png --json"]);
            Assert.Equal(0, exitCodes["doctor --json --probe"]);
            Assert.Contains(user.Emulator.Journal.For("/chat/completions"), entry => entry.Header("Authorization") == "Bearer " + SuiteKey.Value);
            Assert.Contains(user.Emulator.Journal.For("/key"), entry => entry.Header("Authorization") == "Bearer " + SuiteKey.Value);
        }
    }

    [Fact]
    public async Task Real_processes_print_no_key_with_the_key_in_the_auth_store_and_the_config()
    {
        await using var user = await SuiteCli.StartAsync("sweep process");
        user.Home.Environment.Remove("OPENROUTER_API_KEY");
        user.WriteConfig("""{"agents":{"defaults":{"model":{"primary":"openrouter/emulator/echo"}}},"models":{"providers":{"openrouter":{"apiKey":"KEY"}}}}""".Replace("KEY", SuiteKey.Value, StringComparison.Ordinal));

        string[][] commands =
        [
            ["onboard", "--non-interactive", "--accept-risk", "--openrouter-api-key", SuiteKey.Value, "--json"],
            ["config", "set", "agents.defaults.model.primary", "openrouter/emulator/echo"],
            ["config", "get", "models.providers.openrouter", "--json"],
            ["models", "status", "--json"],
            ["models", "status"],
            ["doctor", "--json", "--probe"],
            ["agent", "-m", "hello", "--json"],
            ["agent", "-m", "hello", "--model", "openrouter/missing/model"],
        ];
        var results = new List<CliResult>();
        foreach (var command in commands)
        {
            var result = await user.RunProcessAsync(command);
            results.Add(result);
            Assert.True(SuiteKey.FindIn(result.Stdout + result.Stderr) is null, $"openclaw {string.Join(' ', command)} printed the key:\n{result}");
        }

        Assert.All(results.SkipLast(1), result => Assert.True(result.ExitCode == 0, result.ToString()));
        Assert.Equal(1, results[^1].ExitCode);
        user.RecordState();
        AssertNoKeyInState(user, "process");
    }

    /// <summary>Every file under HOME and the working directory but the two key stores (config with backups, auth store) is free of the key.</summary>
    internal static void AssertNoKeyInState(SuiteCli user, string label)
    {
        foreach (var root in new[] { user.Home.Home, user.Home.WorkingDirectory })
        {
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                var name = Path.GetFileName(file);
                if (name.StartsWith("auth-profiles.json", StringComparison.Ordinal) || name.StartsWith("openclaw.json", StringComparison.Ordinal)
                    || name.StartsWith(".openclaw.json", StringComparison.Ordinal) || name == ".env")
                {
                    continue;
                }
                var text = System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(file));
                Assert.True(SuiteKey.FindIn(text) is null, $"[{label}] {Path.GetRelativePath(root, file)} holds the key");
            }
        }
    }
}
