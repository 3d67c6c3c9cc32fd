using System.Text.Json.Nodes;
using OpenClaw.Core.Credentials;
using OpenClaw.Core.State;

namespace OpenClaw.Core.Tests.Credentials;

public sealed class ApiKeyResolverTests
{
    private static readonly EnvironmentVariables NoEnvironment = EnvironmentVariables.From([]);

    private static EnvironmentVariables Environment(params (string Name, string Value)[] variables) =>
        EnvironmentVariables.From(variables.Select(variable => new KeyValuePair<string, string>(variable.Name, variable.Value)));

    private static JsonObject Store(string profiles) =>
        new() { ["version"] = 1, ["profiles"] = JsonNode.Parse(profiles) };

    private static string ApiKeyProfile(string key, string provider = "openrouter") =>
        $$"""{"type":"api_key","provider":"{{provider}}","key":"{{key}}"}""";

    private static ResolvedApiKey? Resolve(JsonObject? store = null, IReadOnlyList<string>? order = null, EnvironmentVariables? environment = null, JsonNode? configApiKey = null) =>
        ApiKeyResolver.Resolve(store, order, environment ?? NoEnvironment, configApiKey);

    [Fact]
    public void Nothing_configured_gives_no_key()
    {
        Assert.Null(Resolve());
        Assert.Null(Resolve(Store("{}")));
        Assert.Null(Resolve(new JsonObject()));
    }

    [Fact]
    public void The_default_profile_wins_over_the_environment_and_the_config()
    {
        var store = Store($$"""{"openrouter:a":{{ApiKeyProfile("sk-a")}},"openrouter:default":{{ApiKeyProfile("sk-default")}}}""");

        var resolved = Resolve(store, environment: Environment(("OPENROUTER_API_KEY", "sk-env")), configApiKey: "sk-config");

        Assert.Equal(new ResolvedApiKey("sk-default", "profile openrouter:default", "openrouter:default"), resolved);
    }

    [Fact]
    public void Without_the_default_profile_the_others_are_tried_by_id()
    {
        var store = Store($$"""{"openrouter:zeta":{{ApiKeyProfile("sk-zeta")}},"openrouter:Beta":{{ApiKeyProfile("sk-Beta")}},"openrouter:alpha":{{ApiKeyProfile("sk-alpha")}}}""");

        Assert.Equal(new ResolvedApiKey("sk-Beta", "profile openrouter:Beta", "openrouter:Beta"), Resolve(store));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("undefined")]
    public void An_empty_key_is_skipped(string emptyKey)
    {
        var store = Store($$"""{"openrouter:default":{{ApiKeyProfile(emptyKey)}},"openrouter:backup":{{ApiKeyProfile("sk-backup")}}}""");

        Assert.Equal("profile openrouter:backup", Resolve(store)?.Source);
    }

    [Fact]
    public void Keys_are_trimmed()
    {
        var store = Store($$"""{"openrouter:default":{{ApiKeyProfile(" sk-default\\n")}}}""");

        Assert.Equal("sk-default", Resolve(store)?.Key);
    }

    [Fact]
    public void Only_openrouter_api_key_profiles_count()
    {
        var store = Store($$"""
            {
              "anthropic:default": {{ApiKeyProfile("sk-ant", "anthropic")}},
              "openrouter:oauth": { "type": "oauth", "provider": "openrouter", "access": "a", "refresh": "r", "expires": 1 },
              "openrouter:token": { "type": "token", "provider": "openrouter", "token": "t" },
              "openrouter:foreign": {{ApiKeyProfile("sk-foreign", "openai")}},
              "openrouter:broken": "not an object",
              "openrouter:untyped": { "provider": "openrouter", "key": "sk-untyped" }
            }
            """);

        Assert.Null(Resolve(store));
    }

    [Fact]
    public void A_profile_belongs_to_openrouter_by_provider_or_by_its_id()
    {
        var byProvider = Store($$"""{"work":{{ApiKeyProfile("sk-work")}}}""");
        var byId = Store("""{"openrouter:manual":{"type":"api_key","key":"sk-manual"}}""");

        Assert.Equal("profile work", Resolve(byProvider)?.Source);
        Assert.Equal("profile openrouter:manual", Resolve(byId)?.Source);
    }

    [Fact]
    public void An_explicit_order_is_followed_and_limits_the_profiles()
    {
        var store = Store($$"""
            {
              "openrouter:default": {{ApiKeyProfile("sk-default")}},
              "openrouter:a": {{ApiKeyProfile("sk-a")}},
              "openrouter:b": {{ApiKeyProfile("")}},
              "anthropic:default": {{ApiKeyProfile("sk-ant", "anthropic")}}
            }
            """);

        Assert.Equal("sk-a", Resolve(store, ["openrouter:missing", "anthropic:default", "openrouter:b", "openrouter:a", "openrouter:default"])?.Key);
        Assert.Equal("sk-env", Resolve(store, ["openrouter:b"], Environment(("OPENROUTER_API_KEY", "sk-env")))?.Key);
        Assert.Equal("sk-default", Resolve(store, [])?.Key);
    }

