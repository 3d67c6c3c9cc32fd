using System.Text.Json.Nodes;
using OpenClaw.Core.Config;
using OpenClaw.Core.Json5;

namespace OpenClaw.Core.Tests.Config;

public sealed class ConfigValidatorTests
{
    private static JsonObject Parse(string json) => Json5Reader.Parse(json, "test.json")!.AsObject();

    private static string[] Issues(string json) => Issues(Parse(json));

    private static string[] Issues(JsonObject root) => [.. ConfigValidator.Validate(root).Issues.Select(i => i.ToString())];

    [Theory]
    [InlineData("{}")]
    [InlineData(SampleConfigs.EveryKeyThePortUses)]
    [InlineData(SampleConfigs.Onboarded)]
    public void Valid_configs_have_no_issues_or_warnings(string json)
    {
        var result = ConfigValidator.Validate(Parse(json));

        Assert.Empty(result.Issues);
        Assert.Empty(result.Warnings);
        Assert.True(result.IsValid);
    }

    [Theory]
    [InlineData("""{"nonsense":1}""", "Unrecognized key: \"nonsense\"")]
    [InlineData("""{"agents":{"defaults":{"modle":"x"}}}""", "agents.defaults: Unrecognized key: \"modle\"")]
    [InlineData("""{"agents":{"default":{}}}""", "agents: Unrecognized key: \"default\"")]
    [InlineData("""{"agents":{"defaults":{"model":{"primary":"a","fallback":["b"]}}}}""", "agents.defaults.model: Unrecognized key: \"fallback\"")]
    [InlineData("""{"agents":{"defaults":{"models":{"openrouter/auto":{"alias":"x","aliass":"y"}}}}}""", "agents.defaults.models[\"openrouter/auto\"]: Unrecognized key: \"aliass\"")]
    [InlineData("""{"agents":{"defaults":{"mediaModels":{"audio":"x"}}}}""", "agents.defaults.mediaModels: Unrecognized key: \"audio\"")]
    [InlineData("""{"agents":{"entries":{"main":{"identity":{"nick":"x"}}}}}""", "agents.entries.main.identity: Unrecognized key: \"nick\"")]
    [InlineData("""{"agents":{"list":[{"id":"a","color":"red"}]}}""", "agents.list[0]: Unrecognized key: \"color\"")]
    [InlineData("""{"models":{"providers":{"openrouter":{"apikey":"x"}}}}""", "models.providers.openrouter: Unrecognized key: \"apikey\"")]
    [InlineData("""{"models":{"providers":{"openrouter":{"models":[{"id":"a","ctx":1}]}}}}""", "models.providers.openrouter.models[0]: Unrecognized key: \"ctx\"")]
    [InlineData("""{"models":{"providers":{"openrouter":{"models":[{"id":"a","cost":{"in":1}}]}}}}""", "models.providers.openrouter.models[0].cost: Unrecognized key: \"in\"")]
    [InlineData("""{"models":{"providers":{"openrouter":{"request":{"proxy":"x"}}}}}""", "models.providers.openrouter.request: Unrecognized key: \"proxy\"")]
    [InlineData("""{"models":{"providers":{"openrouter":{"request":{"auth":{"mode":"x","header":"y"}}}}}}""", "models.providers.openrouter.request.auth: Unrecognized key: \"header\"")]
    [InlineData("""{"models":{"default":"x"}}""", "models: Unrecognized key: \"default\"")]
    [InlineData("""{"messages":{"tts":{"voice":"x"}}}""", "messages.tts: Unrecognized key: \"voice\"")]
    [InlineData("""{"messages":{"tts":{"providers":{"openrouter":{"format":"mp3"}}}}}""", "messages.tts.providers.openrouter: Unrecognized key: \"format\"")]
    [InlineData("""{"tts":{"providers":{"openrouter":{"apiKey":{"source":"env","id":"K","extra":1}}}}}""", "tts.providers.openrouter.apiKey: Unrecognized key: \"extra\"")]
    [InlineData("""{"auth":{"profiles":{"openrouter:default":{"provider":"openrouter","mode":"api_key","key":"sk"}}}}""", "auth.profiles.openrouter:default: Unrecognized key: \"key\"")]
    [InlineData("""{"auth":{"lastGood":{}}}""", "auth: Unrecognized key: \"lastGood\"")]
    [InlineData("""{"plugins":{"entries":{"openrouter":{"enabled":true,"extra":1}}}}""", "plugins.entries.openrouter: Unrecognized key: \"extra\"")]
    [InlineData("""{"env":{"shellEnv":{"enabled":true,"x":1}}}""", "env.shellEnv: Unrecognized key: \"x\"")]
    [InlineData("""{"agents":{"defaults":{"models":{"a.b":{"params":{"provider":{}},"x":1}}}}}""", "agents.defaults.models[\"a.b\"]: Unrecognized key: \"x\"")]
    public void Unknown_keys_are_reported_on_their_parent(string json, string issue) =>
        Assert.Equal([issue], Issues(json));

