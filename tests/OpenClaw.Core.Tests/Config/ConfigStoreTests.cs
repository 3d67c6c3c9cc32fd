using System.Runtime.Versioning;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using OpenClaw.Core.Config;

namespace OpenClaw.Core.Tests.Config;

public sealed class ConfigStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 0, 46, 4, 749, TimeSpan.Zero);
    private readonly TemporaryDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(Now);

    public void Dispose() => _directory.Dispose();

    private string FilePath => _directory.Combine("state", "openclaw.json");

    private ConfigStore Store() => new(FilePath, _time);

    private void WriteConfig(string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        File.WriteAllText(FilePath, text);
    }

    private static bool SetPrimary(JsonObject root, string primary)
    {
        ConfigPath.Parse("agents.defaults.model.primary").Set(root, primary);
        return true;
    }

    [Fact]
    public void Writes_pretty_json_with_a_final_newline_into_a_new_state_directory()
    {
        var result = Store().Update(root =>
        {
            root["agents"] = new JsonObject { ["defaults"] = new JsonObject { ["workspace"] = "/home/ü/<ws> & \"q\"" } };
            return true;
        });

        Assert.True(result.Changed);
        Assert.Equal(FilePath, result.Path);
        Assert.Null(result.BackupPath);
        Assert.Equal("{\n  \"agents\": {\n    \"defaults\": {\n      \"workspace\": \"/home/ü/<ws> & \\\"q\\\"\"\n    }\n  }\n}\n", File.ReadAllText(FilePath));
        Assert.False(File.Exists(FilePath + ".bak"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(FilePath));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(FilePath)!));
        }
    }

    [Fact]
    public void Keeps_the_previous_file_as_bak_and_preserves_unknown_sections()
    {
        const string previous = "// hand-written\n{ \"gateway\": { \"port\": 18789 }, \"agents\": { \"defaults\": { \"model\": { \"primary\": \"openrouter/auto\", \"fallbacks\": [] } } } }\n";
        WriteConfig(previous);

        var result = Store().Update(root => SetPrimary(root, "openrouter/moonshotai/kimi-k2.6"));

        Assert.Equal(FilePath + ".bak", result.BackupPath);
        Assert.Equal(previous, File.ReadAllText(FilePath + ".bak"));
        var written = JsonNode.Parse(File.ReadAllText(FilePath))!;
        Assert.Equal(18789, written["gateway"]!["port"]!.GetValue<int>());
        Assert.Equal("openrouter/moonshotai/kimi-k2.6", written["agents"]!["defaults"]!["model"]!["primary"]!.GetValue<string>());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(FilePath));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(FilePath + ".bak"));
        }
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Tightens_the_mode_of_an_existing_world_readable_file()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        WriteConfig("{}");
        File.SetUnixFileMode(FilePath, (UnixFileMode)0b110_100_100);

        Store().Update(root => SetPrimary(root, "openrouter/auto"));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(FilePath));
    }

    [Fact]
    public void An_edit_that_changes_nothing_writes_nothing()
    {
        const string previous = "{ \"agents\": {} }";
        WriteConfig(previous);
        var seen = "";

        var result = Store().Update(root =>
        {
            seen = root.ToJsonString();
            return false;
        });

        Assert.False(result.Changed);
        Assert.Null(result.BackupPath);
        Assert.Equal("""{"agents":{}}""", seen);
        Assert.Equal(previous, File.ReadAllText(FilePath));
        Assert.False(File.Exists(FilePath + ".bak"));
    }

    [Fact]
    public void An_invalid_result_is_saved_aside_and_the_file_is_untouched()
    {
        const string previous = "{ \"agents\": { \"defaults\": { \"model\": \"openrouter/auto\" } } }";
        WriteConfig(previous);

        var exception = Assert.Throws<ConfigException>(() => Store().Update(root =>
        {
            root["agents"]!["defaults"]!["modle"] = "typo";
            return true;
        }));

        Assert.Equal("Config validation failed: agents.defaults: Unrecognized key: \"modle\"", exception.Message);
        Assert.Equal(previous, File.ReadAllText(FilePath));
        Assert.False(File.Exists(FilePath + ".bak"));
        var rejected = FilePath + ".rejected.20261124T004604Z";
        Assert.Equal(rejected, exception.Data["rejectedPath"]);
        Assert.Equal("typo", JsonNode.Parse(File.ReadAllText(rejected))!["agents"]!["defaults"]!["modle"]!.GetValue<string>());
    }

    [Fact]
    public void Several_issues_are_counted_in_the_message()
    {
        var exception = Assert.Throws<ConfigException>(() => Store().Update(root =>
        {
            root["agents"] = new JsonObject { ["defaults"] = new JsonObject { ["timeoutSeconds"] = "600", ["mediaMaxMb"] = -1 } };
            root["nonsense"] = true;
            return true;
        }));

        Assert.Equal("Config validation failed: agents.defaults.timeoutSeconds: Expected integer, received string (+2 more)", exception.Message);
        Assert.False(File.Exists(FilePath));
    }

    [Fact]
    public void An_exception_from_the_edit_leaves_the_file_untouched()
    {
        const string previous = "{}";
        WriteConfig(previous);

        Assert.Throws<InvalidOperationException>(() => Store().Update(root =>
        {
            root["agents"] = new JsonObject();
            throw new InvalidOperationException("edit failed");
        }));

        Assert.Equal(previous, File.ReadAllText(FilePath));
    }

    [Fact]
    public void A_symlinked_config_is_read_but_never_written()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "symbolic links need privileges on Windows");
        var target = _directory.Combine("elsewhere.json");
        const string content = "{ \"agents\": {} }";
        File.WriteAllText(target, content);
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        File.CreateSymbolicLink(FilePath, target);

        Assert.True(Store().Load().Exists);
        var exception = Assert.Throws<ConfigException>(() => Store().Update(root => SetPrimary(root, "openrouter/auto")));

        Assert.Contains(FilePath, exception.Message, StringComparison.Ordinal);
        Assert.Contains("symbolic link", exception.Message, StringComparison.Ordinal);
        Assert.Equal(content, File.ReadAllText(target));
        Assert.NotNull(new FileInfo(FilePath).LinkTarget);
    }

    [Fact]
    public void A_syntax_error_in_the_file_stops_the_update()
    {
        const string previous = "{ \"agents\": ";
        WriteConfig(previous);
        var called = false;

        var exception = Assert.Throws<ConfigException>(() => Store().Update(_ =>
        {
            called = true;
            return true;
        }));

        Assert.StartsWith($"{FilePath}:1:", exception.Message);
        Assert.False(called);
        Assert.Equal(previous, File.ReadAllText(FilePath));
    }

    [Fact]
    public void Each_update_sees_the_file_as_it_is_now()
    {
        var store = Store();
        store.Update(root => SetPrimary(root, "openrouter/auto"));
        File.WriteAllText(FilePath, "{ \"agents\": { \"defaults\": { \"workspace\": \"/ws\" } } }");

        store.Update(root => SetPrimary(root, "openrouter/moonshotai/kimi-k2.6"));

        var written = store.Load().Root;
        Assert.Equal("/ws", written["agents"]!["defaults"]!["workspace"]!.GetValue<string>());
        Assert.Equal("openrouter/moonshotai/kimi-k2.6", written["agents"]!["defaults"]!["model"]!["primary"]!.GetValue<string>());
    }

    [Fact]
    public void Concurrent_updates_of_different_keys_are_all_kept()
    {
        const int writers = 20;
        var store = Store();
        using var start = new ManualResetEventSlim();
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var threads = Enumerable.Range(0, writers).Select(i => new Thread(() =>
        {
            try
            {
                start.Wait(TestContext.Current.CancellationToken);
                new ConfigStore(FilePath, _time).Update(root =>
                {
                    ConfigPath.Parse($"agents.entries.agent{i}.name").Set(root, $"Agent {i}");
                    return true;
                });
            }
            catch (Exception exception)
            {
                failures.Enqueue(exception);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        start.Set();
        threads.ForEach(t => t.Join());

        Assert.Empty(failures);

        var entries = store.Load().Root["agents"]!["entries"]!.AsObject();
        Assert.Equal(writers, entries.Count);
        for (var i = 0; i < writers; i++)
        {
            Assert.Equal($"Agent {i}", entries[$"agent{i}"]!["name"]!.GetValue<string>());
        }
        Assert.True(ConfigValidator.Validate(store.Load().Root).IsValid);
    }
}
