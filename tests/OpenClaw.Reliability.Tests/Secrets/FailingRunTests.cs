using OpenClaw.OpenRouter.Emulator;
using OpenClaw.Reliability.Tests.Support;

namespace OpenClaw.Reliability.Tests.Secrets;

/// <summary>
/// Issue 9 §4 on the unhappy paths: a key OpenRouter refuses (401), a model that does not exist, a config file that is
/// broken or invalid right next to the key, and config edits that carry the key. The error names the file, line and key
/// path — never the secret value — in text, <c>--json</c> and <c>--verbose</c> (stack trace) alike.
/// </summary>
public sealed class FailingRunTests
{
    private static void AssertClean(CliResult result, string what) =>
        Assert.True(SuiteKey.FindIn(result.Stdout + result.Stderr) is null, $"{what} printed the key:\n{result}");

    private static async Task<CliResult> FailAsync(SuiteCli user, params string[] args)
    {
        var result = await user.RunAsync(args);
        AssertClean(result, "openclaw " + string.Join(' ', args));
        Assert.True(result.ExitCode != 0, $"openclaw {string.Join(' ', args)} should fail:\n{result}");
        return result;
    }

    [Fact]
    public async Task A_key_openrouter_refuses_fails_every_command_without_printing_it()
    {
        await using var user = await SuiteCli.StartAsync(nameof(A_key_openrouter_refuses_fails_every_command_without_printing_it), options: new EmulatorOptions { AcceptWellFormedKeys = false });
        user.WriteConfig("""
            {"agents":{"defaults":{"model":{"primary":"openrouter/emulator/echo"}}},
             "messages":{"tts":{"provider":"openrouter","providers":{"openrouter":{"model":"hexgrad/kokoro-82m","voice":"af_alloy"}}}}}
            """);

        string[][] commands =
        [
            ["agent", "-m", "hello"],
            ["agent", "-m", "hello", "--json"],
            ["agent", "-m", "hello", "--verbose"],
            ["agent", "-m", "hello", "--json", "--verbose"],
            ["infer", "model", "run", "--prompt", "hi", "--json"],
            ["infer", "model", "run", "--prompt", "hi", "--verbose"],
            ["infer", "image", "generate", "--prompt", "A red square", "--json"],
            ["infer", "image", "generate", "--prompt", "A red square", "--verbose"],
            ["infer", "tts", "convert", "--text", "Hello", "--output", "out/s.mp3", "--json"],
            ["infer", "tts", "convert", "--text", "Hello", "--output", "out/s.mp3", "--verbose"],
        ];
        foreach (var command in commands)
        {
            var result = await FailAsync(user, command);
            Assert.Contains("User not found.", result.Stdout + result.Stderr, StringComparison.Ordinal);
        }
        foreach (var command in new[] { new[] { "doctor", "--probe" }, ["doctor", "--probe", "--json"], ["models", "status", "--json"] })
        {
            AssertClean(await user.RunAsync(command), string.Join(' ', command));
        }
        Assert.All(user.Emulator.Journal.Entries.Where(entry => entry.Header("Authorization") is not null),
            entry => Assert.Equal("Bearer " + SuiteKey.Value, entry.Header("Authorization")));
        user.RecordState();
        CommandSweepTests.AssertNoKeyInState(user, "401");
        Assert.False(File.Exists(Path.Combine(user.Home.WorkingDirectory, "out", "s.mp3")));
    }

    [Fact]
    public async Task A_missing_model_and_a_server_error_fail_without_printing_the_key()
    {
        await using var user = await SuiteCli.StartAsync(nameof(A_missing_model_and_a_server_error_fail_without_printing_the_key));
        user.WriteConfig("""{"agents":{"defaults":{"model":{"primary":"openrouter/emulator/echo"}}}}""");

        await FailAsync(user, "agent", "-m", "hello", "--model", "openrouter/missing/model-that-does-not-exist");
        await FailAsync(user, "agent", "-m", "hello", "--model", "openrouter/missing/model-that-does-not-exist", "--json", "--verbose");
        await FailAsync(user, "infer", "model", "run", "--prompt", "hi", "--model", "openrouter/missing/model", "--json");
        user.Emulator.Faults.Enqueue("status; code=403; message=Key disabled", "/chat/completions", model: null, times: 2);
        await FailAsync(user, "agent", "-m", "hello", "--verbose");
        await FailAsync(user, "agent", "-m", "hello", "--json");
        user.Emulator.Faults.Enqueue(FaultNames.ServerError, "/chat/completions", model: null, times: 1);
        await FailAsync(user, "infer", "model", "run", "--prompt", "hi", "--verbose");
        user.RecordState();
        CommandSweepTests.AssertNoKeyInState(user, "missing model");
    }