    [Theory]
    // Model selections.
    [InlineData("""{"agents":{"defaults":{"model":42}}}""", "agents.defaults.model: Expected string or object, received number")]
    [InlineData("""{"agents":{"defaults":{"model":["a"]}}}""", "agents.defaults.model: Expected string or object, received array")]
    [InlineData("""{"agents":{"defaults":{"model":{"primary":1}}}}""", "agents.defaults.model.primary: Expected string, received number")]
    [InlineData("""{"agents":{"defaults":{"model":{"fallbacks":"x"}}}}""", "agents.defaults.model.fallbacks: Expected array, received string")]
    [InlineData("""{"agents":{"defaults":{"model":{"fallbacks":["a",2]}}}}""", "agents.defaults.model.fallbacks[1]: Expected string, received number")]
    [InlineData("""{"agents":{"defaults":{"imageGenerationModel":{"timeoutMs":0}}}}""", "agents.defaults.imageGenerationModel.timeoutMs: Too small: expected number to be >0")]
    [InlineData("""{"agents":{"defaults":{"videoGenerationModel":{"timeoutMs":1.5}}}}""", "agents.defaults.videoGenerationModel.timeoutMs: Expected integer, received number")]
    [InlineData("""{"agents":{"defaults":{"imageModel":{"timeoutMs":"180000"}}}}""", "agents.defaults.imageModel.timeoutMs: Expected integer, received string")]
    [InlineData("""{"agents":{"defaults":{"mediaModels":{"image":true}}}}""", "agents.defaults.mediaModels.image: Expected string or object, received boolean")]
    [InlineData("""{"agents":{"entries":{"main":{"model":{"primary":null}}}}}""", "agents.entries.main.model.primary: Expected string, received null")]
    // Agent defaults.
    [InlineData("""{"agents":{"defaults":{"thinkingDefault":"extreme"}}}""", "agents.defaults.thinkingDefault: Invalid option: expected one of \"off\"|\"minimal\"|\"low\"|\"medium\"|\"high\"|\"xhigh\"|\"adaptive\"|\"max\"")]
    [InlineData("""{"agents":{"defaults":{"thinkingDefault":"HIGH"}}}""", "agents.defaults.thinkingDefault: Invalid option: expected one of \"off\"|\"minimal\"|\"low\"|\"medium\"|\"high\"|\"xhigh\"|\"adaptive\"|\"max\"")]
    [InlineData("""{"agents":{"entries":{"main":{"thinkingDefault":1}}}}""", "agents.entries.main.thinkingDefault: Expected string, received number")]
    [InlineData("""{"agents":{"defaults":{"timeoutSeconds":-5}}}""", "agents.defaults.timeoutSeconds: Too small: expected number to be >0")]
    [InlineData("""{"agents":{"defaults":{"reasoningDefault":"stream"}}}""", null)]
    [InlineData("""{"agents":{"defaults":{"reasoningDefault":"loud"}}}""", "agents.defaults.reasoningDefault: Invalid option: expected one of \"on\"|\"off\"|\"stream\"")]
    [InlineData("""{"agents":{"defaults":{"timeoutSeconds":3000000000}}}""", "agents.defaults.timeoutSeconds: Too big: expected number to be <=2147483647")]
    [InlineData("""{"agents":{"defaults":{"timeoutSeconds":60.5}}}""", "agents.defaults.timeoutSeconds: Expected integer, received number")]
    [InlineData("""{"agents":{"defaults":{"mediaMaxMb":0}}}""", "agents.defaults.mediaMaxMb: Too small: expected number to be >0")]
    [InlineData("""{"agents":{"defaults":{"mediaMaxMb":"16"}}}""", "agents.defaults.mediaMaxMb: Expected number, received string")]
    [InlineData("""{"agents":{"defaults":{"workspace":null}}}""", "agents.defaults.workspace: Expected string, received null")]
    [InlineData("""{"agents":{"defaults":{"models":{"openrouter/auto":"OpenRouter"}}}}""", "agents.defaults.models[\"openrouter/auto\"]: Expected object, received string")]
    [InlineData("""{"agents":{"defaults":{"models":{"openrouter/auto":{"alias":7}}}}}""", "agents.defaults.models[\"openrouter/auto\"].alias: Expected string, received number")]
    [InlineData("""{"agents":{"list":[{"name":"x"}]}}""", "agents.list[0].id: Expected string, received undefined")]
    [InlineData("""{"agents":{"list":[{"id":""}]}}""", "agents.list[0].id: Too small: expected string to have >=1 characters")]
    [InlineData("""{"agents":{"list":{"id":"a"}}}""", "agents.list: Expected array, received object")]
    [InlineData("""{"agents":[]}""", "agents: Expected object, received array")]
    // Params.
    [InlineData("""{"agents":{"defaults":{"params":{"responseCache":"yes"}}}}""", "agents.defaults.params.responseCache: Expected boolean, received string")]
    [InlineData("""{"agents":{"defaults":{"params":{"response_cache":1}}}}""", "agents.defaults.params.response_cache: Expected boolean, received number")]
    [InlineData("""{"agents":{"defaults":{"params":{"responseCacheClear":null}}}}""", "agents.defaults.params.responseCacheClear: Expected boolean, received null")]
    [InlineData("""{"agents":{"defaults":{"params":{"response_cache_clear":"on"}}}}""", "agents.defaults.params.response_cache_clear: Expected boolean, received string")]
    [InlineData("""{"agents":{"defaults":{"params":{"responseCacheTtlSeconds":0}}}}""", "agents.defaults.params.responseCacheTtlSeconds: Too small: expected number to be >0")]
    [InlineData("""{"agents":{"defaults":{"params":{"response_cache_ttl_seconds":2.5}}}}""", "agents.defaults.params.response_cache_ttl_seconds: Expected integer, received number")]
    [InlineData("""{"agents":{"defaults":{"params":{"cacheRetention":"forever"}}}}""", "agents.defaults.params.cacheRetention: Invalid option: expected one of \"none\"|\"short\"|\"long\"")]
    [InlineData("""{"agents":{"defaults":{"params":{"thinking":true}}}}""", "agents.defaults.params.thinking: Invalid input: expected false")]
    [InlineData("""{"agents":{"defaults":{"params":{"thinking":3}}}}""", "agents.defaults.params.thinking: Expected string or false, received number")]
    [InlineData("""{"agents":{"defaults":{"params":{"temperature":"hot"}}}}""", "agents.defaults.params.temperature: Expected number, received string")]
    [InlineData("""{"agents":{"defaults":{"params":{"maxTokens":0}}}}""", "agents.defaults.params.maxTokens: Too small: expected number to be >0")]
    [InlineData("""{"agents":{"defaults":{"params":{"extraBody":[]}}}}""", "agents.defaults.params.extraBody: Expected object, received array")]
    [InlineData("""{"agents":{"defaults":{"params":{"extra_body":"x"}}}}""", "agents.defaults.params.extra_body: Expected object, received string")]
    [InlineData("""{"agents":{"defaults":{"params":{"provider":"anthropic"}}}}""", "agents.defaults.params.provider: Expected object, received string")]
    [InlineData("""{"agents":{"defaults":{"params":[]}}}""", "agents.defaults.params: Expected object, received array")]
    [InlineData("""{"agents":{"defaults":{"models":{"openrouter/moonshotai/kimi-k2.6":{"params":{"temperature":true}}}}}}""", "agents.defaults.models[\"openrouter/moonshotai/kimi-k2.6\"].params.temperature: Expected number, received boolean")]
    [InlineData("""{"models":{"providers":{"openrouter":{"params":{"maxTokens":"many"}}}}}""", "models.providers.openrouter.params.maxTokens: Expected integer, received string")]
    // Provider.
    [InlineData("""{"models":{"providers":{"openrouter":{"baseUrl":1}}}}""", "models.providers.openrouter.baseUrl: Expected string, received number")]
    [InlineData("""{"models":{"providers":{"openrouter":{"apiKey":5}}}}""", "models.providers.openrouter.apiKey: Expected string or object, received number")]
    [InlineData("""{"models":{"providers":{"openrouter":{"apiKey":{"source":"vault","id":"X"}}}}}""", "models.providers.openrouter.apiKey.source: Invalid option: expected one of \"env\"|\"file\"|\"exec\"")]
    [InlineData("""{"models":{"providers":{"openrouter":{"apiKey":{"source":"env"}}}}}""", "models.providers.openrouter.apiKey.id: Expected string, received undefined")]
    [InlineData("""{"models":{"providers":{"openrouter":{"headers":{"X-Custom":1}}}}}""", "models.providers.openrouter.headers.X-Custom: Expected string, received number")]
    [InlineData("""{"models":{"providers":{"openrouter":{"headers":{"X Custom":true}}}}}""", "models.providers.openrouter.headers[\"X Custom\"]: Expected string, received boolean")]
    [InlineData("""{"models":{"providers":{"openrouter":{"models":{}}}}}""", "models.providers.openrouter.models: Expected array, received object")]
    [InlineData("""{"models":{"providers":{"openrouter":{"models":[{}]}}}}""", "models.providers.openrouter.models[0].id: Expected string, received undefined")]
    [InlineData("""{"models":{"providers":{"openrouter":{"models":[{"id":"a"},{"id":""}]}}}}""", "models.providers.openrouter.models[1].id: Too small: expected string to have >=1 characters")]
    [InlineData("""{"models":{"providers":{"openrouter":{"models":[{"id":"a","input":["text","audio"]}]}}}}""", "models.providers.openrouter.models[0].input[1]: Invalid option: expected one of \"text\"|\"image\"")]
    [InlineData("""{"models":{"providers":{"openrouter":{"models":[{"id":"a","reasoning":"yes"}]}}}}""", "models.providers.openrouter.models[0].reasoning: Expected boolean, received string")]
    [InlineData("""{"models":{"providers":{"openrouter":{"models":[{"id":"a","contextWindow":-1}]}}}}""", "models.providers.openrouter.models[0].contextWindow: Too small: expected number to be >0")]
    [InlineData("""{"models":{"providers":{"openrouter":{"models":[{"id":"a","cost":{"input":-0.5}}]}}}}""", "models.providers.openrouter.models[0].cost.input: Too small: expected number to be >=0")]
    [InlineData("""{"models":{"providers":{"openrouter":{"models":[{"id":"a","compat":1}]}}}}""", "models.providers.openrouter.models[0].compat: Expected object, received number")]
    [InlineData("""{"models":{"providers":{"openrouter":{"request":{"allowPrivateNetwork":"yes"}}}}}""", "models.providers.openrouter.request.allowPrivateNetwork: Expected boolean, received string")]
    [InlineData("""{"models":{"providers":{"openrouter":{"request":{"auth":{"mode":1}}}}}}""", "models.providers.openrouter.request.auth.mode: Expected string, received number")]
    [InlineData("""{"models":{"providers":{"custom":{"baseUrl":1}}}}""", "models.providers.custom.baseUrl: Expected string, received number")]
    [InlineData("""{"models":{"providers":{"custom":{"models":[{"name":"x","vendorField":1}]}}}}""", "models.providers.custom.models[0].id: Expected string, received undefined")]
    [InlineData("""{"models":{"mode":"mix"}}""", "models.mode: Invalid option: expected one of \"merge\"|\"replace\"")]
    // TTS.
    [InlineData("""{"messages":{"tts":{"auto":"sometimes"}}}""", "messages.tts.auto: Invalid option: expected one of \"off\"|\"always\"|\"inbound\"|\"tagged\"")]
    [InlineData("""{"tts":{"auto":true}}""", "tts.auto: Expected string, received boolean")]
    [InlineData("""{"tts":{"timeoutMs":0}}""", "tts.timeoutMs: Too small: expected number to be >0")]
    [InlineData("""{"messages":{"tts":{"enabled":"yes"}}}""", "messages.tts.enabled: Expected boolean, received string")]
    [InlineData("""{"messages":{"tts":{"providers":{"openrouter":{"responseFormat":"wav"}}}}}""", "messages.tts.providers.openrouter.responseFormat: Invalid OpenRouter speech responseFormat: wav")]
    [InlineData("""{"tts":{"providers":{"openrouter":{"responseFormat":"mp3 "}}}}""", null)]
    [InlineData("""{"tts":{"providers":{"openrouter":{"responseFormat":" PCM"}}}}""", null)]
    [InlineData("""{"tts":{"providers":{"openrouter":{"responseFormat":3}}}}""", "tts.providers.openrouter.responseFormat: Expected string, received number")]
    [InlineData("""{"tts":{"providers":{"openrouter":{"speed":"fast"}}}}""", "tts.providers.openrouter.speed: Expected number, received string")]
    [InlineData("""{"tts":{"providers":{"openrouter":{"provider":["deepinfra"]}}}}""", "tts.providers.openrouter.provider: Expected object, received array")]
    [InlineData("""{"tts":{"providers":{"elevenlabs":"x"}}}""", "tts.providers.elevenlabs: Expected object, received string")]
    [InlineData("""{"messages":{"tts":[]}}""", "messages.tts: Expected object, received array")]
    // Auth, plugins, env, onboarding records, opaque sections.
    [InlineData("""{"auth":{"profiles":{"openrouter:default":{"provider":"openrouter","mode":"apikey"}}}}""", "auth.profiles.openrouter:default.mode: Invalid option: expected one of \"api_key\"|\"oauth\"|\"token\"")]
    [InlineData("""{"auth":{"profiles":{"openrouter:default":{"provider":"openrouter","mode":"api_key","email":1}}}}""", "auth.profiles.openrouter:default.email: Expected string, received number")]
    [InlineData("""{"auth":{"order":{"openrouter":"openrouter:default"}}}""", "auth.order.openrouter: Expected array, received string")]
    [InlineData("""{"auth":{"order":{"openrouter":[1]}}}""", "auth.order.openrouter[0]: Expected string, received number")]
    [InlineData("""{"plugins":{"entries":{"openrouter":{"enabled":"true"}}}}""", "plugins.entries.openrouter.enabled: Expected boolean, received string")]
    [InlineData("""{"plugins":{"entries":{"openrouter":{"config":"x"}}}}""", "plugins.entries.openrouter.config: Expected object, received string")]
    [InlineData("""{"env":{"PORT":8080}}""", "env.PORT: Expected string, received number")]
    [InlineData("""{"env":{"vars":{"A":true}}}""", "env.vars.A: Expected string, received boolean")]
    [InlineData("""{"env":{"vars":"A=1"}}""", "env.vars: Expected object, received string")]
    [InlineData("""{"env":"OPENROUTER_API_KEY=x"}""", "env: Expected object, received string")]
    [InlineData("""{"wizard":{"lastRunAt":5}}""", "wizard.lastRunAt: Expected string, received number")]
    [InlineData("""{"meta":{"lastTouchedVersion":2026}}""", "meta.lastTouchedVersion: Expected string, received number")]
    [InlineData("""{"gateway":"local"}""", "gateway: Expected object, received string")]
    [InlineData("""{"channels":[]}""", "channels: Expected object, received array")]
    [InlineData("""{"bindings":"x"}""", "bindings: Expected object or array, received string")]
    [InlineData("""{"$schema":1}""", "$schema: Expected string, received number")]
    public void Wrong_values_are_reported_with_their_path(string json, string? issue) =>
        Assert.Equal(issue is null ? [] : [issue], Issues(json));

