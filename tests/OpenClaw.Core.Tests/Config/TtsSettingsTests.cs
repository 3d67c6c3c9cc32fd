using System.Text.Json.Nodes;
using OpenClaw.Core.Config;
using OpenClaw.Core.Json5;
using OpenClaw.Core.State;
using OpenClaw.OpenRouter.Speech;

namespace OpenClaw.Core.Tests.Config;

/// <summary>
/// The TTS settings (provider spec §17, CLI spec §9.1): every key of <c>messages.tts</c> / top-level <c>tts</c>, the aliases,
/// per-key precedence of the two blocks, and <c>responseFormat</c> validation.
/// </summary>
public sealed class TtsSettingsTests
{
    private static TtsSettings Read(string json5, EnvironmentVariables? environment = null)
    {
        var root = Json5Reader.Parse(json5, "test.json")!.AsObject();
        var config = OpenClawConfig.Read(root, environment ?? EnvironmentVariables.From([]), "~/.openclaw/openclaw.json");
        return TtsSettings.Read(config.Tts);
    }

    [Fact]
    public void No_tts_block_speaks_nothing_and_uses_openrouters_defaults()
    {
        var settings = Read("{}");

        Assert.Same(TtsSettings.Empty, settings);
        Assert.Equal(TtsAutoMode.Off, settings.Auto);
        Assert.Null(settings.Provider);
        Assert.Equal("openrouter", settings.EffectiveProvider);
        Assert.True(settings.UsesOpenRouter);
        Assert.Null(settings.Timeout);
        Assert.Same(TtsOpenRouterSettings.Empty, settings.OpenRouter);
    }

    [Fact]
    public void The_seed_pages_snippet_reads_as_written()
    {
        var settings = Read(DocumentedConfigs.SeedTextToSpeech);

        Assert.Equal(TtsAutoMode.Always, settings.Auto);
        Assert.Equal("openrouter", settings.Provider);
        Assert.Equal("hexgrad/kokoro-82m", settings.OpenRouter.Model);
        Assert.Equal("af_alloy", settings.OpenRouter.Voice);
        Assert.Equal(OpenRouterSpeechFormat.Mp3, settings.OpenRouter.ResponseFormat);
        Assert.Null(settings.OpenRouter.ApiKey);
        Assert.Null(settings.OpenRouter.BaseUrl);
        Assert.Null(settings.OpenRouter.Speed);
        Assert.Null(settings.OpenRouter.Provider);
    }

    [Fact]
    public void Every_key_of_the_cli_spec_example_is_read()
    {
        var settings = Read(DocumentedConfigs.SpecKeysTheOpenRouterPortUses, EnvironmentVariables.From([]));

        Assert.Equal(TtsAutoMode.Always, settings.Auto);
        Assert.Equal("openrouter", settings.Provider);
        Assert.Equal(TimeSpan.FromMilliseconds(30000), settings.Timeout);
        var openRouter = settings.OpenRouter;
        Assert.Equal("\"sk-or-...\"", openRouter.ApiKey?.ToJsonString());
        Assert.Equal("https://openrouter.ai/api/v1", openRouter.BaseUrl);
        Assert.Equal("hexgrad/kokoro-82m", openRouter.Model);
        Assert.Equal("af_alloy", openRouter.Voice);
        Assert.Equal(OpenRouterSpeechFormat.Mp3, openRouter.ResponseFormat);
        Assert.Equal(1.0, openRouter.Speed);
        Assert.Equal("""{"order":["deepinfra"]}""", openRouter.Provider?.ToJsonString());
    }