    /// <summary>Config files with the key in them and a mistake: what the error names (file:line:column or key path) and what it must not echo.</summary>
    public static TheoryData<string, string, string> BrokenConfigs => new()
    {
        // name, config text (KEY = the suite key, SECRET = its part after sk-or-v1-), text the error must show
        { "syntax error after the key", "{\n  models: { providers: { openrouter: {\n    apiKey: \"KEY\",\n    baseUrl: ,\n  } } },\n}\n", "openclaw.json:4:" },
        { "unterminated string holding the key", "{\n  env: {\n    OPENROUTER_API_KEY: \"KEY\n  },\n}\n", "openclaw.json:3:" },
        { "key pasted without quotes", "{\n  env: { OPENROUTER_API_KEY: KEY },\n}\n", "openclaw.json:2:" },
        { "key as an array", "{ models: { providers: { openrouter: { apiKey: [\"KEY\"] } } } }", "models.providers.openrouter.apiKey" },
        { "key as a number-like field", "{ agents: { defaults: { timeoutSeconds: \"KEY\" } } }", "agents.defaults.timeoutSeconds" },
        { "key in a misspelt field", "{ models: { providers: { openrouter: { apiKye: \"KEY\" } } } }", "apiKye" },
        { "key in the speech format", "{ messages: { tts: { providers: { openrouter: { responseFormat: \"KEY\" } } } } }", "responseFormat" },
        { "key in the speech provider", "{ messages: { tts: { provider: \"KEY\" } } }", "Config valid" },
        { "key as an object key", "{ models: { providers: { openrouter: { \"KEY\": true } } } }", "" },
    };

    /// <summary>The JSON5 reader quotes at most 12 characters of a bad token, so a secret pasted without quotes is not echoed.</summary>
    [Theory]
    [InlineData("secret pasted without quotes", "{\n  models: { providers: { openrouter: { apiKey: SECRET } } },\n}\n")]
    [InlineData("secret pasted as a hex number", "{\n  models: { providers: { openrouter: { apiKey: 0xSECRET } } },\n}\n")]
    public Task A_secret_pasted_as_a_bare_number_is_reported_without_the_secret(string name, string config) =>
        A_broken_config_around_the_key_is_reported_without_the_key(name, config, "openclaw.json:2:");

    [Theory]
    [MemberData(nameof(BrokenConfigs))]
    public async Task A_broken_config_around_the_key_is_reported_without_the_key(string name, string config, string named)
    {
        await using var user = await SuiteCli.StartAsync($"broken config [{name}]");
        user.Home.WriteConfig(config.Replace("KEY", SuiteKey.Value, StringComparison.Ordinal).Replace("SECRET", SuiteKey.SecretPart, StringComparison.Ordinal));

        var validate = await user.RunAsync("config", "validate");
        var validateJson = await user.RunAsync("config", "validate", "--json");
        string[][] others =
        [
            ["config", "get", "models", "--json"],
            ["config", "get", "models.providers.openrouter.apiKey"],
            ["config", "set", "agents.defaults.timeoutSeconds", "60"],
            ["models", "status", "--json"],
            ["models", "list", "--plain"],
            ["doctor"],
            ["doctor", "--json"],
            ["agent", "-m", "hello", "--verbose"],
            ["agent", "-m", "hello", "--json"],
            ["infer", "tts", "convert", "--text", "Hello", "--output", "out/s.mp3"],
        ];

        AssertClean(validate, "config validate");
        AssertClean(validateJson, "config validate --json");
        Assert.Contains(named, validate.Stdout + validate.Stderr, StringComparison.Ordinal);
        foreach (var command in others)
        {
            AssertClean(await user.RunAsync(command), string.Join(' ', command));
        }
        user.RecordState();
        CommandSweepTests.AssertNoKeyInState(user, name);
    }

    [Fact]
    public async Task A_mistyped_flag_or_stray_argument_carrying_the_key_is_refused_without_echoing_it()
    {
        await using var user = await SuiteCli.StartAsync(nameof(A_mistyped_flag_or_stray_argument_carrying_the_key_is_refused_without_echoing_it));
        user.Home.Environment.Remove("OPENROUTER_API_KEY");

        var text = await FailAsync(user, "onboard", "--non-interactive", "--accept-risk", "--openrouter-apikey", SuiteKey.Value);
        var json = await FailAsync(user, "onboard", "--non-interactive", "--accept-risk", "--openrouter-apikey", SuiteKey.Value, "--json");
        var stray = await FailAsync(user, "models", "status", SuiteKey.Value);
        var value = await FailAsync(user, "agent", "-m", "hi", "--thinking", SuiteKey.Value);
        var verbose = await FailAsync(user, "infer", "model", "run", "--prompt", "hi", "--model", SuiteKey.Value, "--verbose");

        Assert.All(new[] { text, stray, value, verbose }, result => Assert.StartsWith("Error: ", result.Stderr, StringComparison.Ordinal));
        Assert.Contains("\"ok\": false", json.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(user.Home.AuthStorePath));
    }