    [Fact]
    public void A_profile_without_provider_and_mode_has_two_issues()
    {
        Assert.Equal(
            [
                "auth.profiles.openrouter:default.provider: Expected string, received undefined",
                "auth.profiles.openrouter:default.mode: Expected string, received undefined",
            ],
            Issues("""{"auth":{"profiles":{"openrouter:default":{}}}}"""));
    }

    [Fact]
    public void Issues_are_listed_in_document_order()
    {
        Assert.Equal(
            [
                "agents.defaults.model.fallbacks[0]: Expected string, received number",
                "agents.defaults: Unrecognized key: \"typo\"",
                "agents.defaults.timeoutSeconds: Too small: expected number to be >0",
                "Unrecognized key: \"extra\"",
                "messages.tts.auto: Invalid option: expected one of \"off\"|\"always\"|\"inbound\"|\"tagged\"",
            ],
            Issues("""
                {
                  "agents": { "defaults": { "model": { "fallbacks": [1] }, "typo": true, "timeoutSeconds": 0 } },
                  "extra": {},
                  "messages": { "tts": { "auto": "loud" } }
                }
                """));
    }

    [Fact]
    public void Keys_that_need_quoting_are_bracketed_in_paths()
    {
        Assert.Equal(
            [
                "agents.defaults.models[\"openrouter/moonshotai/kimi-k2.6\"].params.maxTokens: Expected integer, received string",
                "agents.defaults.models[\"we\\\"ird key\"]: Unrecognized key: \"x\"",
                "env[\"BAD NAME\"]: Expected string, received number",
            ],
            Issues("""
                {
                  "agents": { "defaults": { "models": {
                    "openrouter/moonshotai/kimi-k2.6": { "params": { "maxTokens": "4k" } },
                    "we\"ird key": { "x": 1 }
                  } } },
                  "env": { "BAD NAME": 1 }
                }
                """));
    }

