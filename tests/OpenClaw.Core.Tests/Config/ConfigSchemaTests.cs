using System.Text.Json.Nodes;
using OpenClaw.Core.Config;
using OpenClaw.Core.Credentials;

namespace OpenClaw.Core.Tests.Config;

public sealed class ConfigSchemaTests
{
    [Theory]
    [InlineData("agents")]
    [InlineData("agents.defaults.model")]
    [InlineData("agents.defaults.model.primary")]
    [InlineData("agents.defaults.model.fallbacks[3]")]
    [InlineData("agents.defaults.models[\"openrouter/anything/at-all\"].alias")]
    [InlineData("agents.defaults.models[\"x\"].params.responseCache")]
    [InlineData("agents.defaults.models[\"x\"].params.someFutureParam")]
    [InlineData("agents.defaults.mediaModels.image.timeoutMs")]
    [InlineData("agents.entries.main.identity.name")]
    [InlineData("agents.list[0].thinkingDefault")]
    [InlineData("models.providers.openrouter.models[0].id")]
    [InlineData("models.providers.openrouter.models.0.cost.cacheRead")]
    [InlineData("models.providers.openrouter.apiKey")]
    [InlineData("models.providers.openrouter.apiKey.source")]
    [InlineData("models.providers.openrouter.request.auth.mode")]
    [InlineData("models.providers.custom.vendorSpecific.deep")]
    [InlineData("messages.tts.providers.openrouter.voice")]
    [InlineData("messages.ackReactionScope")]
    [InlineData("tts.auto")]
    [InlineData("tts.providers.elevenlabs.voiceId")]
    [InlineData("auth.profiles.openrouter:default.mode")]
    [InlineData("auth.order.openrouter[0]")]
    [InlineData("plugins.entries.openrouter.config.anything")]
    [InlineData("plugins.allow")]
    [InlineData("env.OPENROUTER_API_KEY")]
    [InlineData("env.vars.ANY")]
    [InlineData("gateway.auth.token")]
    [InlineData("channels.telegram.botToken")]
    [InlineData("bindings[0].agentId")]
    [InlineData("wizard.lastRunAt")]
    [InlineData("meta.somethingNewer")]
    [InlineData("[\"$schema\"]")]
    public void Known_paths(string path) => Assert.True(ConfigSchema.IsKnownPath(ConfigPath.Parse(path)));

    [Theory]
    [InlineData("nonsense")]
    [InlineData("agents.defaults.modle")]
    [InlineData("agents.defaults.model.primary.length")]
    [InlineData("agents.defaults.models[0]")]
    [InlineData("agents.defaults.timeoutSeconds.x")]
    [InlineData("agents.list.first")]
    [InlineData("models.providers.openrouter.apikey")]
    [InlineData("models.providers.openrouter.models[0].ctx")]
    [InlineData("messages.tts.voice")]
    [InlineData("auth.profiles.openrouter:default.key")]
    [InlineData("auth.lastGood")]
    [InlineData("plugins.entries.openrouter.hooks")]
    public void Unknown_paths(string path) => Assert.False(ConfigSchema.IsKnownPath(ConfigPath.Parse(path)));

    [Theory]
    [InlineData("apiKey", true)]
    [InlineData("key", true)]
    [InlineData("token", true)]
    [InlineData("password", true)]
    [InlineData("secret", true)]
    [InlineData("botToken", true)]
    [InlineData("clientSecret", true)]
    [InlineData("ApiKey", false)]
    [InlineData("apikey", false)]
    [InlineData("keyRef", false)]
    [InlineData("baseUrl", false)]
    [InlineData("mode", false)]
    [InlineData("", false)]
    [InlineData("OPENROUTER_API_KEY", true)]
    [InlineData("GITHUB_TOKEN", true)]
    [InlineData("CLIENT_SECRET", true)]
    [InlineData("DB_PASSWORD", true)]
    [InlineData("KEY", true)]
    [InlineData("KEYBOARD_LAYOUT", false)]
    [InlineData("OPENROUTER_BASE_URL", false)]
    [InlineData("HOME", false)]
    [InlineData("openrouter_api_key", false)]
    public void Secret_keys(string key, bool secret) => Assert.Equal(secret, ConfigSchema.IsSecretKey(key));

