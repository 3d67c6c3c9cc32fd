using System.Text.Json;
using System.Text.Json.Nodes;
using OpenClaw.Core.Models;
using OpenClaw.OpenRouter.Models;

namespace OpenClaw.Core.Tests.Models;

public sealed class ModelCatalogViewTests
{
    private static readonly OpenRouterModelInfo LiveAuto = new()
    {
        Id = "openrouter/auto",
        Name = "Auto Router",
        Reasoning = true,
        ContextWindow = 2_000_000,
    };

    private static readonly OpenRouterModelInfo LiveSonnet = new() { Id = "anthropic/claude-sonnet-4.6", Name = "Anthropic: Claude Sonnet 4.6" };

    private static readonly OpenRouterModelInfo LiveFlash = new() { Id = "deepseek/deepseek-v4-flash", Name = "DeepSeek V4 Flash" };

    private static JsonArray Configured(string json) => (JsonArray)JsonNode.Parse(json)!;

    [Fact]
    public void Without_live_or_configured_rows_it_holds_the_bundled_rows_sorted_by_id()
    {
        var view = new ModelCatalogView(null, null);

        Assert.Equal(["moonshotai/kimi-k2.5", "moonshotai/kimi-k2.6", "openrouter/auto"], view.Rows.Select(r => r.Id));
        Assert.Same(BundledModels.Auto, view.Find("openrouter/auto"));
    }

    [Fact]
    public void A_live_row_replaces_the_bundled_row_with_the_same_id()
    {
        var view = new ModelCatalogView([LiveSonnet, LiveAuto], null);

        Assert.Equal(["anthropic/claude-sonnet-4.6", "moonshotai/kimi-k2.5", "moonshotai/kimi-k2.6", "openrouter/auto"], view.Rows.Select(r => r.Id));
        Assert.Same(LiveAuto, view.Find("openrouter/auto"));
        Assert.Single(view.Rows, r => r.Id == "openrouter/auto");
    }

    [Fact]
    public void Configured_rows_are_added_and_replace_catalog_rows_with_the_same_model()
    {
        var view = new ModelCatalogView(
            [LiveAuto],
            Configured("""
                [ { "id": "moonshotai/kimi-k2.6", "name": "Kimi K2.6 (mine)", "reasoning": true, "input": ["text","image"],
                    "contextWindow": 262144, "maxTokens": 65536, "cost": { "input": 0.8, "output": 3.5, "cacheRead": 0.2, "cacheWrite": 0 } },
                  { "id": "Acme/Private-Model" } ]
                """));

        Assert.Equal(["acme/private-model", "moonshotai/kimi-k2.5", "moonshotai/kimi-k2.6", "openrouter/auto"], view.Rows.Select(r => r.Id));
        var kimi = view.Find("openrouter/moonshotai/kimi-k2.6");
        Assert.NotNull(kimi);
        Assert.Equal("Kimi K2.6 (mine)", kimi.Name);
        Assert.Equal(65536, kimi.MaxTokens);
        Assert.Equal(new ModelPricing(0.8m, 3.5m, 0.2m, 0m), kimi.Pricing);
        var acme = view.Find("acme/private-model");
        Assert.NotNull(acme);
        Assert.Equal("acme/private-model", acme.Name);
    }

    [Fact]
    public void A_configured_row_written_as_a_ref_replaces_the_row_of_its_model()
    {
        var view = new ModelCatalogView(null, Configured("""[{ "id": "openrouter/moonshotai/kimi-k2.6", "name": "Mine" }]"""));

        Assert.Equal(3, view.Rows.Count);
        Assert.Equal("Mine", view.Find("moonshotai/kimi-k2.6")?.Name);
    }

    [Fact]
    public void Rows_are_sorted_by_id_ordinally()
    {
        var view = new ModelCatalogView(
            [new() { Id = "z-ai/glm-5" }, new() { Id = "Zeta/upper" }, new() { Id = "a/b" }, new() { Id = "~anthropic/claude-opus-latest" }],
            null,
            includeBundled: false);

        Assert.Equal(["Zeta/upper", "a/b", "z-ai/glm-5", "~anthropic/claude-opus-latest"], view.Rows.Select(r => r.Id));
    }

    [Fact]
    public void Bundled_rows_can_be_left_out()
    {
        var view = new ModelCatalogView([LiveSonnet], null, includeBundled: false);

        Assert.Equal(["anthropic/claude-sonnet-4.6"], view.Rows.Select(r => r.Id));
        Assert.False(view.Contains("openrouter/auto"));
    }

    [Theory]
    [InlineData("anthropic/claude-sonnet-4.6", true)]
    [InlineData("openrouter/anthropic/claude-sonnet-4.6", true)]
    [InlineData("OpenRouter/Anthropic/Claude-Sonnet-4.6", true)]
    [InlineData("openrouter/auto", true)]
    [InlineData("openrouter/openrouter/auto", true)]
    [InlineData("openrouter/deepseek-v4-flash", true)]
    [InlineData("deepseek/deepseek-v4-flash", true)]
    [InlineData("openrouter/hunter-alpha", false)]
    [InlineData("anthropic/claude-opus-4-8", false)]
    [InlineData("auto", false)]
    public void Find_accepts_model_ids_and_refs(string query, bool found)
    {
        var view = new ModelCatalogView([LiveSonnet, LiveFlash], null);

        Assert.Equal(found, view.Contains(query));
        Assert.Equal(found, view.Find(query) is not null);
    }

    [Fact]
    public void Find_accepts_a_resolved_ref()
    {
        var view = new ModelCatalogView([LiveSonnet, LiveFlash], null);
        var resolver = new ModelRefResolver(new Dictionary<string, string>(), []);

        Assert.Same(LiveFlash, view.Find(resolver.Resolve("deepseek-v4-flash")));
        Assert.Same(LiveSonnet, view.Find(resolver.Resolve("openrouter/anthropic/claude-sonnet-4.6")));
        Assert.Null(view.Find(resolver.Resolve("hunter-alpha")));
    }

    [Fact]
    public void Rows_from_the_cache_merge_as_the_live_catalog()
    {
        using var directory = new TemporaryDirectory();
        var cache = new ModelCatalogCache(directory.Combine("cache.json"));
        using (var catalog = JsonDocument.Parse("""{"data":[{"id":"openrouter/auto","name":"Auto Router","supported_parameters":["reasoning"]}]}"""))
        {
            cache.Save(catalog.RootElement, "https://openrouter.ai/api/v1");
        }

        var view = new ModelCatalogView(cache.Load()?.Models, null);

        Assert.Equal("Auto Router", view.Find("openrouter/auto")?.Name);
        Assert.True(view.Find("openrouter/auto")?.Reasoning);
    }
}
