using OpenClaw.OpenRouter.Models;

namespace OpenClaw.OpenRouter.Tests.Models;

public sealed class ModelFamilyTests
{
    [Theory]
    [InlineData("deepseek/deepseek-v4-flash", true)]
    [InlineData("openrouter/deepseek/deepseek-v4-pro", true)]
    [InlineData("deepseek/deepseek-v4-flash-0731", true)]
    [InlineData("deepseek/deepseek-v4-pro:nitro", true)]
    [InlineData("openrouter/deepseek-v4-flash", false)]
    [InlineData("deepseek/deepseek-v3.1", false)]
    [InlineData("deepseek/deepseek-v4-flash-07", false)]
    public void DeepSeek_v4(string id, bool expected) => Assert.Equal(expected, ModelFamily.IsDeepSeekV4(id));

    [Fact]
    public void The_short_deepseek_alias_matches_after_api_id_expansion() =>
        Assert.True(ModelFamily.IsDeepSeekV4(ModelIds.ToApiId("openrouter/deepseek-v4-flash")));

    [Theory]
    [InlineData("anthropic/claude-sonnet-4.6", true)]
    [InlineData("openrouter/~anthropic/claude-opus-latest", true)]
    [InlineData("openai/gpt-5.5", false)]
    public void Anthropic(string id, bool expected) => Assert.Equal(expected, ModelFamily.IsAnthropic(id));

    [Theory]
    [InlineData("google/gemini-3.1-pro-preview", true)]
    [InlineData("google/GEMINI-2.5-flash", true)]
    [InlineData("google/gemma-3", false)]
    public void Gemini(string id, bool expected) => Assert.Equal(expected, ModelFamily.IsGemini(id));

    [Theory]
    [InlineData("mistralai/mistral-large", true)]
    [InlineData("mistral/x", true)]
    [InlineData("codestral-2508", true)]
    [InlineData("devstral-small", true)]
    [InlineData("openai/gpt-5.5", false)]
    public void Mistral(string id, bool expected) => Assert.Equal(expected, ModelFamily.IsMistral(id));

    [Theory]
    [InlineData("moonshotai/kimi-k2.6", true)]
    [InlineData("openrouter/moonshot/kimi", true)]
    [InlineData("openai/gpt-5.5", false)]
    public void Kimi(string id, bool expected) => Assert.Equal(expected, ModelFamily.IsKimi(id));

    [Theory]
    [InlineData("openrouter/hunter-alpha", true)]
    [InlineData(" OpenRouter/Hunter-Alpha:free ", true)]
    [InlineData("openrouter/healer-alpha", false)]
    [InlineData("openrouter/hunter-alpha-2", false)]
    public void Hunter_alpha(string id, bool expected) => Assert.Equal(expected, ModelFamily.IsHunterAlpha(id));

    [Theory]
    [InlineData("x-ai/grok-4", true)]
    [InlineData("openrouter/x-ai/grok-4", true)]
    [InlineData("x-ai-labs/grok", false)]
    public void Xai(string id, bool expected) => Assert.Equal(expected, ModelFamily.IsXai(id));

    [Theory]
    [InlineData("anthropic/claude-sonnet-4.6", true)]
    [InlineData("deepseek/deepseek-v4-flash", true)]
    [InlineData("moonshotai/kimi-k2.6", true)]
    [InlineData("z-ai/glm-5", true)]
    [InlineData("zai/glm-5", true)]
    [InlineData("x-ai/grok-4", false)]
    [InlineData("google/gemini-3.1-pro-preview", false)]
    public void Cache_ttl_eligible(string id, bool expected) => Assert.Equal(expected, ModelFamily.IsCacheTtlEligible(id));
}
