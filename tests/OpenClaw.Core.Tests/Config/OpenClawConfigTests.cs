using System.Text.Json.Nodes;
using OpenClaw.Core.Config;
using OpenClaw.Core.Json5;
using OpenClaw.Core.State;

namespace OpenClaw.Core.Tests.Config;

public sealed class OpenClawConfigTests
{
    private static JsonObject Parse(string json) => Json5Reader.Parse(json, "test.json")!.AsObject();

    private static EnvironmentVariables Process(params (string Name, string Value)[] variables) =>
        EnvironmentVariables.From(variables.Select(v => KeyValuePair.Create(v.Name, v.Value)));

    private static OpenClawConfig Read(string json, EnvironmentVariables? environment = null, List<string>? warnings = null) =>
        OpenClawConfig.Read(Parse(json), environment ?? Process(), "~/.openclaw/openclaw.json", warnings is null ? null : warnings.Add);

    [Fact]
    public void An_empty_config_reads_as_the_defaults()
    {
        var config = Read("{}");

        Assert.Same(ModelSelection.None, config.Model);
        Assert.Empty(config.Models);
        Assert.Empty(config.Aliases);
        Assert.Same(ModelSelection.None, config.ImageModel);
        Assert.Same(ModelSelection.None, config.ImageGenerationModel);
        Assert.Same(ModelSelection.None, config.VideoGenerationModel);
        Assert.Null(config.ThinkingDefault);
        Assert.Null(config.ReasoningDefault);
        Assert.Null(config.TimeoutSeconds);
        Assert.Null(config.MediaMaxMb);
        Assert.Null(config.Workspace);
        Assert.Null(config.DefaultParams);
        Assert.Same(OpenRouterProviderConfig.Empty, config.OpenRouter);
        Assert.Null(config.Tts);
        Assert.Null(config.AuthOrder);
        Assert.Empty(config.Agents);
    }

    [Theory]
    [InlineData("on")]
    [InlineData("off")]
    [InlineData("stream")]
    public void Reads_the_reasoning_default(string value) =>
        Assert.Equal(value, Read("{agents:{defaults:{reasoningDefault:'" + value + "'}}}").ReasoningDefault);

    [Fact]
    public void Reads_every_key_the_port_uses()
    {
        var environment = Process(("OPENROUTER_API_KEY", "sk-or-from-process"));
        var warnings = new List<string>();

        var config = Read(SampleConfigs.EveryKeyThePortUses, environment, warnings);

        Assert.Empty(warnings);
        Assert.Equal(new ModelSelection("openrouter/auto", ["openrouter/moonshotai/kimi-k2.6"], null), config.Model, ModelSelectionComparer.Instance);
        Assert.Equal(["openrouter/auto", "openrouter/moonshotai/kimi-k2.6"], config.Models.Keys);
        Assert.Equal("OpenRouter", config.Models["openrouter/auto"].Alias);
        Assert.Equal("short", config.Models["openrouter/auto"].Params!["cacheRetention"]!.GetValue<string>());
        Assert.Equal("""{"thinking":false}""", config.Models["openrouter/moonshotai/kimi-k2.6"].Params!.ToJsonString());
        Assert.Equal("openrouter/auto", config.Aliases["openrouter"]);
        Assert.Equal("openrouter/moonshotai/kimi-k2.6", config.Aliases["KIMI"]);
        Assert.Equal(new ModelSelection("openrouter/google/gemini-3.1-pro-preview", [], null), config.ImageModel, ModelSelectionComparer.Instance);
        Assert.Equal(new ModelSelection("openrouter/google/gemini-3.1-flash-image-preview", [], 180000), config.ImageGenerationModel, ModelSelectionComparer.Instance);
        Assert.Equal(new ModelSelection("openrouter/google/veo-3.1-fast", [], 600000), config.VideoGenerationModel, ModelSelectionComparer.Instance);
        Assert.Equal("medium", config.ThinkingDefault);
        Assert.Equal(600, config.TimeoutSeconds);
        Assert.Equal(16.0, config.MediaMaxMb);
        Assert.Equal("~/.openclaw/workspace", config.Workspace);
        Assert.Equal("{}", config.DefaultParams!.ToJsonString());

        // The process environment beats the env block, and ${OPENROUTER_API_KEY} sees the winner.
        Assert.Equal("sk-or-from-process", config.OpenRouter.ApiKey!.GetValue<string>());
        Assert.Equal("https://openrouter.ai/api/v1", config.OpenRouter.BaseUrl);
        Assert.Equal("v", config.OpenRouter.Headers["X-Custom"]);
        Assert.Equal("""{"provider":{"sort":"price"}}""", config.OpenRouter.Params!.ToJsonString());
        Assert.Equal(262144, config.OpenRouter.Models![0]!["contextWindow"]!.GetValue<int>());
        Assert.True(config.OpenRouter.AllowPrivateNetwork);

        Assert.Equal("always", config.Tts!["auto"]!.GetValue<string>());
        Assert.Equal("mp3", config.Tts["providers"]!["openrouter"]!["responseFormat"]!.GetValue<string>());
        Assert.Equal(["openrouter:default"], config.AuthOrder!);
        var main = config.Agents["main"];
        Assert.Equal("main", main.Name);
        Assert.Equal("high", main.ThinkingDefault);
        Assert.Equal("openrouter/auto", main.Model.Primary);
    }