    [Fact]
    public void A_key_reference_resolves_through_the_environment()
    {
        var store = Store("""
            {
              "openrouter:default": { "type": "api_key", "provider": "openrouter", "keyRef": { "source": "env", "provider": "default", "id": "UNSET_KEY" } },
              "openrouter:file": { "type": "api_key", "provider": "openrouter", "keyRef": { "source": "file", "provider": "default", "id": "/keys/or" } },
              "openrouter:manual": { "type": "api_key", "provider": "openrouter", "keyRef": { "source": "env", "provider": "default", "id": "MY_KEY" } }
            }
            """);

        var resolved = Resolve(store, environment: Environment(("MY_KEY", " sk-ref ")));

        Assert.Equal(new ResolvedApiKey("sk-ref", "profile openrouter:manual", "openrouter:manual"), resolved);
    }

    [Fact]
    public void The_process_environment_is_named_as_env()
    {
        var resolved = Resolve(Store("{}"), environment: Environment(("OPENROUTER_API_KEY", "sk-env")), configApiKey: "sk-config");

        Assert.Equal(new ResolvedApiKey("sk-env", "env OPENROUTER_API_KEY"), resolved);
    }

    [Theory]
    [InlineData("./.env")]
    [InlineData("~/.openclaw/.env")]
    public void A_dotenv_file_is_named_by_its_path(string displayPath)
    {
        var environment = Environment(("OTHER", "x"));
        environment.AddLayer(EnvironmentSource.DotEnv(displayPath), [new("OPENROUTER_API_KEY", "sk-dotenv")]);

        Assert.Equal(new ResolvedApiKey("sk-dotenv", displayPath), Resolve(environment: environment));
    }

    [Fact]
    public void The_config_env_block_is_named_config_env()
    {
        var environment = Environment();
        environment.AddLayer(EnvironmentSource.ConfigEnv, [new("OPENROUTER_API_KEY", "sk-config-env")]);

        Assert.Equal(new ResolvedApiKey("sk-config-env", "config env"), Resolve(environment: environment, configApiKey: "sk-config"));
    }

    [Fact]
    public void The_config_key_comes_last()
    {
        Assert.Equal(new ResolvedApiKey("sk-config", "models.providers.openrouter.apiKey"), Resolve(configApiKey: "  sk-config  "));
    }

    [Fact]
    public void A_config_key_naming_a_variable_is_replaced_by_its_value()
    {
        var resolved = Resolve(environment: Environment(("MY_OPENROUTER_KEY", "sk-named")), configApiKey: "MY_OPENROUTER_KEY");

        Assert.Equal(new ResolvedApiKey("sk-named", "models.providers.openrouter.apiKey (env MY_OPENROUTER_KEY)"), resolved);
    }

    [Theory]
    [InlineData("MY_OPENROUTER_KEY")]
    [InlineData("OPENROUTER_API_KEY")]
    [InlineData("${OPENROUTER_API_KEY}")]
    [InlineData("Bearer ${MY_KEY}")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("undefined")]
    public void A_config_key_that_resolves_to_nothing_gives_no_key(string configured) =>
        Assert.Null(Resolve(environment: Environment(("OTHER", "x")), configApiKey: configured));

    [Fact]
    public void A_config_key_that_merely_looks_like_a_name_is_a_key()
    {
        Assert.Equal("sk-or-v1-abc", Resolve(configApiKey: "sk-or-v1-abc")?.Key);
        Assert.Equal("lowercase_name", Resolve(configApiKey: "lowercase_name")?.Key);
    }

    [Fact]
    public void A_config_secret_reference_resolves_through_the_environment()
    {
        var reference = JsonNode.Parse("""{"source":"env","provider":"default","id":"MY_KEY"}""");

        Assert.Equal(
            new ResolvedApiKey("sk-ref", "models.providers.openrouter.apiKey (env MY_KEY)"),
            Resolve(environment: Environment(("MY_KEY", "sk-ref")), configApiKey: reference));
        Assert.Null(Resolve(configApiKey: reference));
        Assert.Null(Resolve(environment: Environment(("MY_KEY", "sk-ref")), configApiKey: JsonNode.Parse("""{"source":"file","id":"MY_KEY"}""")));
    }

    [Fact]
    public void A_config_key_of_another_type_is_ignored()
    {
        Assert.Null(Resolve(configApiKey: 42));
        Assert.Null(Resolve(configApiKey: new JsonArray("sk-or-v1-abc")));
    }
}
