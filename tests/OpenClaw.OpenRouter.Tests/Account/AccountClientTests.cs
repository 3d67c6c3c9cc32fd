using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Emulator;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Tests.Support;

namespace OpenClaw.OpenRouter.Tests.Account;

/// <summary>Key, credits and generation reads against the emulator: what is sent on each route and what is read back.</summary>
public sealed class AccountClientTests
{
    [Theory]
    [InlineData(TestRoute.Canonical, true)]
    [InlineData(TestRoute.OtherOpenRouterHost, true)]
    [InlineData(TestRoute.Local, false)]
    [InlineData(TestRoute.Custom, false)]
    public async Task The_key_read_carries_attribution_only_on_openrouter_endpoints(TestRoute route, bool attributed)
    {
        await using var harness = await ClientHarness.StartAsync(route);

        var key = await harness.Client.GetKeyAsync(TestContext.Current.CancellationToken);

        var sent = Assert.Single(harness.Emulator.Journal.Entries, entry => entry.Path.EndsWith("/key", StringComparison.Ordinal));
        Assert.Equal("GET", sent.Method);
        Assert.Equal("Bearer " + ApiKeyRegistry.DefaultKey, sent.Header("Authorization"));
        Assert.Equal("application/json", sent.Header("Accept"));
        Assert.Equal(attributed ? "https://openclaw.ai" : null, sent.Header("HTTP-Referer"));
        Assert.Equal(attributed ? "OpenClaw" : null, sent.Header("X-OpenRouter-Title"));
        Assert.Equal(attributed, sent.Header("X-OpenRouter-Categories") is not null);
        Assert.NotNull(key.Label);
        Assert.False(key.IsManagementKey);
    }

    [Fact]
    public async Task An_unknown_key_is_an_authentication_error()
    {
        await using var harness = await ClientHarness.StartAsync(TestRoute.Local, options => options.ApiKey = "sk-or-v1-nobody");

        var error = await Assert.ThrowsAsync<OpenRouterAuthenticationException>(() => harness.Client.GetKeyAsync(TestContext.Current.CancellationToken));

        Assert.Equal(401, error.StatusCode);
    }

    [Fact]
    public async Task Credits_need_a_management_key_when_openrouter_says_so()
    {
        await using var harness = await ClientHarness.StartAsync(TestRoute.Local, emulatorOptions: new EmulatorOptions { CreditsRequireManagementKey = true });
        await using var management = await ClientHarness.StartAsync(TestRoute.Local, options => options.ApiKey = ApiKeyRegistry.ManagementKey);

        var refused = await Assert.ThrowsAsync<OpenRouterPermissionDeniedException>(() => harness.Client.GetCreditsAsync(TestContext.Current.CancellationToken));
        var credits = await management.Client.GetCreditsAsync(TestContext.Current.CancellationToken);

        Assert.Equal("403 Only management keys can perform this operation", refused.Message);
        Assert.NotNull(credits.TotalCredits);
        Assert.Equal(credits.TotalCredits - credits.TotalUsage, credits.Remaining);
    }

    [Fact]
    public async Task A_generation_is_looked_up_with_its_billed_cost_also_when_the_first_lookup_is_a_404()
    {
        await using var harness = await ClientHarness.StartAsync(TestRoute.Local, emulatorOptions: new EmulatorOptions { GenerationNotFoundOnFirstLookup = true });
        var result = await harness.Client.CompleteChatAsync(
            new OpenRouterChatRequest { Model = "emulator/echo", Messages = [OpenRouterMessage.User("hi")] }, TestContext.Current.CancellationToken);

        var generation = await harness.Client.GetGenerationAsync(result.Id!, TestContext.Current.CancellationToken);

        Assert.Equal(result.Id, generation.Id);
        Assert.Equal(result.Usage!.Cost, generation.TotalCost);
        Assert.Equal(2, harness.Emulator.Journal.Entries.Count(entry => entry.Path.EndsWith("/generation", StringComparison.Ordinal)));
    }
}