    [Theory]
    [InlineData("messages")]
    [InlineData("top-level")]
    public void Each_key_is_read_from_either_block(string where)
    {
        const string block = """
            { auto: "tagged", provider: " openrouter ", timeoutMs: 4500,
              providers: { openrouter: { apiKey: "sk-or-tts", baseUrl: "https://proxy.example.com/v1", model: "elevenlabs/eleven-turbo-v2",
                                         voice: "Rachel", speed: 1.25, responseFormat: "pcm", provider: { sort: "price" } } } }
            """;
        var settings = Read(where == "messages" ? $"{{ messages: {{ tts: {block} }} }}" : $"{{ tts: {block} }}");

        Assert.Equal(TtsAutoMode.Tagged, settings.Auto);
        Assert.Equal("openrouter", settings.Provider);
        Assert.Equal(TimeSpan.FromMilliseconds(4500), settings.Timeout);
        Assert.Equal(
            new TtsOpenRouterSettings
            {
                ApiKey = null,
                BaseUrl = "https://proxy.example.com/v1",
                Model = "elevenlabs/eleven-turbo-v2",
                Voice = "Rachel",
                Speed = 1.25,
                ResponseFormat = OpenRouterSpeechFormat.Pcm,
                Provider = null,
            },
            settings.OpenRouter with { ApiKey = null, Provider = null });
        Assert.Equal("\"sk-or-tts\"", settings.OpenRouter.ApiKey?.ToJsonString());
        Assert.Equal("""{"sort":"price"}""", settings.OpenRouter.Provider?.ToJsonString());
    }

    [Fact]
    public void ModelId_and_voiceId_are_aliases()
    {
        var settings = Read("""{ tts: { providers: { openrouter: { modelId: "google/gemini-3.1-flash-tts-preview", voiceId: "Kore" } } } }""");

        Assert.Equal("google/gemini-3.1-flash-tts-preview", settings.OpenRouter.Model);
        Assert.Equal("Kore", settings.OpenRouter.Voice);
    }

    [Fact]
    public void Model_and_voice_win_over_their_aliases_in_one_block()
    {
        var settings = Read("""{ tts: { providers: { openrouter: { model: "a/model", modelId: "b/model", voice: "af_bella", voiceId: "am_adam" } } } }""");

        Assert.Equal(("a/model", "af_bella"), (settings.OpenRouter.Model, settings.OpenRouter.Voice));
    }

    [Fact]
    public void Top_level_tts_wins_per_key_and_messages_tts_fills_the_rest()
    {
        var settings = Read("""
            {
              messages: { tts: { auto: "always", timeoutMs: 9000,
                                 providers: { openrouter: { model: "hexgrad/kokoro-82m", voice: "af_alloy", speed: 0.9, responseFormat: "mp3",
                                                            apiKey: "sk-or-messages" } } } },
              tts: { auto: "tagged", providers: { openrouter: { voice: "af_bella", responseFormat: "pcm", baseUrl: "https://proxy.example.com/v1" } } },
            }
            """);

        Assert.Equal(TtsAutoMode.Tagged, settings.Auto);
        Assert.Equal(TimeSpan.FromMilliseconds(9000), settings.Timeout);
        Assert.Equal("hexgrad/kokoro-82m", settings.OpenRouter.Model);
        Assert.Equal("af_bella", settings.OpenRouter.Voice);
        Assert.Equal(0.9, settings.OpenRouter.Speed);
        Assert.Equal(OpenRouterSpeechFormat.Pcm, settings.OpenRouter.ResponseFormat);
        Assert.Equal("\"sk-or-messages\"", settings.OpenRouter.ApiKey?.ToJsonString());
        Assert.Equal("https://proxy.example.com/v1", settings.OpenRouter.BaseUrl);
    }

    [Theory]
    [InlineData("mp3", "mp3")]
    [InlineData(" MP3 ", "mp3")]
    [InlineData("Pcm", "pcm")]
    [InlineData("\tpcm\n", "pcm")]
    public void ResponseFormat_is_trimmed_and_case_insensitive(string written, string expected)
    {
        var tts = new JsonObject { ["providers"] = new JsonObject { ["openrouter"] = new JsonObject { ["responseFormat"] = written } } };

        Assert.Equal(expected, TtsSettings.Read(tts).OpenRouter.ResponseFormat?.Value);
    }

    [Theory]
    [InlineData("wav", "messages.tts")]
    [InlineData("mp4", "tts")]
    [InlineData("", "tts")]
    public void A_bad_responseFormat_names_the_key_path_and_the_value(string written, string path)
    {
        var tts = new JsonObject { ["providers"] = new JsonObject { ["openrouter"] = new JsonObject { ["responseFormat"] = written } } };

        var error = Assert.Throws<ConfigException>(() => TtsSettings.Read(tts, path));

        Assert.Equal($"{path}.providers.openrouter.responseFormat: Invalid OpenRouter speech responseFormat: {written}", error.Message);
    }