    [Fact]
    public void Redact_masks_secret_strings_and_keeps_everything_else()
    {
        Prerequisites.RequireSecretMask();
        const string Key = "sk-or-v1-0123456789abcdef0123456789abcdef";
        const string Token = "0123456789abcdef0123456789abcdef0123456789abcdef";
        var original = JsonNode.Parse($$"""
            {
              "models": { "providers": {
                "openrouter": { "apiKey": "{{Key}}", "baseUrl": "https://openrouter.ai/api/v1" },
                "byEnv": { "apiKey": "${OPENROUTER_API_KEY}" },
                "byName": { "apiKey": "OPENROUTER_API_KEY" },
                "byRef": { "apiKey": { "source": "env", "provider": "default", "id": "OPENROUTER_API_KEY" } },
                "withDefault": { "apiKey": "${OPENROUTER_API_KEY:-sk-or-v1-literal-fallback-secret}" }
              } },
              "gateway": { "auth": { "mode": "token", "token": "{{Token}}", "password": "hunter2" }, "port": 18789 },
              "list": [ { "key": "short" }, { "token": 5 } ]
            }
            """);

        var redacted = ConfigSchema.Redact(original)!;

        var providers = redacted["models"]!["providers"]!;
        Assert.Equal(SecretMask.Mask(Key), providers["openrouter"]!["apiKey"]!.GetValue<string>());
        Assert.NotEqual(Key, providers["openrouter"]!["apiKey"]!.GetValue<string>());
        Assert.Equal("https://openrouter.ai/api/v1", providers["openrouter"]!["baseUrl"]!.GetValue<string>());
        Assert.Equal("${OPENROUTER_API_KEY}", providers["byEnv"]!["apiKey"]!.GetValue<string>());
        Assert.Equal("OPENROUTER_API_KEY", providers["byName"]!["apiKey"]!.GetValue<string>());
        Assert.Equal("""{"source":"env","provider":"default","id":"OPENROUTER_API_KEY"}""", providers["byRef"]!["apiKey"]!.ToJsonString());
        Assert.DoesNotContain("literal-fallback-secret", providers["withDefault"]!["apiKey"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(SecretMask.Mask(Token), redacted["gateway"]!["auth"]!["token"]!.GetValue<string>());
        Assert.NotEqual("hunter2", redacted["gateway"]!["auth"]!["password"]!.GetValue<string>());
        Assert.Equal("token", redacted["gateway"]!["auth"]!["mode"]!.GetValue<string>());
        Assert.Equal(18789, redacted["gateway"]!["port"]!.GetValue<int>());
        Assert.NotEqual("short", redacted["list"]![0]!["key"]!.GetValue<string>());
        Assert.Equal(5, redacted["list"]![1]!["token"]!.GetValue<int>());
        Assert.Equal(Key, original!["models"]!["providers"]!["openrouter"]!["apiKey"]!.GetValue<string>());
    }

    [Fact]
    public void Redact_masks_secrets_in_the_env_block()
    {
        Prerequisites.RequireSecretMask();
        const string Key = "sk-or-v1-0123456789abcdef0123";
        var original = JsonNode.Parse($$"""
            {
              "env": { "OPENROUTER_API_KEY": "{{Key}}", "OPENROUTER_BASE_URL": "https://openrouter.ai/api/v1", "vars": { "GITHUB_TOKEN": "ghp_0123456789abcdef0123" } }
            }
            """);

        var redacted = ConfigSchema.Redact(original)!;

        Assert.Equal(SecretMask.Mask(Key), redacted["env"]!["OPENROUTER_API_KEY"]!.GetValue<string>());
        Assert.Equal("https://openrouter.ai/api/v1", redacted["env"]!["OPENROUTER_BASE_URL"]!.GetValue<string>());
        Assert.DoesNotContain("0123456789abcdef", redacted.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Redact_copies_values_without_secrets()
    {
        Assert.Null(ConfigSchema.Redact(null));
        Assert.Equal("\"plain\"", ConfigSchema.Redact(JsonValue.Create("plain"))!.ToJsonString());
        var tree = JsonNode.Parse("""{"a":[1,{"b":"c"}],"d":null}""");
        var copy = ConfigSchema.Redact(tree)!;
        Assert.Equal(tree!.ToJsonString(), copy.ToJsonString());
        Assert.NotSame(tree, copy);
    }

    [Fact]
    public void Json_schema_is_a_draft_2020_12_document_for_the_root()
    {
        var schema = ConfigSchema.ToJsonSchema();

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema["$schema"]!.GetValue<string>());
        Assert.Equal("object", schema["type"]!.GetValue<string>());
        Assert.False(schema["additionalProperties"]!.GetValue<bool>());
        var properties = schema["properties"]!.AsObject();
        foreach (var key in new[] { "$schema", "env", "agents", "models", "messages", "tts", "auth", "plugins", "wizard", "meta", "gateway", "tools", "bindings" })
        {
            Assert.True(properties.ContainsKey(key), key);
        }
    }

    [Fact]
    public void Json_schema_describes_the_same_keys_the_validator_accepts()
    {
        var schema = ConfigSchema.ToJsonSchema();

        foreach (var (key, _) in schema["properties"]!.AsObject())
        {
            Assert.True(ConfigSchema.IsKnownPath(ConfigPath.Parse($"[\"{key}\"]")), key);
        }
        var defaults = Resolve(schema, schema["properties"]!["agents"]!)["properties"]!["defaults"]!["properties"]!.AsObject();
        Assert.Equal(
            ["model", "models", "imageModel", "imageGenerationModel", "videoGenerationModel", "mediaModels", "thinkingDefault", "reasoningDefault", "timeoutSeconds", "mediaMaxMb", "params", "workspace"],
            defaults.Select(p => p.Key));
        foreach (var (key, _) in defaults)
        {
            Assert.True(ConfigSchema.IsKnownPath(ConfigPath.Parse($"agents.defaults.{key}")), key);
        }
    }

    [Fact]
    public void Json_schema_spells_out_types_enums_and_bounds()
    {
        var schema = ConfigSchema.ToJsonSchema();
        var defaults = Resolve(schema, schema["properties"]!["agents"]!)["properties"]!["defaults"]!["properties"]!;

        Assert.Equal("""{"type":"string","enum":["off","minimal","low","medium","high","xhigh","adaptive","max"]}""", defaults["thinkingDefault"]!.ToJsonString());
        Assert.Equal("""{"type":"string","enum":["on","off","stream"]}""", defaults["reasoningDefault"]!.ToJsonString());
        Assert.Equal("""{"type":"integer","exclusiveMinimum":0,"maximum":2147483647,"description":"Whole agent turn deadline."}""", defaults["timeoutSeconds"]!.ToJsonString());
        var selection = Resolve(schema, defaults["model"]!);
        Assert.Equal("string", selection["anyOf"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("""["primary","fallbacks","timeoutMs"]""", new JsonArray([.. selection["anyOf"]![1]!["properties"]!.AsObject().Select(p => (JsonNode)JsonValue.Create(p.Key))]).ToJsonString());
        Assert.False(selection["anyOf"]![1]!["additionalProperties"]!.GetValue<bool>());

        var parameters = Resolve(schema, defaults["params"]!);
        Assert.Null(parameters["additionalProperties"]);
        Assert.Equal("""{"anyOf":[{"type":"string"},{"const":false}]}""", parameters["properties"]!["thinking"]!.ToJsonString());

        var tts = Resolve(schema, Resolve(schema, schema["properties"]!["messages"]!)["properties"]!["tts"]!);
        Assert.True(tts["properties"]!["enabled"]!["deprecated"]!.GetValue<bool>());
        var format = tts["properties"]!["providers"]!["properties"]!["openrouter"]!["properties"]!["responseFormat"]!;
        Assert.Matches(format["pattern"]!.GetValue<string>(), " Mp3 ");
        Assert.DoesNotMatch(format["pattern"]!.GetValue<string>(), "wav");

        var models = Resolve(schema, schema["properties"]!["models"]!)["properties"]!["providers"]!;
        var openRouter = Resolve(schema, models["properties"]!["openrouter"]!);
        Assert.False(openRouter["additionalProperties"]!.GetValue<bool>());
        var row = Resolve(schema, openRouter["properties"]!["models"]!["items"]!);
        Assert.Equal("""["id"]""", row["required"]!.ToJsonString());
        Assert.Null(Resolve(schema, models["additionalProperties"]!)["additionalProperties"]);
    }

    [Fact]
    public void Every_reference_in_the_json_schema_resolves()
    {
        var schema = ConfigSchema.ToJsonSchema();
        var references = new List<string>();
        Collect(schema, references);

        Assert.NotEmpty(references);
        foreach (var reference in references)
        {
            Assert.StartsWith("#/$defs/", reference);
            Assert.NotNull(schema["$defs"]![reference["#/$defs/".Length..]]);
        }
        // The document is plain JSON: it serialises without custom converters.
        Assert.StartsWith("{", schema.ToJsonString(), StringComparison.Ordinal);

        static void Collect(JsonNode? node, List<string> found)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (key, value) in obj)
                    {
                        if (key == "$ref")
                        {
                            found.Add(value!.GetValue<string>());
                        }
                        Collect(value, found);
                    }
                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        Collect(item, found);
                    }
                    break;
            }
        }
    }

    private static JsonNode Resolve(JsonObject schema, JsonNode node) =>
        node["$ref"] is { } reference ? schema["$defs"]![reference.GetValue<string>()["#/$defs/".Length..]]! : node;
}
