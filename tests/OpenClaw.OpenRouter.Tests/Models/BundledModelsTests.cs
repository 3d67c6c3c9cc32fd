using OpenClaw.OpenRouter.Models;
using OpenClaw.OpenRouter.Routing;

namespace OpenClaw.OpenRouter.Tests.Models;

public sealed class BundledModelsTests
{
    [Fact]
    public void Auto_is_a_free_non_reasoning_router_with_a_200000_window()
    {
        var auto = BundledModels.Auto;

        Assert.Equal("openrouter/auto", auto.Id);
        Assert.Equal("OpenRouter Auto", auto.Name);
        Assert.False(auto.Reasoning);
        Assert.Equal(["text", "image"], auto.Input);
        Assert.Equal(ModelPricing.Free, auto.Pricing);
        Assert.Equal(200_000, auto.ContextWindow);
        Assert.Equal(8192, auto.MaxTokens);
    }

    [Fact]
    public void The_kimi_rows_reason_with_unknown_efforts_and_carry_their_prices()
    {
        var k26 = BundledModels.KimiK26;
        var k25 = BundledModels.KimiK25;

        Assert.Equal(("moonshotai/kimi-k2.6", "MoonshotAI: Kimi K2.6"), (k26.Id, k26.Name));
        Assert.Equal(("moonshotai/kimi-k2.5", "MoonshotAI: Kimi K2.5"), (k25.Id, k25.Name));
        Assert.Equal(new ModelPricing(0.8m, 3.5m, 0.2m, 0m), k26.Pricing);
        Assert.Equal(new ModelPricing(0.44m, 2m, 0.22m, 0m), k25.Pricing);
        foreach (var kimi in new[] { k26, k25 })
        {
            Assert.True(kimi.Reasoning);
            Assert.Null(kimi.SupportedReasoningEfforts);
            Assert.False(kimi.ReasoningMandatory);
            Assert.Null(kimi.SupportsTools);
            Assert.Equal(["text", "image"], kimi.Input);
            Assert.Equal(262_144, kimi.ContextWindow);
            Assert.Equal(262_144, kimi.MaxTokens);
        }
    }

    [Fact]
    public void All_holds_the_three_rows_in_table_order_and_never_the_stealth_routes()
    {
        Assert.Equal(["openrouter/auto", "moonshotai/kimi-k2.6", "moonshotai/kimi-k2.5"], BundledModels.All.Select(row => row.Id));
        Assert.Null(BundledModels.Find("openrouter/hunter-alpha"));
        Assert.Null(BundledModels.Find("openrouter/healer-alpha"));
    }

    [Theory]
    [InlineData("openrouter/auto", "openrouter/auto")]
    [InlineData(" OpenRouter/Auto ", "openrouter/auto")]
    [InlineData("openrouter/openrouter/auto", "openrouter/auto")]
    [InlineData("moonshotai/kimi-k2.6", "moonshotai/kimi-k2.6")]
    [InlineData("openrouter/moonshotai/kimi-k2.5", "moonshotai/kimi-k2.5")]
    [InlineData("moonshotai/kimi-k2", null)]
    [InlineData("auto", null)]
    public void Find_matches_by_api_id(string id, string? expected)
    {
        Assert.Equal(expected, BundledModels.Find(id)?.Id);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("https://openrouter.ai/api/v1", true)]
    [InlineData("https://openrouter.ai/api/v1/", true)]
    [InlineData("https://openrouter.ai/v1", true)]
    [InlineData("https://eu.openrouter.ai/api/v1", false)]
    [InlineData("https://proxy.example.com/v1", false)]
    [InlineData("http://127.0.0.1:8089/v1", false)]
    [InlineData("not a url", false)]
    public void The_rows_apply_only_to_the_canonical_base(string? baseUrl, bool expected)
    {
        Assert.Equal(expected, BundledModels.AppliesTo(OpenRouterRoute.Classify(baseUrl)));
    }

    [Fact]
    public void An_unverified_route_without_a_base_url_still_uses_the_canonical_default()
    {
        var otherProvider = OpenRouterRoute.Classify(null, providerId: "my-proxy");

        Assert.False(otherProvider.IsVerified);
        Assert.True(BundledModels.AppliesTo(otherProvider));
    }
}