    [Theory]
    [InlineData("""{"tts":{"providers":{"openrouter":{"responseFormat":"wav"}}}}""", "tts.providers.openrouter.responseFormat: Invalid OpenRouter speech responseFormat: wav")]
    [InlineData("""{"messages":{"tts":{"providers":{"openrouter":{"responseFormat":"WAV "}}}}}""", "messages.tts.providers.openrouter.responseFormat: Invalid OpenRouter speech responseFormat: WAV ")]
    public void Config_validation_reports_a_bad_responseFormat_with_the_same_message(string json, string issue)
    {
        var result = ConfigValidator.Validate(JsonNode.Parse(json)!.AsObject());

        Assert.Equal(issue, Assert.Single(result.Issues).ToString());
    }

    [Theory]
    [InlineData("""{ tts: { providers: { openrouter: { speed: Infinity } } } }""")]
    [InlineData("""{ tts: { providers: { openrouter: { speed: NaN } } } }""")]
    [InlineData("""{ tts: { providers: { openrouter: { speed: "fast" } } } }""")]
    public void A_speed_that_is_not_a_finite_number_is_not_used(string json) =>
        Assert.Null(Read(json).OpenRouter.Speed);

    [Theory]
    [InlineData("""{ tts: { enabled: true } }""", "always")]
    [InlineData("""{ tts: { enabled: false } }""", "off")]
    [InlineData("""{ tts: { enabled: true, auto: "tagged" } }""", "tagged")]
    [InlineData("""{ tts: { auto: " Inbound " } }""", "inbound")]
    [InlineData("""{ tts: { provider: "openrouter" } }""", "off")]
    public void Auto_comes_from_auto_else_the_legacy_enabled_switch(string json, string mode) =>
        Assert.Equal(mode, Read(json).Auto.Value);

    [Fact]
    public void An_unknown_auto_word_is_kept_but_not_known()
    {
        var auto = Read("""{ tts: { auto: "sometimes" } }""").Auto;

        Assert.Equal("sometimes", auto.Value);
        Assert.False(auto.IsKnown);
        Assert.True(TtsAutoMode.Tagged.IsKnown);
        Assert.Equal("off", default(TtsAutoMode).Value);
    }

    [Fact]
    public void Another_provider_is_named_but_not_openrouter()
    {
        var settings = Read("""{ tts: { provider: "ElevenLabs" } }""");

        Assert.Equal("ElevenLabs", settings.EffectiveProvider);
        Assert.False(settings.UsesOpenRouter);
        Assert.True(Read("""{ tts: { provider: "OpenRouter" } }""").UsesOpenRouter);
    }

    [Fact]
    public void A_secret_ref_key_and_env_substitution_are_kept_for_the_resolver()
    {
        var environment = EnvironmentVariables.From([KeyValuePair.Create("TTS_KEY", "sk-or-from-env")]);

        var settings = Read("""{ tts: { providers: { openrouter: { apiKey: { source: "env", id: "TTS_KEY" }, baseUrl: "${TTS_BASE}" } } } }""", environment);
        var substituted = Read("""{ tts: { providers: { openrouter: { apiKey: "${TTS_KEY}" } } } }""", environment);

        Assert.Equal("""{"source":"env","id":"TTS_KEY"}""", settings.OpenRouter.ApiKey?.ToJsonString());
        Assert.Equal("\"sk-or-from-env\"", substituted.OpenRouter.ApiKey?.ToJsonString());
    }

    [Theory]
    [InlineData("https://tts.example.com/v1", "https://models.example.com/v1", "https://tts.example.com/v1")]
    [InlineData(null, "https://models.example.com/v1", "https://models.example.com/v1")]
    [InlineData("  ", "https://models.example.com/v1", "https://models.example.com/v1")]
    [InlineData(null, null, null)]
    [InlineData(null, " ", null)]
    public void The_base_url_chain_is_tts_then_models_provider_then_canonical(string? tts, string? models, string? expected) =>
        Assert.Equal(expected, new TtsOpenRouterSettings { BaseUrl = tts }.ResolveBaseUrl(models));
}