    [Fact]
    public void The_env_block_fills_only_unset_variables_as_config_env()
    {
        var environment = Process(("OPENROUTER_API_KEY", "from-process"));

        Read("""
            {"env":{"OPENROUTER_API_KEY":"from-config","FLAT":"flat","NUMBER":5,"EMPTY":"","shellEnv":{"enabled":true},
                    "vars":{"NESTED":"nested","FLAT":"ignored, flat came first"}}}
            """, environment);

        Assert.Equal("from-process", environment.Get("OPENROUTER_API_KEY"));
        Assert.Equal(EnvironmentSource.Process, environment.SourceOf("OPENROUTER_API_KEY"));
        Assert.Equal("flat", environment.Get("FLAT"));
        Assert.Equal(EnvironmentSource.ConfigEnv, environment.SourceOf("FLAT"));
        Assert.Equal("nested", environment.Get("NESTED"));
        Assert.Equal(EnvironmentSource.ConfigEnv, environment.SourceOf("NESTED"));
        Assert.Null(environment.Get("NUMBER"));
        Assert.Null(environment.Get("EMPTY"));
        Assert.Null(environment.Get("shellEnv"));
        Assert.Null(environment.Get("vars"));
    }

    [Fact]
    public void Strings_are_substituted_after_the_env_block_is_applied()
    {
        var warnings = new List<string>();

        var config = Read("""
            {
              "env": { "vars": { "ROUTER_HOST": "openrouter.example" } },
              "models": { "providers": { "openrouter": {
                "baseUrl": "https://${ROUTER_HOST}/api/v1",
                "apiKey": "${MISSING_KEY}",
                "headers": { "X-Literal": "$${NOT_ME}", "X-Default": "${NOPE:-fallback}" } } } },
              "agents": { "defaults": { "workspace": "${WORKSPACE_DIR}" } }
            }
            """, warnings: warnings);

        Assert.Equal("https://openrouter.example/api/v1", config.OpenRouter.BaseUrl);
        Assert.Equal("${MISSING_KEY}", config.OpenRouter.ApiKey!.GetValue<string>());
        Assert.Equal("${NOT_ME}", config.OpenRouter.Headers["X-Literal"]);
        Assert.Equal("fallback", config.OpenRouter.Headers["X-Default"]);
        Assert.Equal("${WORKSPACE_DIR}", config.Workspace);
        Assert.Equal(
            [
                "Config (~/.openclaw/openclaw.json): missing env var \"MISSING_KEY\" at models.providers.openrouter.apiKey - feature using this value will be unavailable",
                "Config (~/.openclaw/openclaw.json): missing env var \"WORKSPACE_DIR\" at agents.defaults.workspace - feature using this value will be unavailable",
            ],
            warnings);
    }

    [Fact]
    public void Reading_leaves_the_document_as_authored()
    {
        var root = Parse("""{"models":{"providers":{"openrouter":{"apiKey":"${KEY}"}}},"agents":{"defaults":{"params":{"a":1}}}}""");
        var before = root.ToJsonString();

        var config = OpenClawConfig.Read(root, Process(("KEY", "secret")), "f");
        config.DefaultParams!["a"] = 2;

        Assert.Equal("secret", config.OpenRouter.ApiKey!.GetValue<string>());
        Assert.Equal(before, root.ToJsonString());
    }

    [Fact]
    public void A_secret_ref_api_key_is_kept_as_an_object()
    {
        var config = Read("""{"models":{"providers":{"openrouter":{"apiKey":{"source":"env","provider":"default","id":"OPENROUTER_API_KEY"}}}}}""");

        Assert.Equal("""{"source":"env","provider":"default","id":"OPENROUTER_API_KEY"}""", config.OpenRouter.ApiKey!.ToJsonString());
    }

