using System.Text.Json.Nodes;
using OpenClaw.Core.Credentials;
using OpenClaw.Core.Errors;
using OpenClaw.Core.Tests.Files;

namespace OpenClaw.Core.Tests.Credentials;

public sealed class AuthProfileStoreTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public AuthProfileStoreTests()
    {
        AgentDir = _directory.Combine("state", "agents", "main", "agent");
        Store = new AuthProfileStore(Path.Combine(AgentDir, "auth-profiles.json"));
    }

    private string AgentDir { get; }

    private AuthProfileStore Store { get; }

    public void Dispose() => _directory.Dispose();

    private void WriteStore(string text)
    {
        Directory.CreateDirectory(AgentDir);
        File.WriteAllText(Store.Path, text);
    }

    private static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";

    [Fact]
    public void A_missing_file_is_an_empty_store()
    {
        Assert.Equal("""{"version":1,"profiles":{}}""", Store.Load().ToJsonString());
        Assert.False(Directory.Exists(AgentDir));
    }

    [Fact]
    public void A_store_without_profiles_gets_an_empty_map()
    {
        WriteStore("""{"version":1}""");

        Assert.Equal("""{"version":1,"profiles":{}}""", Store.Load().ToJsonString());
    }

    [Fact]
    public void Comments_and_trailing_commas_are_accepted()
    {
        WriteStore("""
            {
              // written by hand
              "version": 1,
              "profiles": { "openrouter:default": { "type": "api_key", "provider": "openrouter", "key": "sk-or-v1-abc", }, },
            }
            """);

        Assert.Equal("sk-or-v1-abc", (string?)Store.Load()["profiles"]!["openrouter:default"]!["key"]);
    }

    [Fact]
    public void Invalid_json_names_the_file_line_and_column()
    {
        WriteStore("{\n  \"version\": 1,\n  \"profiles\": {\n}");

        var error = Assert.Throws<OpenClawException>(Store.Load);

        Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(Store.Path)}:[0-9]+:[0-9]+: ", error.Message);
    }

    [Theory]
    [InlineData("[]", "the auth profile store must be a JSON object, found an array.")]
    [InlineData("\"text\"", "the auth profile store must be a JSON object, found a string.")]
    [InlineData("null", "the auth profile store must be a JSON object, found null.")]
    [InlineData("""{"version":1,"profiles":[]}""", "\"profiles\" must be an object mapping profile ids to credentials, found an array.")]
    [InlineData("""{"version":1,"profiles":null}""", "\"profiles\" must be an object mapping profile ids to credentials, found null.")]
    [InlineData("""{"version":1,"profiles":"openrouter"}""", "\"profiles\" must be an object mapping profile ids to credentials, found a string.")]
    public void A_document_of_the_wrong_shape_is_refused(string text, string reason)
    {
        WriteStore(text);

        var error = Assert.Throws<OpenClawException>(Store.Load);

        Assert.Equal($"{Store.Path}: {reason}", error.Message);
    }

    [Fact]
    public void A_directory_at_the_path_is_refused()
    {
        Directory.CreateDirectory(Store.Path);

        var error = Assert.Throws<OpenClawException>(Store.Load);
        Assert.Equal($"{Store.Path}: is a directory, expected the auth profile store file.", error.Message);
        Assert.Throws<OpenClawException>(() => Store.Update(document => AuthProfileStore.SetApiKey(document, AuthProfileStore.DefaultProfileId, "sk-or-v1-abc")));
    }

    [Fact]
    public void The_first_key_creates_a_private_file_in_private_directories()
    {
        var written = Store.Update(document => AuthProfileStore.SetApiKey(document, AuthProfileStore.DefaultProfileId, "sk-or-v1-abc"));

        Assert.True(written);
        Assert.Equal(
            Lines(
                "{",
                "  \"version\": 1,",
                "  \"profiles\": {",
                "    \"openrouter:default\": {",
                "      \"type\": \"api_key\",",
                "      \"provider\": \"openrouter\",",
                "      \"key\": \"sk-or-v1-abc\"",
                "    }",
                "  }",
                "}"),
            File.ReadAllText(Store.Path));
        Assert.Equal(UnixModes.OwnerOnlyFile, UnixModes.Of(Store.Path));
        foreach (var directory in new[] { "state", "state/agents", "state/agents/main", "state/agents/main/agent" })
        {
            Assert.Equal(UnixModes.OwnerOnlyDirectory, UnixModes.Of(_directory.Combine(directory)));
        }
        Assert.Equal(["auth-profiles.json", "auth-profiles.json.lock"], Directory.EnumerateFileSystemEntries(AgentDir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Everything_else_in_the_document_survives_a_new_key()
    {
        WriteStore("""
            {
              "version": 1,
              "profiles": {
                "anthropic:default": { "type": "api_key", "provider": "anthropic", "key": "sk-ant-1" },
                "openrouter:default": { "type": "api_key", "provider": "openrouter", "key": "sk-or-v1-old", "displayName": "Zoë <me+or@example.com>", "metadata": { "authFlow": "oauth-pkce" } },
                "openai:codex": { "type": "oauth", "provider": "openai", "access": "a", "refresh": "r", "expires": 1795481190591 }
              },
              "lastGood": { "openrouter": "openrouter:default" },
              "usageStats": { "openrouter:default": { "lastUsed": 1795481190591, "errorCount": 0 } },
              "futureField": [1, 2.5, true, null]
            }
            """);
        UnixModes.Set(Store.Path, UnixModes.WorldReadableFile);

        Store.Update(document => AuthProfileStore.SetApiKey(document, AuthProfileStore.DefaultProfileId, "sk-or-v1-new"));

        Assert.Equal(
            Lines(
                "{",
                "  \"version\": 1,",
                "  \"profiles\": {",
                "    \"anthropic:default\": {",
                "      \"type\": \"api_key\",",
                "      \"provider\": \"anthropic\",",
                "      \"key\": \"sk-ant-1\"",
                "    },",
                "    \"openrouter:default\": {",
                "      \"type\": \"api_key\",",
                "      \"provider\": \"openrouter\",",
                "      \"key\": \"sk-or-v1-new\",",
                "      \"displayName\": \"Zoë <me+or@example.com>\",",
                "      \"metadata\": {",
                "        \"authFlow\": \"oauth-pkce\"",
                "      }",
                "    },",
                "    \"openai:codex\": {",
                "      \"type\": \"oauth\",",
                "      \"provider\": \"openai\",",
                "      \"access\": \"a\",",
                "      \"refresh\": \"r\",",
                "      \"expires\": 1795481190591",
                "    }",
                "  },",
                "  \"lastGood\": {",
                "    \"openrouter\": \"openrouter:default\"",
                "  },",
                "  \"usageStats\": {",
                "    \"openrouter:default\": {",
                "      \"lastUsed\": 1795481190591,",
                "      \"errorCount\": 0",
                "    }",
                "  },",
                "  \"futureField\": [",
                "    1,",
                "    2.5,",
                "    true,",
                "    null",
                "  ]",
                "}"),
            File.ReadAllText(Store.Path));
        Assert.Equal(UnixModes.OwnerOnlyFile, UnixModes.Of(Store.Path));
    }

    [Fact]
    public void No_change_means_no_write()
    {
        Store.Update(document => AuthProfileStore.SetApiKey(document, AuthProfileStore.DefaultProfileId, "sk-or-v1-abc"));
        File.SetLastWriteTimeUtc(Store.Path, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        var written = Store.Update(document => AuthProfileStore.SetApiKey(document, AuthProfileStore.DefaultProfileId, "sk-or-v1-abc"));

        Assert.False(written);
        Assert.Equal(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), File.GetLastWriteTimeUtc(Store.Path));
    }

    [Fact]
    public void A_failed_edit_writes_nothing_and_releases_the_lock()
    {
        WriteStore("""{"version":1,"profiles":{}}""");

        Assert.Throws<InvalidOperationException>(() => Store.Update(document =>
        {
            AuthProfileStore.SetApiKey(document, AuthProfileStore.DefaultProfileId, "sk-or-v1-abc");
            throw new InvalidOperationException("edit failed");
        }));

        Assert.Equal("""{"version":1,"profiles":{}}""", File.ReadAllText(Store.Path));
        Assert.True(Store.Update(document => AuthProfileStore.SetApiKey(document, AuthProfileStore.DefaultProfileId, "sk-or-v1-abc")));
    }

    [Fact]
    public void A_document_without_a_version_gets_one_first()
    {
        WriteStore("""{"profiles":{}}""");

        Store.Update(document => AuthProfileStore.SetApiKey(document, "openrouter:work", "sk-or-v1-abc"));

        Assert.Equal(
            """{"version":1,"profiles":{"openrouter:work":{"type":"api_key","provider":"openrouter","key":"sk-or-v1-abc"}}}""",
            JsonNode.Parse(File.ReadAllText(Store.Path))!.ToJsonString());
    }

    [Fact]
    public void Concurrent_updates_all_land()
    {
        const int Writers = 20;
        using var start = new Barrier(Writers);
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var threads = Enumerable.Range(0, Writers).Select(index => new Thread(() =>
        {
            try
            {
                start.SignalAndWait(TestContext.Current.CancellationToken);
                new AuthProfileStore(Store.Path).Update(document => AuthProfileStore.SetApiKey(document, $"openrouter:writer{index:D2}", $"sk-or-v1-{index:D2}"));
            }
            catch (Exception exception)
            {
                failures.Enqueue(exception);
            }
        })).ToList();

        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());

        Assert.Empty(failures);
        var profiles = Store.Load()["profiles"]!.AsObject();
        Assert.Equal(Enumerable.Range(0, Writers).Select(index => $"openrouter:writer{index:D2}"), profiles.Select(entry => entry.Key).Order(StringComparer.Ordinal));
        Assert.All(profiles, entry => Assert.Equal($"sk-or-v1-{entry.Key[^2..]}", (string?)entry.Value!["key"]));
    }

    [Fact]
    public void SetApiKey_creates_the_profile()
    {
        var document = new JsonObject { ["version"] = 1, ["profiles"] = new JsonObject() };

        Assert.True(AuthProfileStore.SetApiKey(document, AuthProfileStore.DefaultProfileId, "sk-or-v1-abc"));

        Assert.Equal("""{"version":1,"profiles":{"openrouter:default":{"type":"api_key","provider":"openrouter","key":"sk-or-v1-abc"}}}""", document.ToJsonString());
    }

    [Fact]
    public void SetApiKey_reports_an_identical_key_as_no_change()
    {
        var document = Document("""{"openrouter:default":{"type":"api_key","provider":"openrouter","key":"sk-or-v1-abc","displayName":"me"}}""");

        Assert.False(AuthProfileStore.SetApiKey(document, AuthProfileStore.DefaultProfileId, "sk-or-v1-abc"));
        Assert.False(AuthProfileStore.SetApiKey(document, AuthProfileStore.DefaultProfileId, " sk-or-v1-abc\n"));
        Assert.True(AuthProfileStore.SetApiKey(document, AuthProfileStore.DefaultProfileId, "sk-or-v1-def"));
        Assert.Equal("""{"type":"api_key","provider":"openrouter","key":"sk-or-v1-def","displayName":"me"}""", document["profiles"]!["openrouter:default"]!.ToJsonString());
    }

    [Fact]
    public void SetApiKey_replaces_a_key_reference_in_place()
    {
        var document = Document("""{"openrouter:default":{"type":"api_key","provider":"openrouter","keyRef":{"source":"env","provider":"default","id":"OPENROUTER_API_KEY"},"displayName":"me"}}""");

        Assert.True(AuthProfileStore.SetApiKey(document, AuthProfileStore.DefaultProfileId, "sk-or-v1-abc"));

        Assert.Equal("""{"type":"api_key","provider":"openrouter","key":"sk-or-v1-abc","displayName":"me"}""", document["profiles"]!["openrouter:default"]!.ToJsonString());
    }

    [Fact]
    public void SetApiKey_replaces_a_profile_of_another_type()
    {
        var document = Document("""{"openrouter:default":{"type":"oauth","provider":"openrouter","access":"a","refresh":"r","expires":1},"openrouter:other":{"type":"api_key","provider":"openrouter","key":"k"}}""");

        Assert.True(AuthProfileStore.SetApiKey(document, AuthProfileStore.DefaultProfileId, "sk-or-v1-abc"));

        Assert.Equal(
            """{"openrouter:default":{"type":"api_key","provider":"openrouter","key":"sk-or-v1-abc"},"openrouter:other":{"type":"api_key","provider":"openrouter","key":"k"}}""",
            document["profiles"]!.ToJsonString());
    }

    [Fact]
    public void SetApiKey_stores_undefined_as_an_empty_key()
    {
        var document = Document("{}");

        AuthProfileStore.SetApiKey(document, AuthProfileStore.DefaultProfileId, "undefined");

        Assert.Equal("", (string?)document["profiles"]!["openrouter:default"]!["key"]);
    }

    [Fact]
    public void SetApiKey_adds_profiles_to_a_document_without_them()
    {
        var document = new JsonObject { ["version"] = 1 };

        Assert.True(AuthProfileStore.SetApiKey(document, AuthProfileStore.DefaultProfileId, "sk-or-v1-abc"));

        Assert.NotNull(document["profiles"]!["openrouter:default"]);
    }

    [Fact]
    public void SetApiKeyReference_replaces_the_key_with_a_reference()
    {
        var document = Document("""{"openrouter:default":{"type":"api_key","provider":"openrouter","key":"sk-or-v1-abc","metadata":{"x":1}}}""");

        Assert.True(AuthProfileStore.SetApiKeyReference(document, AuthProfileStore.DefaultProfileId, "OPENROUTER_API_KEY"));
        Assert.False(AuthProfileStore.SetApiKeyReference(document, AuthProfileStore.DefaultProfileId, "OPENROUTER_API_KEY"));

        Assert.Equal(
            """{"type":"api_key","provider":"openrouter","keyRef":{"source":"env","provider":"default","id":"OPENROUTER_API_KEY"},"metadata":{"x":1}}""",
            document["profiles"]!["openrouter:default"]!.ToJsonString());
    }

    [Fact]
    public void SetApiKeyReference_creates_the_profile()
    {
        var document = Document("{}");

        Assert.True(AuthProfileStore.SetApiKeyReference(document, "openrouter:manual", "MY_OPENROUTER_KEY"));

        Assert.Equal(
            """{"openrouter:manual":{"type":"api_key","provider":"openrouter","keyRef":{"source":"env","provider":"default","id":"MY_OPENROUTER_KEY"}}}""",
            document["profiles"]!.ToJsonString());
    }

    private static JsonObject Document(string profiles) =>
        new() { ["version"] = 1, ["profiles"] = JsonNode.Parse(profiles) };
}