    [Fact]
    public void Non_finite_numbers_are_refused_where_numbers_are_expected_and_in_opaque_sections()
    {
        var root = Parse("""{"agents":{"defaults":{"params":{}, "imageGenerationModel":{}}},"gateway":{"nested":[1]}}""");
        root["agents"]!["defaults"]!["params"]!["temperature"] = double.PositiveInfinity;
        root["agents"]!["defaults"]!["imageGenerationModel"]!["timeoutMs"] = double.NaN;
        root["agents"]!["defaults"]!["mediaMaxMb"] = double.NegativeInfinity;
        root["gateway"]!["nested"]!.AsArray().Add(double.NaN);
        root["tools"] = new JsonObject { ["limit"] = double.PositiveInfinity };

        Assert.Equal(
            [
                "agents.defaults.params.temperature: Expected number, received Infinity",
                "agents.defaults.imageGenerationModel.timeoutMs: Expected integer, received NaN",
                "agents.defaults.mediaMaxMb: Expected number, received -Infinity",
                "gateway.nested[1]: Expected a finite number, received NaN",
                "tools.limit: Expected a finite number, received Infinity",
            ],
            Issues(root));
    }

    [Fact]
    public void Opaque_product_sections_are_kept_whatever_they_hold()
    {
        var sections = new[]
        {
            "gateway", "tools", "channels", "skills", "hooks", "session", "logging", "browser", "ui", "commands", "cron",
            "diagnostics", "update", "talk", "web", "discovery", "canvasHost", "broadcast", "approvals", "secrets", "memory",
            "bindings", "audio", "media", "wizard", "meta",
        };
        var root = new JsonObject();
        foreach (var section in sections)
        {
            root[section] = Parse("""{"anything":{"deep":[1,"two",null,{"x":false}]},"unknownKey":true}""");
        }

        Assert.Empty(Issues(root));
    }

