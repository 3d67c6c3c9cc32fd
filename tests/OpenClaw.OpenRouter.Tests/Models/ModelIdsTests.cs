using OpenClaw.OpenRouter.Models;

namespace OpenClaw.OpenRouter.Tests.Models;

public sealed class ModelIdsTests
{
    [Theory]
    [InlineData("openrouter/auto", "openrouter/auto")]
    [InlineData("openrouter/hunter-alpha", "openrouter/hunter-alpha")]
    [InlineData("openrouter/deepseek-v4-flash", "openrouter/deepseek-v4-flash")]
    [InlineData("openrouter/anthropic/claude-sonnet-4.6", "anthropic/claude-sonnet-4.6")]
    [InlineData(" openrouter/openrouter/auto ", "openrouter/auto")]
    [InlineData("OpenRouter/auto", "openrouter/auto")]
    [InlineData("anthropic/claude-sonnet-4.6", "anthropic/claude-sonnet-4.6")]
    public void The_model_id_of_a_ref(string modelRef, string expected) => Assert.Equal(expected, ModelIds.ModelIdOfRef(modelRef));

    [Theory]
    [InlineData("openrouter/auto", "openrouter/auto")]
    [InlineData("anthropic/claude-sonnet-4.6", "openrouter/anthropic/claude-sonnet-4.6")]
    [InlineData("openrouter/hunter-alpha", "openrouter/hunter-alpha")]
    public void Canonical_refs(string modelId, string expected) => Assert.Equal(expected, ModelIds.CanonicalRef(modelId));

    [Theory]
    [InlineData("openrouter/auto", "openrouter/auto")]
    [InlineData("openrouter/anthropic/claude-sonnet-4.6", "anthropic/claude-sonnet-4.6")]
    [InlineData("openrouter/openrouter/hunter-alpha", "openrouter/hunter-alpha")]
    [InlineData("openrouter/anthropic/claude-opus-4-8", "anthropic/claude-opus-4-8")]
    [InlineData("openrouter/openrouter/auto", "openrouter/auto")]
    [InlineData("openrouter/fusion", "openrouter/fusion")]
    [InlineData("openrouter/deepseek-v4-flash", "deepseek/deepseek-v4-flash")]
    [InlineData("openrouter/DeepSeek-V4-Pro", "deepseek/deepseek-v4-pro")]
    [InlineData(" Anthropic/Claude-Sonnet-4.6 ", "anthropic/claude-sonnet-4.6")]
    [InlineData("openrouter/constructor", "openrouter/constructor")]
    [InlineData("openrouter/__proto__", "openrouter/__proto__")]
    public void The_api_id_on_the_wire(string modelId, string expected) => Assert.Equal(expected, ModelIds.ToApiId(modelId));

    [Theory]
    [InlineData("openrouter/~anthropic/claude-opus-latest", "anthropic/claude-opus-latest")]
    [InlineData("~anthropic/claude-opus-latest", "anthropic/claude-opus-latest")]
    [InlineData("openrouter/auto", "auto")]
    [InlineData("Anthropic/Claude-Sonnet-4.6", "anthropic/claude-sonnet-4.6")]
    public void Family_ids(string modelId, string expected) => Assert.Equal(expected, ModelIds.FamilyId(modelId));

    [Fact]
    public void Human_facing_refs_print_the_provider_prefix_on_the_model_id() =>
        Assert.Equal("openrouter/openrouter/auto", ModelIds.CanonicalRefForDisplay("openrouter/auto"));
}