    [Fact]
    public void A_plain_string_model_is_the_primary()
    {
        var config = Read("""{"agents":{"defaults":{"model":"openrouter/auto","imageModel":"openrouter/x"}}}""");

        Assert.Equal(new ModelSelection("openrouter/auto", [], null), config.Model, ModelSelectionComparer.Instance);
        Assert.Equal("openrouter/x", config.ImageModel.Primary);
    }

    [Fact]
    public void Media_models_are_read_from_the_newer_layout()
    {
        var config = Read("""
            {"agents":{"defaults":{"mediaModels":{"image":{"primary":"openrouter/img","timeoutMs":5000},"video":"openrouter/vid"}}}}
            """);

        Assert.Equal(new ModelSelection("openrouter/img", [], 5000), config.ImageGenerationModel, ModelSelectionComparer.Instance);
        Assert.Equal(new ModelSelection("openrouter/vid", [], null), config.VideoGenerationModel, ModelSelectionComparer.Instance);
    }

    [Fact]
    public void The_canonical_media_model_keys_win_over_the_newer_layout()
    {
        var config = Read("""
            {"agents":{"defaults":{"imageGenerationModel":"openrouter/canonical","mediaModels":{"image":"openrouter/alias","video":"openrouter/vid"}}}}
            """);

        Assert.Equal("openrouter/canonical", config.ImageGenerationModel.Primary);
        Assert.Equal("openrouter/vid", config.VideoGenerationModel.Primary);
    }

    [Fact]
    public void Top_level_tts_wins_per_key_over_messages_tts()
    {
        var config = Read("""
            {
              "messages": { "tts": {
                "auto": "always", "provider": "openrouter", "timeoutMs": 30000,
                "providers": {
                  "openrouter": { "model": "hexgrad/kokoro-82m", "voice": "af_alloy", "provider": { "order": ["deepinfra"], "sort": "price" } },
                  "elevenlabs": { "voiceId": "x" }
                } } },
              "tts": {
                "auto": "tagged",
                "providers": { "openrouter": { "voice": "af_bella", "provider": { "order": ["together"] } }, "edge": { "voice": "y" } }
              }
            }
            """);

        Assert.Equal(
            """{"auto":"tagged","provider":"openrouter","timeoutMs":30000,"providers":{"openrouter":{"model":"hexgrad/kokoro-82m","voice":"af_bella","provider":{"order":["together"]}},"elevenlabs":{"voiceId":"x"},"edge":{"voice":"y"}}}""",
            config.Tts!.ToJsonString());
    }

    [Theory]
    [InlineData("""{"tts":{"auto":"inbound"}}""", """{"auto":"inbound"}""")]
    [InlineData("""{"messages":{"tts":{"auto":"off"}}}""", """{"auto":"off"}""")]
    [InlineData("""{"messages":{"tts":{"providers":{"openrouter":{"voice":"a"}}}},"tts":{"providers":"odd"}}""", """{"providers":"odd"}""")]
    public void Either_tts_form_alone_is_the_tts_config(string json, string tts) =>
        Assert.Equal(tts, Read(json).Tts!.ToJsonString());

    [Fact]
    public void Agents_come_from_entries_and_the_list()
    {
        var config = Read("""
            {"agents":{
              "entries":{"main":{"name":"main","workspace":"/ws","agentDir":"/ad","identity":{"name":"Main"},"thinkingDefault":"high"}},
              "list":[{"id":"helper","name":"Helper","model":{"primary":"openrouter/x","fallbacks":["openrouter/y"]},"thinkingDefault":"low"},
                      {"id":"main","name":"from the list"},
                      {"name":"no id"}]}}
            """);

        Assert.Equal(["main", "helper"], config.Agents.Keys);
        var main = config.Agents["main"];
        Assert.Equal(new AgentConfig("main") { Name = "main", Workspace = "/ws", AgentDir = "/ad", IdentityName = "Main", ThinkingDefault = "high" }, main);
        var helper = config.Agents["helper"];
        Assert.Equal("Helper", helper.Name);
        Assert.Equal(new ModelSelection("openrouter/x", ["openrouter/y"], null), helper.Model, ModelSelectionComparer.Instance);
        Assert.Equal("low", helper.ThinkingDefault);
    }