    [Fact]
    public void Bindings_may_be_a_list()
    {
        Assert.Empty(Issues("""{"bindings":[{"agentId":"home","match":{"channel":"whatsapp"}}]}"""));
    }

    [Fact]
    public void Open_objects_keep_unknown_keys_but_check_known_ones()
    {
        Assert.Empty(Issues("""
            {
              "agents": { "defaults": { "params": { "top_p": 0.9, "seed": 7, "responseCacheTtl": "120", "custom": { "a": [1] } } } },
              "models": { "providers": {
                "openrouter": { "params": { "transforms": ["middle-out"] }, "models": [ { "id": "x", "compat": { "anything": 1 } } ] },
                "anthropic": { "baseUrl": "https://api.anthropic.com", "auth": "api-key", "authHeader": true,
                               "models": [ { "id": "claude", "vendorField": 1 } ], "request": { "proxy": "x", "auth": { "mode": "y", "header": "z" } } }
              } },
              "messages": { "ackReactionScope": "group-mentions", "responsePrefix": "[bot]" },
              "tts": { "providers": { "elevenlabs": { "voiceId": "abc", "anything": {} } } },
              "plugins": { "allow": ["openrouter"], "entries": { "openrouter": { "enabled": false } } },
              "wizard": { "lastRunAt": "x", "futureField": 1 },
              "env": { "shellEnv": { "enabled": true, "timeoutMs": 15000 }, "A": "1", "vars": { "B": "2" } }
            }
            """));
    }