    [Fact]
    public async Task Config_edits_that_carry_the_key_do_not_print_it()
    {
        await using var user = await SuiteCli.StartAsync(nameof(Config_edits_that_carry_the_key_do_not_print_it));
        user.WriteConfig("""{"agents":{"defaults":{"model":{"primary":"openrouter/emulator/echo"}}}}""");

        string[][] commands =
        [
            ["config", "set", "models.providers.openrouter.apiKey", SuiteKey.Value, "--dry-run"],
            ["config", "set", "models.providers.openrouter.apiKey", SuiteKey.Value],
            ["config", "set", "models.providers.openrouter.apiKey", SuiteKey.Value],
            ["config", "set", "env.OPENROUTER_API_KEY", SuiteKey.Value],
            ["config", "set", "env.OPENROUTER", SuiteKey.Value],
            ["config", "set", "models.providers.openrouter.apiKey", SuiteKey.Value, "--strict-json"],
            ["config", "set", "models.providers.openrouter.bogus", SuiteKey.Value],
            ["config", "set", "agents.defaults.timeoutSeconds", SuiteKey.Value],
            ["config", "set", "messages.tts.providers.openrouter.apiKey", SuiteKey.Value, "--verbose"],
            ["config", "unset", "env.OPENROUTER"],
            ["config", "get", "env", "--json"],
            ["config", "validate", "--json"],
            ["agent", "-m", "hello", "--json"],
        ];
        foreach (var command in commands)
        {
            AssertClean(await user.RunAsync(command), string.Join(' ', command.Select(arg => arg == SuiteKey.Value ? "<key>" : arg)));
        }
        var patch = await user.RunAsync($$"""{ models: { providers: { openrouter: { apiKey: "{{SuiteKey.Value}}", nope: "{{SuiteKey.Value}}" } } } }""",
            TestContext.Current.CancellationToken, "config", "patch", "--stdin");
        AssertClean(patch, "config patch --stdin (invalid)");
        var goodPatch = await user.RunAsync($$"""{ env: { OPENROUTER_API_KEY: "{{SuiteKey.Value}}" } }""", TestContext.Current.CancellationToken, "config", "patch", "--stdin");
        AssertClean(goodPatch, "config patch --stdin");

        Assert.Equal(SuiteKey.Value, user.Home.ReadConfig()["models"]?["providers"]?["openrouter"]?["apiKey"]?.GetValue<string>());
        Assert.Equal(1, patch.ExitCode);
        Assert.Equal(0, goodPatch.ExitCode);
        // The rejected documents hold the key: kept as openclaw.json.rejected.<time>, owner-only.
        var rejected = Directory.GetFiles(user.Home.StateDir, "openclaw.json.rejected.*");
        Assert.NotEmpty(rejected);
        foreach (var file in rejected)
        {
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }
        }
        user.RecordState();
        CommandSweepTests.AssertNoKeyInState(user, "config edits");
    }

    [Fact]
    public async Task A_base_url_carrying_the_key_is_refused_without_echoing_it()
    {
        await using var user = await SuiteCli.StartAsync(nameof(A_base_url_carrying_the_key_is_refused_without_echoing_it));
        user.WriteConfig("""{"agents":{"defaults":{"model":{"primary":"openrouter/emulator/echo"}}}}""");
        var config = user.Home.ReadConfig();
        config["models"]!["providers"]!["openrouter"]!["baseUrl"] = user.Emulator.BaseUrl.AbsoluteUri + "?api_key=${OPENROUTER_API_KEY}";
        user.Home.WriteConfig(config.ToJsonString());

        foreach (var command in new[] { new[] { "agent", "-m", "hello" }, ["agent", "-m", "hello", "--json"], ["infer", "model", "run", "--prompt", "hi"], ["doctor", "--probe"] })
        {
            var result = await FailAsync(user, command);
            Assert.Contains("Invalid OpenRouter API base URL", result.Stdout + result.Stderr, StringComparison.Ordinal);
        }
        // The model list falls back to the published list; --verbose says why.
        AssertClean(await user.RunAsync("models", "list", "--refresh"), "models list --refresh");
        AssertClean(await user.RunAsync("models", "list", "--refresh", "--verbose"), "models list --refresh --verbose");
        Assert.Empty(user.Emulator.Journal.Entries);
    }
}
