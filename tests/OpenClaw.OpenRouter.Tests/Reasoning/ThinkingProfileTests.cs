using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Models;
using OpenClaw.OpenRouter.Reasoning;

namespace OpenClaw.OpenRouter.Tests.Reasoning;

public sealed class ThinkingProfileTests
{
    private static readonly ReasoningEffort[] AllEfforts =
        [ReasoningEffort.None, ReasoningEffort.Minimal, ReasoningEffort.Low, ReasoningEffort.Medium, ReasoningEffort.High, ReasoningEffort.XHigh, ReasoningEffort.Max];

    private static string Levels(ThinkingProfile profile) => string.Join(",", profile.Levels);

    [Fact]
    public void A_model_that_cannot_reason_supports_off_only()
    {
        var profile = ThinkingProfile.For("openrouter/auto", new OpenRouterModelInfo { Id = "openrouter/auto", Reasoning = false });

        Assert.Equal("off", Levels(profile));
        Assert.Equal(ThinkingLevel.Off, profile.Default);
    }

    [Fact]
    public void An_explicit_unsupported_level_is_rejected_with_the_spec_message()
    {
        var profile = ThinkingProfile.For("openrouter/auto", new OpenRouterModelInfo { Id = "openrouter/auto" });

        var error = Assert.Throws<ThinkingLevelNotSupportedException>(() => profile.Resolve(ThinkingLevel.High, ThinkingLevelSource.Explicit, "openrouter/auto"));

        Assert.Equal("Thinking level \"high\" is not supported for openrouter/openrouter/auto. Use one of: off.", error.Message);
    }

    [Fact]
    public void DeepSeek_v4_with_unknown_efforts_goes_up_to_xhigh_and_defaults_to_high()
    {
        var profile = ThinkingProfile.For("deepseek/deepseek-v4-flash", new OpenRouterModelInfo { Id = "deepseek/deepseek-v4-flash", Reasoning = true });

        Assert.Equal("off,minimal,low,medium,high,xhigh", Levels(profile));
        Assert.Equal(ThinkingLevel.High, profile.Default);
        var error = Assert.Throws<ThinkingLevelNotSupportedException>(() => profile.Resolve(ThinkingLevel.Max, ThinkingLevelSource.Explicit, "deepseek/deepseek-v4-flash"));
        Assert.Equal("Thinking level \"max\" is not supported for openrouter/deepseek/deepseek-v4-flash. Use one of: off, minimal, low, medium, high, xhigh.", error.Message);
        Assert.Equal(ThinkingLevel.XHigh, profile.Resolve(ThinkingLevel.Max, ThinkingLevelSource.Configured, "deepseek/deepseek-v4-flash"));
    }

    [Fact]
    public void Declared_efforts_filter_the_canonical_order_and_pick_medium_first()
    {
        var claude = ThinkingProfile.For("anthropic/claude-sonnet-4.6", new OpenRouterModelInfo { Id = "anthropic/claude-sonnet-4.6", Reasoning = true, SupportedReasoningEfforts = AllEfforts });
        var deepseek = ThinkingProfile.For("deepseek/deepseek-v4-flash", new OpenRouterModelInfo
        {
            Id = "deepseek/deepseek-v4-flash", Reasoning = true, SupportedReasoningEfforts = [ReasoningEffort.None, ReasoningEffort.XHigh, ReasoningEffort.High],
        });
        var mandatory = ThinkingProfile.For("x/y", new OpenRouterModelInfo
        {
            Id = "x/y", Reasoning = true, ReasoningMandatory = true, SupportedReasoningEfforts = [ReasoningEffort.Low, ReasoningEffort.High],
        });

        Assert.Equal("off,minimal,low,medium,high,xhigh,max", Levels(claude));
        Assert.Equal(ThinkingLevel.Medium, claude.Default);
        Assert.Equal("off,high,xhigh", Levels(deepseek));
        Assert.Equal(ThinkingLevel.High, deepseek.Default);
        Assert.Equal("low,high", Levels(mandatory));
        Assert.Equal(ThinkingLevel.High, mandatory.Default);
        Assert.Equal(ThinkingLevel.Low, mandatory.Resolve(ThinkingLevel.Off, ThinkingLevelSource.Configured, "x/y"));
    }

    [Fact]
    public void Binary_reasoning_is_off_or_on()
    {
        var binary = ThinkingProfile.For("x/y", new OpenRouterModelInfo { Id = "x/y", Reasoning = true, SupportedReasoningEfforts = [] });
        var alwaysOn = ThinkingProfile.For("x/y", new OpenRouterModelInfo { Id = "x/y", Reasoning = true, ReasoningMandatory = true, SupportedReasoningEfforts = [] });

        Assert.Equal("off,low", Levels(binary));
        Assert.Equal("low", Levels(alwaysOn));
    }

    [Theory]
    [InlineData("openai/gpt-5.5", "medium")]
    [InlineData("google/gemini-3.1-pro-preview", "high")]
    [InlineData("google/gemini-3-pro-preview", "high")]
    [InlineData("google/gemini-3-flash-preview", "medium")]
    public void Unknown_efforts_offer_off_to_high_with_a_family_default(string id, string expectedDefault)
    {
        var profile = ThinkingProfile.For(id, new OpenRouterModelInfo { Id = id, Reasoning = true });

        Assert.Equal("off,minimal,low,medium,high", Levels(profile));
        Assert.Equal(expectedDefault, profile.Default.Value);
        Assert.Equal(ThinkingLevel.High, profile.Resolve(ThinkingLevel.Max, ThinkingLevelSource.Configured, id));
        Assert.Equal(ThinkingLevel.Adaptive, profile.Resolve(ThinkingLevel.Adaptive, ThinkingLevelSource.Explicit, id));
    }

    [Fact]
    public void Hunter_alpha_never_reasons()
    {
        var profile = ThinkingProfile.For("openrouter/hunter-alpha", new OpenRouterModelInfo { Id = "openrouter/hunter-alpha", Reasoning = true });

        Assert.Equal("off", Levels(profile));
    }

    [Fact]
    public void No_requested_level_gives_the_default() =>
        Assert.Equal(ThinkingLevel.Medium, ThinkingProfile.For("openai/gpt-5.5", new OpenRouterModelInfo { Id = "openai/gpt-5.5", Reasoning = true })
            .Resolve(null, ThinkingLevelSource.Explicit, "openai/gpt-5.5"));
}