    [Theory]
    [InlineData("""{"messages":{"tts":{"enabled":true,"provider":"openrouter"}}}""", "messages.tts.enabled")]
    [InlineData("""{"tts":{"enabled":false}}""", "tts.enabled")]
    public void Legacy_tts_enabled_is_accepted_with_a_warning(string json, string path)
    {
        var result = ConfigValidator.Validate(Parse(json));

        Assert.Empty(result.Issues);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(path, warning.Path);
        Assert.Equal("Legacy key: use auto: \"always\" or \"off\" instead (openclaw doctor --fix migrates it).", warning.Message);
    }

    [Fact]
    public void Thinking_false_and_level_strings_are_accepted_in_params()
    {
        Assert.Empty(Issues("""{"agents":{"defaults":{"params":{"thinking":false},"models":{"a":{"params":{"thinking":"disabled"}}}}}}"""));
    }

    [Fact]
    public void Model_selections_may_be_strings()
    {
        Assert.Empty(Issues("""
            {"agents":{"defaults":{"model":"openrouter/auto","imageModel":"a","imageGenerationModel":"b","videoGenerationModel":"c",
              "mediaModels":{"image":"d","video":{"primary":"e","fallbacks":["f"],"timeoutMs":1}}},
              "entries":{"main":{"model":"openrouter/auto"}},"list":[{"id":"helper","model":{"primary":"x"},"default":true}]}}
            """));
    }

    [Fact]
    public void The_secret_ref_form_of_api_keys_is_accepted()
    {
        Assert.Empty(Issues("""
            {"models":{"providers":{"openrouter":{"apiKey":{"source":"env","provider":"default","id":"OPENROUTER_API_KEY"}}}},
             "tts":{"providers":{"openrouter":{"apiKey":{"source":"file","id":"/run/secrets/key"}}}}}
            """));
    }
}
