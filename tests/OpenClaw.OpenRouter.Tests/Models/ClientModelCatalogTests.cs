using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Tests.Support;

namespace OpenClaw.OpenRouter.Tests.Models;

/// <summary>The live model list and the capability lookup, as the client sends them.</summary>
public sealed class ClientModelCatalogTests
{
    [Fact]
    public async Task The_live_list_merges_bundled_rows_skips_non_chat_models_and_is_cached_for_a_minute()
    {
        await using var harness = await ClientHarness.StartAsync();

        var models = await harness.Client.ListModelsAsync(cancellationToken: TestContext.Current.CancellationToken);
        await harness.Client.ListModelsAsync(cancellationToken: TestContext.Current.CancellationToken);

        var ids = models.Select(model => model.Id).ToArray();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Contains("openrouter/auto", ids);
        Assert.Contains("moonshotai/kimi-k2.5", ids);
        Assert.Contains("anthropic/claude-sonnet-4.6", ids);
        Assert.DoesNotContain("google/veo-3.1-fast", ids);
        Assert.DoesNotContain("hexgrad/kokoro-82m", ids);
        var sent = Assert.Single(harness.Emulator.Journal.Entries, entry => entry.Path == "/api/v1/models");
        Assert.Equal("Bearer " + OpenRouter.Emulator.ApiKeyRegistry.DefaultKey, sent.Header("Authorization"));
        Assert.Equal("OpenClaw", sent.Header("X-OpenRouter-Title"));
    }

    [Fact]
    public async Task Without_a_key_only_bundled_rows_are_listed_and_nothing_is_sent()
    {
        await using var harness = await ClientHarness.StartAsync(configure: options => options.ApiKey = null);

        var models = await harness.Client.ListModelsAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["moonshotai/kimi-k2.5", "moonshotai/kimi-k2.6", "openrouter/auto"], models.Select(model => model.Id));
        Assert.Empty(harness.Emulator.Journal.Entries);
    }

    [Theory]
    [InlineData(TestRoute.Custom)]
    [InlineData(TestRoute.Local)]
    public async Task The_capability_lookup_reads_the_canonical_public_list_without_key_or_attribution(TestRoute route)
    {
        await using var harness = await ClientHarness.StartAsync(route);

        await harness.Client.PrepareChatRequestAsync(new OpenRouterChatRequest { Model = "openai/gpt-5.5", Messages = [OpenRouterMessage.User("hi")] },
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains(new Uri("https://openrouter.ai/api/v1/models"), harness.Handler.Requested);
        var lookup = Assert.Single(harness.Emulator.Journal.Entries);
        Assert.Null(lookup.Header("Authorization"));
        Assert.Null(lookup.Header("HTTP-Referer"));
        Assert.Null(lookup.Header("X-OpenRouter-Title"));
    }

    [Fact]
    public async Task Behind_a_proxy_the_router_resolves_through_the_lookup_and_reasons()
    {
        await using var harness = await ClientHarness.StartAsync(TestRoute.Custom);

        var prepared = await harness.Client.PrepareChatRequestAsync(new OpenRouterChatRequest { Model = "openrouter/auto", Messages = [OpenRouterMessage.User("hi")] },
            cancellationToken: TestContext.Current.CancellationToken);

        // The canonical base uses the bundled, non-reasoning row; a proxy gets the catalog's reasoning-capable router.
        Assert.True(prepared.Model.Reasoning);
        Assert.Equal(2_000_000, prepared.Model.ContextWindow);
        Assert.NotNull(prepared.Body["reasoning"]);
    }
}
