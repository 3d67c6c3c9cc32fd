using System.Globalization;
using System.Text.Json.Nodes;
using OpenClaw.Core.Config;
using OpenClaw.Core.Credentials;

namespace OpenClaw.Reliability.Tests.Concurrency;

/// <summary>
/// The stores' file locks also exclude threads of one process (each acquisition opens the lock file anew), so a program that
/// updates a store from several tasks loses nothing either. Distinct profiles per writer: the CLI itself only ever writes
/// <c>openrouter:default</c>, so this is where concurrent auth-store writes of different content are checked.
/// </summary>
[Collection(ConcurrencyCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class InProcessStoreContentionTests
{
    private const int Writers = 32;

    [Fact]
    public async Task Thirty_two_tasks_adding_auth_profiles_at_once_all_land_in_a_private_store()
    {
        using var directory = new TemporaryDirectory();
        var path = Path.Combine(directory.Path, "agents", "main", "agent", "auth-profiles.json");
        var store = new AuthProfileStore(path);

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(i => Task.Run(() => store.Update(document =>
            AuthProfileStore.SetApiKey(document, Id(i), $"sk-or-v1-{i:x64}")), TestContext.Current.CancellationToken)));

        var profiles = StateFiles.ParseJson(path)["profiles"]!.AsObject();
        Assert.Equal(Enumerable.Range(0, Writers).Select(Id).Order(StringComparer.Ordinal), profiles.Select(pair => pair.Key).Order(StringComparer.Ordinal));
        for (var i = 0; i < Writers; i++)
        {
            Assert.Equal($"sk-or-v1-{i:x64}", profiles[Id(i)]!["key"]!.GetValue<string>());
        }
        Assert.Equal("600", StateFiles.Mode(path));
        Assert.Equal("700", StateFiles.Mode(Path.GetDirectoryName(path)!));
        Assert.Equal(["auth-profiles.json", "auth-profiles.json.lock"], StateFiles.List(Path.GetDirectoryName(path)!));

        static string Id(int i) => string.Create(CultureInfo.InvariantCulture, $"openrouter:writer-{i}");
    }

    [Fact]
    public async Task Thirty_two_tasks_updating_the_config_at_once_all_land()
    {
        using var directory = new TemporaryDirectory();
        var path = Path.Combine(directory.Path, ".openclaw", "openclaw.json");
        var store = new ConfigStore(path);

        var results = await Task.WhenAll(Enumerable.Range(0, Writers).Select(i => Task.Run(() => store.Update(root =>
        {
            var defaults = Object(Object(root, "agents"), "defaults");
            Object(Object(defaults, "models"), Ref(i))["alias"] = $"t{i}";
            return true;
        }), TestContext.Current.CancellationToken)));

        Assert.All(results, result => Assert.True(result.Changed));
        var models = StateFiles.ParseJson(path)["agents"]!["defaults"]!["models"]!.AsObject();
        Assert.Equal(Enumerable.Range(0, Writers).Select(i => (Ref(i), $"t{i}")).Order(), models.Select(pair => (pair.Key, pair.Value!["alias"]!.GetValue<string>())).Order());
        // 31 of the 32 writes found a file to back up; the backup is the state before the last write: one entry fewer.
        Assert.Equal(Writers - 1, StateFiles.ParseJson(path + ".bak")["agents"]!["defaults"]!["models"]!.AsObject().Count);
        Assert.Equal(["openclaw.json", "openclaw.json.bak", "openclaw.json.lock"], StateFiles.List(Path.GetDirectoryName(path)!));

        static string Ref(int i) => string.Create(CultureInfo.InvariantCulture, $"openrouter/vendor/task-{i}");
    }

    private static JsonObject Object(JsonObject parent, string name)
    {
        if (parent[name] is not JsonObject child)
        {
            child = [];
            parent[name] = child;
        }
        return child;
    }
}
