using System.Globalization;
using System.Text.Json.Nodes;
using OpenClaw.Core.Config;
using OpenClaw.Core.Credentials;
using OpenClaw.Reliability.Tests.Support;

namespace OpenClaw.Reliability.Tests.Concurrency;

/// <summary>
/// Issue 9, concurrency: many <c>openclaw</c> processes writing <c>openclaw.json</c> and the auth store at the same moment.
/// Every write takes the file's lock, re-reads the file and replaces it atomically, so no process may lose another's change,
/// and no reader may ever see a half-written file.
/// </summary>
[Collection(ConcurrencyCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ConcurrentConfigWriteTests
{
    private const int ConfigSetCount = 30;
    private const int FallbackCount = 5;
    private const int AliasCount = 5;
    private const int OnboardCount = 10;

    /// <summary>A key of another provider already in the store: every onboarding must keep it.</summary>
    private const string OtherProviderKey = "sk-ant-concurrency-test-not-a-secret";

    [Fact]
    public async Task Fifty_processes_writing_config_and_auth_profiles_at_once_lose_nothing_and_leave_valid_private_files()
    {
        await using var user = await SuiteCli.StartAsync(nameof(Fifty_processes_writing_config_and_auth_profiles_at_once_lose_nothing_and_leave_valid_private_files));
        SeedAuthStore(user.Home.AuthStorePath);
        var commands = FiftyWriters();

        var (results, wall) = await CliFleet.RunAsync(user, commands);
        Timings.Report(
            $"50 writers: wall {wall.TotalSeconds:0.0} s, slowest process {results.Max(r => r.Elapsed).TotalSeconds:0.0} s");

        foreach (var result in results)
        {
            Assert.True(result.Result.ExitCode == 0, result.ToString());
            Assert.DoesNotContain("Timed out", result.Result.Stderr, StringComparison.Ordinal);
        }

        // Nothing lost: every process's value is in the final file.
        var config = StateFiles.ParseJson(user.Home.ConfigPath);
        var defaults = config["agents"]!["defaults"]!;
        var models = defaults["models"]!.AsObject();
        for (var i = 0; i < ConfigSetCount; i++)
        {
            Assert.Equal($"m{i}", models[ModelRef("model", i)]?["alias"]?.GetValue<string>());
        }
        var fallbacks = defaults["model"]!["fallbacks"]!.AsArray().Select(node => node!.GetValue<string>()).ToArray();
        Assert.Equal(Enumerable.Range(0, FallbackCount).Select(i => ModelRef("fallback", i)).Order(StringComparer.Ordinal), fallbacks.Order(StringComparer.Ordinal));
        for (var i = 0; i < FallbackCount; i++)
        {
            Assert.True(models.ContainsKey(ModelRef("fallback", i)), $"models entry of fallback {i} missing");
        }
        for (var i = 0; i < AliasCount; i++)
        {
            Assert.Equal($"a{i}", models[ModelRef("aliased", i)]?["alias"]?.GetValue<string>());
        }
        // Onboarding's own writes, and what the harness wrote before the run.
        Assert.Equal("openrouter/auto", defaults["model"]!["primary"]!.GetValue<string>());
        Assert.Equal("OpenRouter", models["openrouter/auto"]?["alias"]?.GetValue<string>());
        Assert.Equal("api_key", config["auth"]!["profiles"]!["openrouter:default"]!["mode"]!.GetValue<string>());
        Assert.Equal(user.Emulator.BaseUrl.AbsoluteUri, config["models"]!["providers"]!["openrouter"]!["baseUrl"]!.GetValue<string>());
        Assert.True(config["models"]!["providers"]!["openrouter"]!["request"]!["allowPrivateNetwork"]!.GetValue<bool>());
        Assert.DoesNotContain(SuiteKey.SecretPart, user.Home.ConfigText, StringComparison.Ordinal);

        // The backup is a complete earlier version, not a torn one.
        var backup = StateFiles.ParseJson(user.Home.ConfigPath + ".bak");
        Assert.True(ConfigValidator.Validate(backup).IsValid, backup.ToJsonString());
        Assert.Equal("600", StateFiles.Mode(user.Home.ConfigPath));
        Assert.Equal("600", StateFiles.Mode(user.Home.ConfigPath + ".bak"));

        // The auth store: the key, the other provider's profile and the runtime maps all survived ten concurrent updates.
        var store = StateFiles.ParseJson(user.Home.AuthStorePath);
        var profile = store["profiles"]!["openrouter:default"]!;
        Assert.Equal("api_key", profile["type"]!.GetValue<string>());
        Assert.Equal(SuiteKey.Value, profile["key"]!.GetValue<string>());
        Assert.Equal(OtherProviderKey, store["profiles"]!["anthropic:default"]!["key"]!.GetValue<string>());
        Assert.Equal("openrouter:default", store["lastGood"]!["openrouter"]!.GetValue<string>());
        Assert.Equal("600", StateFiles.Mode(user.Home.AuthStorePath));
        Assert.Equal("700", StateFiles.Mode(Path.GetDirectoryName(user.Home.AuthStorePath)!));

        // What stays behind: the two lock files (by design, never deleted), nothing temporary, nothing rejected.
        Assert.Equal(
            ["agents/main/agent/auth-profiles.json", "agents/main/agent/auth-profiles.json.lock", "openclaw.json", "openclaw.json.bak", "openclaw.json.lock"],
            StateFiles.List(user.Home.StateDir));

        // And the next runs work: validate, read, write.
        var validate = await user.RunAsync("config", "validate");
        Assert.True(validate.ExitCode == 0, validate.ToString());
        var get = await user.RunAsync("config", "get", $"agents.defaults.models[\"{ModelRef("model", 7)}\"].alias");
        Assert.Equal("m7\n", get.Stdout);
        var after = await user.RunAsync("config", "set", "agents.defaults.timeoutSeconds", "120");
        Assert.True(after.ExitCode == 0, after.ToString());
    }

    [Fact]
    public async Task Twenty_processes_patching_and_unsetting_config_at_once_apply_every_edit()
    {
        await using var user = await SuiteCli.StartAsync(nameof(Twenty_processes_patching_and_unsetting_config_at_once_apply_every_edit));
        var seeded = new JsonObject();
        for (var i = 0; i < 10; i++)
        {
            seeded[ModelRef("old", i)] = new JsonObject { ["alias"] = $"o{i}" };
        }
        user.WriteConfig(new JsonObject { ["agents"] = new JsonObject { ["defaults"] = new JsonObject { ["models"] = seeded } } }.ToJsonString());

        // 5 unsets and 5 deleting patches remove the seeded entries; 10 patches add entries (JSON5, from standard input).
        var commands = new List<FleetCommand>();
        for (var i = 0; i < 10; i++)
        {
            commands.Add(new FleetCommand($"config patch add {i}", ["config", "patch", "--stdin"],
                $"{{agents: {{defaults: {{models: {{'{ModelRef("patch", i)}': {{alias: 'p{i}'}}}}}}}}}}"));
            commands.Add(i < 5
                ? new FleetCommand($"config unset old-{i}", ["config", "unset", $"agents.defaults.models[\"{ModelRef("old", i)}\"]"])
                : new FleetCommand($"config patch delete old-{i}", ["config", "patch", "--stdin", "--replace"],
                    $"{{\"agents\": {{\"defaults\": {{\"models\": {{\"{ModelRef("old", i)}\": null}}}}}}}}"));
        }

        var (results, wall) = await CliFleet.RunAsync(user, commands);
        Timings.Report($"20 patch/unset writers: wall {wall.TotalSeconds:0.0} s, slowest process {results.Max(r => r.Elapsed).TotalSeconds:0.0} s");

        foreach (var result in results)
        {
            Assert.True(result.Result.ExitCode == 0, result.ToString());
        }
        var config = StateFiles.ParseJson(user.Home.ConfigPath);
        var models = config["agents"]!["defaults"]!["models"]!.AsObject();
        Assert.Equal(
            Enumerable.Range(0, 10).Select(i => (ModelRef("patch", i), $"p{i}")).Order(),
            models.Select(pair => (pair.Key, pair.Value!["alias"]!.GetValue<string>())).Order());
        Assert.True(ConfigValidator.Validate(StateFiles.ParseJson(user.Home.ConfigPath + ".bak")).IsValid);
        Assert.Equal(["openclaw.json", "openclaw.json.bak", "openclaw.json.lock"], StateFiles.List(user.Home.StateDir));
        var validate = await user.RunAsync("config", "validate");
        Assert.True(validate.ExitCode == 0, validate.ToString());
    }

    [Fact]
    public async Task Config_and_auth_writers_killed_at_random_moments_leave_whole_files_and_keep_every_finished_write()
    {
        await using var user = await SuiteCli.StartAsync(nameof(Config_and_auth_writers_killed_at_random_moments_leave_whole_files_and_keep_every_finished_write));
        SeedAuthStore(user.Home.AuthStorePath);
        var commands = new List<FleetCommand>();
        for (var i = 0; i < 20; i++)
        {
            commands.Add(new FleetCommand($"config set killed-{i}", ["config", "set", $"agents.defaults.models[\"{ModelRef("killed", i)}\"].alias", $"k{i}"]));
            if (i % 5 == 4)
            {
                commands.Add(new FleetCommand($"onboard {i / 5}",
                    ["onboard", "--non-interactive", "--accept-risk", "--auth-choice", "openrouter-api-key", "--openrouter-api-key", SuiteKey.Value]));
            }
        }
        var wall = System.Diagnostics.Stopwatch.StartNew();
        var processes = commands.Select(command => CliFleet.Start(user, command)).ToArray();
        // Every other process is SIGKILLed at a random moment of a run's life on this machine (start-up included).
        var kills = processes.Where((_, index) => index % 2 == 1).Select(async process =>
        {
            await Task.Delay(Random.Shared.Next(500, 6000), TestContext.Current.CancellationToken);
            try
            {
                process.Running.Process.Kill();
            }
            catch (InvalidOperationException)
            {
                // It finished first.
            }
        }).ToArray();
        await Task.WhenAll(kills);
        var results = await Task.WhenAll(processes.Select(process => process.WaitAsync(user)));
        var killed = results.Count(result => result.Result.ExitCode != 0);
        Timings.Report($"24 writers, 12 SIGKILLed at random: {killed} died before finishing, wall {wall.Elapsed.TotalSeconds:0.0} s");

        // Whole files: the config and its backup parse and validate, the auth store parses and kept the other profile.
        var config = StateFiles.ParseJson(user.Home.ConfigPath);
        Assert.True(ConfigValidator.Validate(config).IsValid, config.ToJsonString());
        Assert.True(ConfigValidator.Validate(StateFiles.ParseJson(user.Home.ConfigPath + ".bak")).IsValid);
        var store = StateFiles.ParseJson(user.Home.AuthStorePath);
        Assert.Equal(OtherProviderKey, store["profiles"]!["anthropic:default"]!["key"]!.GetValue<string>());
        Assert.Equal("600", StateFiles.Mode(user.Home.AuthStorePath));

        // Every process that finished kept its write; a killed one either wrote its value whole or not at all.
        var models = config["agents"]!["defaults"]!["models"]!.AsObject();
        foreach (var result in results)
        {
            if (result.Result.ExitCode != 0)
            {
                Assert.True(result.Result.ExitCode == 137, result.ToString());
                continue;
            }
            if (result.Command.Label.StartsWith("config set killed-", StringComparison.Ordinal))
            {
                var i = int.Parse(result.Command.Label["config set killed-".Length..], CultureInfo.InvariantCulture);
                Assert.Equal($"k{i}", models[ModelRef("killed", i)]?["alias"]?.GetValue<string>());
            }
            else
            {
                Assert.Equal(SuiteKey.Value, store["profiles"]!["openrouter:default"]!["key"]!.GetValue<string>());
            }
        }

        // A writer killed between creating its temporary file and renaming it may have left that file (rarely: the window
        // is the write and fsync of a few KiB); nothing else may stay.
        var files = StateFiles.List(user.Home.StateDir);
        Timings.Report($"files left after the kills: {string.Join(", ", files)}");
        Assert.Equal(
            ["agents/main/agent/auth-profiles.json", "agents/main/agent/auth-profiles.json.lock", "openclaw.json", "openclaw.json.bak", "openclaw.json.lock"],
            files.Where(file => !file.EndsWith(".tmp", StringComparison.Ordinal)));

        // The next runs are not disturbed by whatever the killed ones left, and their writes sweep the leftovers away.
        var next = await user.RunAsync("config", "set", "agents.defaults.timeoutSeconds", "120");
        Assert.True(next.ExitCode == 0, next.ToString());
        var onboard = await user.RunAsync("onboard", "--non-interactive", "--accept-risk", "--auth-choice", "openrouter-api-key", "--openrouter-api-key", SuiteKey.Value);
        Assert.True(onboard.ExitCode == 0, onboard.ToString());
        var validate = await user.RunAsync("config", "validate");
        Assert.True(validate.ExitCode == 0, validate.ToString());
        Assert.Equal(
            ["agents/main/agent/auth-profiles.json", "agents/main/agent/auth-profiles.json.lock", "openclaw.json", "openclaw.json.bak", "openclaw.json.lock"],
            StateFiles.List(user.Home.StateDir));
    }

    private static string ModelRef(string kind, int index) => string.Create(CultureInfo.InvariantCulture, $"openrouter/vendor/{kind}-{index}");

    /// <summary>30 <c>config set</c>, 5 <c>models fallbacks add</c>, 5 <c>models aliases add</c> and 10 onboardings, interleaved.</summary>
    private static List<FleetCommand> FiftyWriters()
    {
        var configSets = Enumerable.Range(0, ConfigSetCount).Select(i => new FleetCommand(
            $"config set model-{i}", ["config", "set", $"agents.defaults.models[\"{ModelRef("model", i)}\"].alias", $"m{i}"]));
        var fallbacks = Enumerable.Range(0, FallbackCount).Select(i => new FleetCommand(
            $"models fallbacks add {i}", ["models", "fallbacks", "add", ModelRef("fallback", i)]));
        var aliases = Enumerable.Range(0, AliasCount).Select(i => new FleetCommand(
            $"models aliases add {i}", ["models", "aliases", "add", $"a{i}", ModelRef("aliased", i)]));
        var onboards = Enumerable.Range(0, OnboardCount).Select(i => new FleetCommand(
            $"onboard {i}",
            ["onboard", "--non-interactive", "--accept-risk", "--auth-choice", "openrouter-api-key", "--openrouter-api-key", SuiteKey.Value]));
        var writers = configSets.Concat(fallbacks).Concat(aliases).ToList();
        var all = new List<FleetCommand>();
        using var onboard = onboards.GetEnumerator();
        for (var i = 0; i < writers.Count; i++)
        {
            all.Add(writers[i]);
            if (i % 4 == 3 && onboard.MoveNext())
            {
                all.Add(onboard.Current);
            }
        }
        Assert.Equal(50, all.Count);
        return all;
    }

    /// <summary>
    /// An auth store holding an older OpenRouter key, another provider's profile and runtime maps, written by the library
    /// itself (so the directory and file modes are the program's own).
    /// </summary>
    private static void SeedAuthStore(string path) =>
        new AuthProfileStore(path).Update(document =>
        {
            var profiles = document["profiles"]!.AsObject();
            profiles["openrouter:default"] = new JsonObject { ["type"] = "api_key", ["provider"] = "openrouter", ["key"] = "sk-or-v1-" + new string('0', 64) };
            profiles["anthropic:default"] = new JsonObject { ["type"] = "api_key", ["provider"] = "anthropic", ["key"] = OtherProviderKey };
            document["lastGood"] = new JsonObject { ["openrouter"] = "openrouter:default" };
            document["usageStats"] = new JsonObject { ["openrouter:default"] = new JsonObject { ["lastUsed"] = 1795481190591, ["errorCount"] = 0 } };
            return true;
        });
}