    [Fact]
    public void Aliases_ignore_case_and_the_first_declaration_keeps_a_duplicate()
    {
        var config = Read("""
            {"agents":{"defaults":{"models":{
              "openrouter/auto":{"alias":"Router"},
              "openrouter/other":{"alias":"router"},
              "openrouter/blank":{"alias":"  "},
              "openrouter/none":{}}}}}
            """);

        Assert.Equal("openrouter/auto", Assert.Single(config.Aliases).Value);
        Assert.Equal("openrouter/auto", config.Aliases["ROUTER"]);
        Assert.Equal(4, config.Models.Count);
        Assert.Null(config.Models["openrouter/none"].Alias);
        Assert.Null(config.Models["openrouter/none"].Params);
    }

    [Fact]
    public void The_auth_order_is_read_for_openrouter_only()
    {
        Assert.Equal(["openrouter:manual", "openrouter:default"], Read("""{"auth":{"order":{"openrouter":["openrouter:manual","openrouter:default"],"anthropic":["x"]}}}""").AuthOrder!);
        Assert.Null(Read("""{"auth":{"order":{"anthropic":["x"]}}}""").AuthOrder);
    }

    [Theory]
    [InlineData("""{"agents":"x","models":5,"messages":"x","tts":[],"auth":true,"env":"A=1"}""")]
    [InlineData("""{"agents":{"defaults":"x","entries":[],"list":{}}}""")]
    [InlineData("""{"agents":{"defaults":{"model":{"primary":1,"fallbacks":"x","timeoutMs":"5"},"models":{"a":1,"b":{"alias":2,"params":[]}},"mediaModels":"x","timeoutSeconds":1.5,"mediaMaxMb":"big","thinkingDefault":3,"workspace":{},"params":"x"}}}""")]
    [InlineData("""{"agents":{"entries":{"main":"x","b":{"identity":"x","model":7}},"list":[1,null,{"id":2},{"id":""}]}}""")]
    [InlineData("""{"models":{"providers":{"openrouter":"x"}}}""")]
    [InlineData("""{"models":{"providers":"x"}}""")]
    [InlineData("""{"models":{"providers":{"openrouter":{"apiKey":5,"baseUrl":[],"headers":"x","params":1,"models":{},"request":"x"}}}}""")]
    [InlineData("""{"models":{"providers":{"openrouter":{"headers":{"A":1,"B":null},"request":{"allowPrivateNetwork":"yes"}}}}}""")]
    [InlineData("""{"messages":{"tts":"x"},"tts":{"providers":{"openrouter":"x"}}}""")]
    [InlineData("""{"auth":{"order":"x"}}""")]
    [InlineData("""{"auth":{"order":{"openrouter":[1,null,"ok"]}}}""")]
    [InlineData("""{"agents":{"defaults":{"timeoutSeconds":99999999999,"mediaMaxMb":-3,"imageGenerationModel":{"timeoutMs":-1}}}}""")]
    public void Odd_values_are_ignored_rather_than_thrown(string json)
    {
        var config = Read(json);

        Assert.NotNull(config);
        Assert.Null(config.TimeoutSeconds);
        Assert.Null(config.MediaMaxMb);
        Assert.Null(config.ImageGenerationModel.TimeoutMs);
    }

    [Fact]
    public void Odd_values_leave_what_can_be_read()
    {
        var config = Read("""
            {"agents":{"defaults":{"model":{"primary":"openrouter/auto","fallbacks":["a",1,"b"],"timeoutMs":2.5}}},
             "models":{"providers":{"openrouter":{"headers":{"A":"1","B":2}}}},
             "auth":{"order":{"openrouter":[1,"openrouter:default"]}}}
            """);

        Assert.Equal(new ModelSelection("openrouter/auto", ["a", "b"], null), config.Model, ModelSelectionComparer.Instance);
        Assert.Equal("1", Assert.Single(config.OpenRouter.Headers).Value);
        Assert.Equal(["openrouter:default"], config.AuthOrder!);
    }

    [Fact]
    public void Non_finite_numbers_are_ignored()
    {
        var root = Parse("""{"agents":{"defaults":{"model":{"primary":"x"}}}}""");
        root["agents"]!["defaults"]!["mediaMaxMb"] = double.PositiveInfinity;
        root["agents"]!["defaults"]!["timeoutSeconds"] = double.NaN;
        root["agents"]!["defaults"]!["model"]!["timeoutMs"] = double.PositiveInfinity;

        var config = OpenClawConfig.Read(root, Process(), "f");

        Assert.Null(config.MediaMaxMb);
        Assert.Null(config.TimeoutSeconds);
        Assert.Null(config.Model.TimeoutMs);
    }
}
