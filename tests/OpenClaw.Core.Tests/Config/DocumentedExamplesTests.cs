using System.Text.Json.Nodes;
using OpenClaw.Core.Config;
using OpenClaw.Core.Json5;
using OpenClaw.Core.State;

namespace OpenClaw.Core.Tests.Config;

/// <summary>
/// The documented configs, verbatim, must load, validate without issues or warnings, and read. They are JSON5 (unquoted
/// keys, <c>180_000</c>), so each test first calls <see cref="Prerequisites.RequireJson5Reader"/> and is skipped until the
/// JSON5 reader is merged.
/// </summary>
public sealed class DocumentedExamplesTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    public static TheoryData<string, string> Examples() => new()
    {
        { nameof(DocumentedConfigs.SeedGettingStarted), DocumentedConfigs.SeedGettingStarted },
        { nameof(DocumentedConfigs.SeedImageGeneration), DocumentedConfigs.SeedImageGeneration },
        { nameof(DocumentedConfigs.SeedVideoGeneration), DocumentedConfigs.SeedVideoGeneration },
        { nameof(DocumentedConfigs.SeedTextToSpeech), DocumentedConfigs.SeedTextToSpeech },
        { nameof(DocumentedConfigs.SeedResponseCache), DocumentedConfigs.SeedResponseCache },
        { nameof(DocumentedConfigs.SpecKeysTheOpenRouterPortUses), DocumentedConfigs.SpecKeysTheOpenRouterPortUses },
        { nameof(DocumentedConfigs.SpecOnboardingOutput), DocumentedConfigs.SpecOnboardingOutput },
    };

    private ConfigDocument Load(string text)
    {
        var path = _directory.Combine("openclaw.json");
        File.WriteAllText(path, text);
        return ConfigDocument.Load(path);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Loads_and_validates_cleanly(string name, string text)
    {
        Prerequisites.RequireJson5Reader(); // needs JSON5 reader

        var result = ConfigValidator.Validate(Load(text).Root);

        Assert.True(result.IsValid, $"{name}: {string.Join("; ", result.Issues)}");
        Assert.Empty(result.Warnings);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Round_trips_through_the_store(string name, string text)
    {
        Prerequisites.RequireJson5Reader(); // needs JSON5 reader
        var path = _directory.Combine("openclaw.json");
        File.WriteAllText(path, text);
        var original = ConfigDocument.Load(path).Root;

        var result = new ConfigStore(path).Update(root =>
        {
            root["meta"] = new JsonObject { ["lastTouchedVersion"] = "test" };
            return true;
        });

        Assert.True(result.Changed, name);
        var written = ConfigDocument.Load(path).Root;
        written.Remove("meta");
        original.Remove("meta");
        Assert.True(JsonNode.DeepEquals(original, written), name);
    }

    [Fact]
    public void The_image_generation_example_reads_its_digit_separated_timeout()
    {
        Prerequisites.RequireJson5Reader(); // needs JSON5 reader
        var environment = EnvironmentVariables.From([]);

        var config = OpenClawConfig.Read(Json5Reader.Parse(DocumentedConfigs.SeedImageGeneration)!.AsObject(), environment, "openclaw.json");

        Assert.Equal("openrouter/google/gemini-3.1-flash-image-preview", config.ImageGenerationModel.Primary);
        Assert.Equal(180_000, config.ImageGenerationModel.TimeoutMs);
        Assert.Equal("sk-or-...", environment.Get("OPENROUTER_API_KEY"));
        Assert.Equal(EnvironmentSource.ConfigEnv, environment.SourceOf("OPENROUTER_API_KEY"));
    }

    [Fact]
    public void The_tts_example_reads_as_the_tts_config()
    {
        Prerequisites.RequireJson5Reader(); // needs JSON5 reader

        var config = OpenClawConfig.Read(Json5Reader.Parse(DocumentedConfigs.SeedTextToSpeech)!.AsObject(), EnvironmentVariables.From([]), "openclaw.json");

        Assert.Equal(
            """{"auto":"always","provider":"openrouter","providers":{"openrouter":{"model":"hexgrad/kokoro-82m","voice":"af_alloy","responseFormat":"mp3"}}}""",
            config.Tts!.ToJsonString());
    }

    [Fact]
    public void The_response_cache_example_reads_as_model_params()
    {
        Prerequisites.RequireJson5Reader(); // needs JSON5 reader

        var config = OpenClawConfig.Read(Json5Reader.Parse(DocumentedConfigs.SeedResponseCache)!.AsObject(), EnvironmentVariables.From([]), "openclaw.json");

        Assert.Equal("""{"responseCache":true,"responseCacheTtlSeconds":300}""", config.Models["openrouter/auto"].Params!.ToJsonString());
        Assert.Null(config.Models["openrouter/auto"].Alias);
    }

    [Fact]
    public void The_spec_example_reads_every_typed_value()
    {
        Prerequisites.RequireJson5Reader(); // needs JSON5 reader
        var environment = EnvironmentVariables.From([]);
        var warnings = new List<string>();

        var config = OpenClawConfig.Read(Json5Reader.Parse(DocumentedConfigs.SpecKeysTheOpenRouterPortUses)!.AsObject(), environment, "~/.openclaw/openclaw.json", warnings.Add);

        Assert.Empty(warnings);
        Assert.Equal(new ModelSelection("openrouter/auto", ["openrouter/moonshotai/kimi-k2.6"], null), config.Model, ModelSelectionComparer.Instance);
        Assert.Equal("openrouter/auto", config.Aliases["openrouter"]);
        Assert.Equal(180000, config.ImageGenerationModel.TimeoutMs);
        Assert.Equal(600000, config.VideoGenerationModel.TimeoutMs);
        Assert.Equal("openrouter/google/gemini-3.1-pro-preview", config.ImageModel.Primary);
        Assert.Equal("medium", config.ThinkingDefault);
        Assert.Equal(600, config.TimeoutSeconds);
        Assert.Equal(16, config.MediaMaxMb);
        Assert.Equal("~/.openclaw/workspace", config.Workspace);
        Assert.Equal("{}", config.DefaultParams!.ToJsonString());
        // The env block supplies OPENROUTER_API_KEY, which ${OPENROUTER_API_KEY} then resolves to.
        Assert.Equal("sk-or-...", config.OpenRouter.ApiKey!.GetValue<string>());
        Assert.Equal("https://openrouter.ai/api/v1", config.OpenRouter.BaseUrl);
        Assert.Equal("v", config.OpenRouter.Headers["x-custom"]);
        Assert.Equal("moonshotai/kimi-k2.6", config.OpenRouter.Models![0]!["id"]!.GetValue<string>());
        Assert.False(config.OpenRouter.AllowPrivateNetwork);
        Assert.Equal("af_alloy", config.Tts!["providers"]!["openrouter"]!["voice"]!.GetValue<string>());
        Assert.Equal(["openrouter:default"], config.AuthOrder!);
        Assert.Equal("high", config.Agents["main"].ThinkingDefault);
        Assert.Equal("openrouter/auto", config.Agents["main"].Model.Primary);
    }
}
