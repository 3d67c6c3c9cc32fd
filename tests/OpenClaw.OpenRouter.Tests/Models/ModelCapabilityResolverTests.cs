using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OpenClaw.OpenRouter.Models;
using OpenClaw.OpenRouter.Routing;
using static OpenClaw.OpenRouter.Tests.Models.CatalogRows;

namespace OpenClaw.OpenRouter.Tests.Models;

public sealed class ModelCapabilityResolverTests
{
    private static readonly OpenRouterRoute Canonical = OpenRouterRoute.Classify(null);
    private static readonly OpenRouterRoute CustomBase = OpenRouterRoute.Classify("https://proxy.example.com/v1");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 9, 6, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Auto_on_the_canonical_base_uses_the_bundled_non_reasoning_row_without_a_lookup()
    {
        var catalog = new FakeCatalog(Catalog(AutoRouter));
        var resolver = new ModelCapabilityResolver(fetchCatalog: catalog.FetchAsync, timeProvider: _time);

        var info = await resolver.ResolveAsync("openrouter/auto", Canonical, TestContext.Current.CancellationToken);

        Assert.False(info.Reasoning);
        Assert.Equal("OpenRouter Auto", info.Name);
        Assert.Equal(200_000, info.ContextWindow);
        Assert.Equal(0, catalog.Fetches);
    }

    [Fact]
    public async Task Auto_behind_a_custom_base_resolves_through_the_lookup()
    {
        var catalog = new FakeCatalog(Catalog(AutoRouter));
        var resolver = new ModelCapabilityResolver(fetchCatalog: catalog.FetchAsync, timeProvider: _time);

        var info = await resolver.ResolveAsync("openrouter/auto", CustomBase, TestContext.Current.CancellationToken);

        Assert.True(info.Reasoning);
        Assert.Equal("Auto Router", info.Name);
        Assert.Equal(2_000_000, info.ContextWindow);
        Assert.Equal(1, catalog.Fetches);
    }

    [Fact]
    public async Task The_bundled_rows_apply_on_the_canonical_base_given_explicitly_or_in_its_legacy_form()
    {
        var resolver = new ModelCapabilityResolver(timeProvider: _time);

        foreach (var baseUrl in new[] { "https://openrouter.ai/api/v1/", "https://openrouter.ai/v1" })
        {
            var info = await resolver.ResolveAsync("moonshotai/kimi-k2.6", OpenRouterRoute.Classify(baseUrl), TestContext.Current.CancellationToken);
            Assert.Equal("MoonshotAI: Kimi K2.6", info.Name);
        }
    }

    [Fact]
    public async Task A_configured_row_wins_over_the_bundled_row_and_matches_by_api_id()
    {
        var configured = new OpenRouterModelInfo { Id = "OpenRouter/openrouter/auto", Name = "My auto", Reasoning = true, ContextWindow = 5000 };
        var catalog = new FakeCatalog(Catalog(AutoRouter));
        var resolver = new ModelCapabilityResolver([configured], catalog.FetchAsync, _time);

        var onCanonical = await resolver.ResolveAsync("openrouter/auto", Canonical, TestContext.Current.CancellationToken);
        var behindProxy = await resolver.ResolveAsync("openrouter/auto", CustomBase, TestContext.Current.CancellationToken);

        Assert.Equal(("My auto", true, 5000), (onCanonical.Name, onCanonical.Reasoning, onCanonical.ContextWindow));
        Assert.Equal("My auto", behindProxy.Name);
        Assert.Equal("openrouter/auto", onCanonical.Id);
        Assert.Equal(0, catalog.Fetches);
    }

    [Fact]
    public async Task The_first_of_duplicate_configured_rows_wins()
    {
        var resolver = new ModelCapabilityResolver([new() { Id = "a/b", Name = "first" }, new() { Id = "A/B", Name = "second" }], timeProvider: _time);

        Assert.Equal("first", (await resolver.ResolveAsync("a/b", Canonical, TestContext.Current.CancellationToken)).Name);
    }

    [Fact]
    public async Task A_model_outside_configured_and_bundled_rows_comes_from_the_lookup()
    {
        var catalog = new FakeCatalog(Catalog(ClaudeSonnet, GrokFast));
        var resolver = new ModelCapabilityResolver(fetchCatalog: catalog.FetchAsync, timeProvider: _time);

        var info = await resolver.ResolveAsync("openrouter/anthropic/claude-sonnet-4.6", Canonical, TestContext.Current.CancellationToken);

        Assert.Equal("anthropic/claude-sonnet-4.6", info.Id);
        Assert.Equal("Anthropic: Claude Sonnet 4.6", info.Name);
        Assert.Equal(1_000_000, info.ContextWindow);
        Assert.Equal(7, info.SupportedReasoningEfforts!.Count);
    }

    [Fact]
    public async Task A_variant_id_uses_its_base_row_and_keeps_its_own_id()
    {
        var catalog = new FakeCatalog(Catalog(ClaudeSonnet));
        var resolver = new ModelCapabilityResolver(fetchCatalog: catalog.FetchAsync, timeProvider: _time);

        var info = await resolver.ResolveAsync("anthropic/claude-sonnet-4.6:nitro", Canonical, TestContext.Current.CancellationToken);

        Assert.Equal("anthropic/claude-sonnet-4.6:nitro", info.Id);
        Assert.Equal("Anthropic: Claude Sonnet 4.6", info.Name);
    }

    [Fact]
    public async Task An_exact_variant_row_wins_over_its_base_row()
    {
        var catalog = new FakeCatalog(Catalog("""{"id":"a/b","name":"base"}""", """{"id":"a/b:free","name":"free"}"""));
        var resolver = new ModelCapabilityResolver(fetchCatalog: catalog.FetchAsync, timeProvider: _time);

        Assert.Equal("free", (await resolver.ResolveAsync("a/b:free", Canonical, TestContext.Current.CancellationToken)).Name);
    }

    [Fact]
    public async Task An_unknown_model_gets_the_defaults()
    {
        var catalog = new FakeCatalog(Catalog(ClaudeSonnet));
        var resolver = new ModelCapabilityResolver(fetchCatalog: catalog.FetchAsync, timeProvider: _time);

        var info = await resolver.ResolveAsync("Acme/Unknown-1", Canonical, TestContext.Current.CancellationToken);

        AssertDefaults(info, "acme/unknown-1", "Acme/Unknown-1");
    }

    [Fact]
    public async Task Without_a_fetch_delegate_there_is_no_lookup()
    {
        var resolver = new ModelCapabilityResolver(timeProvider: _time);

        AssertDefaults(await resolver.ResolveAsync("openrouter/auto", CustomBase, TestContext.Current.CancellationToken), "openrouter/auto", "openrouter/auto");
    }

    [Fact]
    public async Task Concurrent_lookups_share_one_fetch()
    {
        var catalog = new FakeCatalog(Catalog(ClaudeSonnet, GrokFast)) { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var resolver = new ModelCapabilityResolver(fetchCatalog: catalog.FetchAsync, timeProvider: _time);

        var first = resolver.ResolveAsync("anthropic/claude-sonnet-4.6", Canonical, TestContext.Current.CancellationToken).AsTask();
        var second = resolver.ResolveAsync("x-ai/grok-4.1-fast", Canonical, TestContext.Current.CancellationToken).AsTask();
        var third = resolver.ResolveAsync("acme/unknown", Canonical, TestContext.Current.CancellationToken).AsTask();
        Assert.False(first.IsCompleted);
        catalog.Gate.SetResult();
        var results = await Task.WhenAll(first, second, third);

        Assert.Equal(1, catalog.Fetches);
        Assert.Equal(["Anthropic: Claude Sonnet 4.6", "xAI: Grok 4.1 Fast", "acme/unknown"], results.Select(info => info.Name));
    }

    [Fact]
    public async Task The_catalog_is_reused_until_the_cache_duration_passes()
    {
        var catalog = new FakeCatalog(Catalog(ClaudeSonnet), Catalog("""{"id":"anthropic/claude-sonnet-4.6","name":"Renamed"}"""));
        var resolver = new ModelCapabilityResolver(fetchCatalog: catalog.FetchAsync, timeProvider: _time, cacheDuration: TimeSpan.FromMinutes(30));

        Assert.Equal("Anthropic: Claude Sonnet 4.6", (await Resolve(resolver, "anthropic/claude-sonnet-4.6")).Name);
        _time.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal("Anthropic: Claude Sonnet 4.6", (await Resolve(resolver, "anthropic/claude-sonnet-4.6")).Name);
        Assert.Equal(1, catalog.Fetches);

        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("Renamed", (await Resolve(resolver, "anthropic/claude-sonnet-4.6")).Name);
        Assert.Equal(2, catalog.Fetches);
    }

    [Fact]
    public async Task The_default_cache_duration_is_one_hour()
    {
        var catalog = new FakeCatalog(Catalog(ClaudeSonnet));
        var resolver = new ModelCapabilityResolver(fetchCatalog: catalog.FetchAsync, timeProvider: _time);

        await Resolve(resolver, "anthropic/claude-sonnet-4.6");
        _time.Advance(TimeSpan.FromMinutes(59));
        await Resolve(resolver, "anthropic/claude-sonnet-4.6");
        Assert.Equal(1, catalog.Fetches);
        _time.Advance(TimeSpan.FromMinutes(1));
        await Resolve(resolver, "anthropic/claude-sonnet-4.6");
        Assert.Equal(2, catalog.Fetches);
    }

    [Fact]
    public async Task An_unknown_id_refetches_at_most_once_a_minute_and_waits_for_that_fetch()
    {
        var catalog = new FakeCatalog(Catalog(ClaudeSonnet), Catalog(ClaudeSonnet, """{"id":"acme/new","name":"Brand new"}"""));
        var resolver = new ModelCapabilityResolver(fetchCatalog: catalog.FetchAsync, timeProvider: _time);

        Assert.Equal("acme/new", (await Resolve(resolver, "acme/new")).Name);
        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal("acme/new", (await Resolve(resolver, "acme/new")).Name);
        Assert.Equal(1, catalog.Fetches);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("Brand new", (await Resolve(resolver, "acme/new")).Name);
        Assert.Equal(2, catalog.Fetches);
        Assert.Equal("acme/other", (await Resolve(resolver, "acme/other")).Name);
        Assert.Equal(2, catalog.Fetches);
    }

    [Fact]
    public async Task A_failed_fetch_falls_back_to_defaults_and_is_retried_after_a_minute()
    {
        var catalog = new FakeCatalog(new HttpRequestException("connection refused"), Catalog(ClaudeSonnet));
        var resolver = new ModelCapabilityResolver(fetchCatalog: catalog.FetchAsync, timeProvider: _time);

        AssertDefaults(await Resolve(resolver, "anthropic/claude-sonnet-4.6"), "anthropic/claude-sonnet-4.6", "anthropic/claude-sonnet-4.6");
        _time.Advance(TimeSpan.FromSeconds(59));
        AssertDefaults(await Resolve(resolver, "anthropic/claude-sonnet-4.6"), "anthropic/claude-sonnet-4.6", "anthropic/claude-sonnet-4.6");
        Assert.Equal(1, catalog.Fetches);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("Anthropic: Claude Sonnet 4.6", (await Resolve(resolver, "anthropic/claude-sonnet-4.6")).Name);
        Assert.Equal(2, catalog.Fetches);
    }

    [Theory]
    [InlineData("""{"error":{"code":500,"message":"boom"}}""")]
    [InlineData("""[]""")]
    public async Task A_document_without_a_data_array_counts_as_a_failure(string body)
    {
        var catalog = new FakeCatalog(body, Catalog(ClaudeSonnet));
        var resolver = new ModelCapabilityResolver(fetchCatalog: catalog.FetchAsync, timeProvider: _time);

        Assert.Equal("anthropic/claude-sonnet-4.6", (await Resolve(resolver, "anthropic/claude-sonnet-4.6")).Name);
        Assert.Equal("anthropic/claude-sonnet-4.6", (await Resolve(resolver, "anthropic/claude-sonnet-4.6")).Name);
        Assert.Equal(1, catalog.Fetches);
        _time.Advance(ModelCapabilityResolver.RetryDelay);
        Assert.Equal("Anthropic: Claude Sonnet 4.6", (await Resolve(resolver, "anthropic/claude-sonnet-4.6")).Name);
    }

    [Fact]
    public async Task A_failed_refresh_keeps_the_previous_catalog()
    {
        var catalog = new FakeCatalog(Catalog(ClaudeSonnet), new InvalidOperationException("broken"));
        var resolver = new ModelCapabilityResolver(fetchCatalog: catalog.FetchAsync, timeProvider: _time);

        await Resolve(resolver, "anthropic/claude-sonnet-4.6");
        _time.Advance(TimeSpan.FromHours(2));

        Assert.Equal("Anthropic: Claude Sonnet 4.6", (await Resolve(resolver, "anthropic/claude-sonnet-4.6")).Name);
        Assert.Equal(2, catalog.Fetches);
    }

    [Fact]
    public async Task A_synchronously_throwing_delegate_counts_as_a_failure()
    {
        var fetches = 0;
        var resolver = new ModelCapabilityResolver(
            fetchCatalog: _ => { fetches++; throw new InvalidOperationException("no network"); },
            timeProvider: _time);

        AssertDefaults(await Resolve(resolver, "a/b"), "a/b", "a/b");
        AssertDefaults(await Resolve(resolver, "a/b"), "a/b", "a/b");
        Assert.Equal(1, fetches);
    }

    [Fact]
    public async Task A_fetch_that_outlives_the_timeout_is_cancelled_and_falls_back_to_defaults()
    {
        CancellationToken seen = default;
        var resolver = new ModelCapabilityResolver(
            fetchCatalog: async token =>
            {
                seen = token;
                await Task.Delay(Timeout.InfiniteTimeSpan, token);
                throw new InvalidOperationException("unreachable");
            },
            timeProvider: _time);

        var pending = resolver.ResolveAsync("anthropic/claude-sonnet-4.6", Canonical, TestContext.Current.CancellationToken).AsTask();
        _time.Advance(ModelCapabilityResolver.FetchTimeout - TimeSpan.FromMilliseconds(1));
        Assert.False(pending.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        AssertDefaults(await pending, "anthropic/claude-sonnet-4.6", "anthropic/claude-sonnet-4.6");
        Assert.True(seen.IsCancellationRequested);
    }

    [Fact]
    public async Task Cancelling_one_caller_abandons_only_its_wait()
    {
        var catalog = new FakeCatalog(Catalog(ClaudeSonnet)) { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var resolver = new ModelCapabilityResolver(fetchCatalog: catalog.FetchAsync, timeProvider: _time);
        using var cancelled = new CancellationTokenSource();

        var abandoned = resolver.ResolveAsync("anthropic/claude-sonnet-4.6", Canonical, cancelled.Token).AsTask();
        var patient = resolver.ResolveAsync("anthropic/claude-sonnet-4.6", Canonical, TestContext.Current.CancellationToken).AsTask();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        catalog.Gate.SetResult();
        Assert.Equal("Anthropic: Claude Sonnet 4.6", (await patient).Name);
        Assert.Equal(1, catalog.Fetches);
    }

    [Fact]
    public async Task An_imported_catalog_answers_without_a_fetch_until_it_expires()
    {
        var catalog = new FakeCatalog(Catalog(ClaudeSonnet));
        var resolver = new ModelCapabilityResolver(fetchCatalog: catalog.FetchAsync, timeProvider: _time);

        Assert.True(resolver.ImportCatalog(Element(Catalog("""{"id":"anthropic/claude-sonnet-4.6","name":"From disk"}""")), _time.GetUtcNow().AddMinutes(-50)));

        Assert.Equal("From disk", (await Resolve(resolver, "anthropic/claude-sonnet-4.6")).Name);
        Assert.Equal(0, catalog.Fetches);
        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal("Anthropic: Claude Sonnet 4.6", (await Resolve(resolver, "anthropic/claude-sonnet-4.6")).Name);
        Assert.Equal(1, catalog.Fetches);
    }

    [Fact]
    public async Task An_imported_catalog_never_expires_without_a_fetch_delegate()
    {
        var resolver = new ModelCapabilityResolver(timeProvider: _time);
        Assert.True(resolver.ImportCatalog(Element(Catalog(GrokFast))));
        _time.Advance(TimeSpan.FromDays(30));

        Assert.True((await Resolve(resolver, "x-ai/grok-4.1-fast")).IsBinaryReasoning);
    }

    [Fact]
    public async Task An_older_import_does_not_replace_a_newer_catalog_and_a_malformed_one_is_refused()
    {
        var resolver = new ModelCapabilityResolver(timeProvider: _time);
        Assert.True(resolver.ImportCatalog(Element(Catalog("""{"id":"a/b","name":"new"}"""))));

        Assert.True(resolver.ImportCatalog(Element(Catalog("""{"id":"a/b","name":"old"}""")), _time.GetUtcNow().AddDays(-1)));
        Assert.False(resolver.ImportCatalog(Element("""{"data":null}""")));

        Assert.Equal("new", (await Resolve(resolver, "a/b")).Name);
    }

    [Theory]
    [InlineData("openrouter/hunter-alpha")]
    [InlineData("OpenRouter/Hunter-Alpha:free")]
    public async Task Hunter_alpha_is_never_reasoning_capable(string modelId)
    {
        const string hunter = """{"id":"openrouter/hunter-alpha","name":"Hunter Alpha","supported_parameters":["reasoning"],"reasoning":{"mandatory":false,"supported_efforts":null}}""";
        var fromLookup = new ModelCapabilityResolver(fetchCatalog: new FakeCatalog(Catalog(hunter)).FetchAsync, timeProvider: _time);
        var fromConfig = new ModelCapabilityResolver([new() { Id = "openrouter/hunter-alpha", Reasoning = true }, new() { Id = "openrouter/hunter-alpha:free", Reasoning = true }], timeProvider: _time);

        var looked = await Resolve(fromLookup, modelId);
        var configured = await Resolve(fromConfig, modelId);

        Assert.Equal("Hunter Alpha", looked.Name);
        Assert.False(looked.Reasoning);
        Assert.False(configured.Reasoning);
    }

    [Fact]
    public async Task Healer_alpha_keeps_its_reasoning()
    {
        var resolver = new ModelCapabilityResolver([new() { Id = "openrouter/healer-alpha", Reasoning = true }], timeProvider: _time);

        Assert.True((await Resolve(resolver, "openrouter/healer-alpha")).Reasoning);
    }

    [Fact]
    public void A_non_positive_cache_duration_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ModelCapabilityResolver(cacheDuration: TimeSpan.Zero));
    }

    private static ValueTask<OpenRouterModelInfo> Resolve(ModelCapabilityResolver resolver, string modelId) =>
        resolver.ResolveAsync(modelId, Canonical, TestContext.Current.CancellationToken);

    private static void AssertDefaults(OpenRouterModelInfo info, string id, string name)
    {
        Assert.Equal(id, info.Id);
        Assert.Equal(name, info.Name);
        Assert.False(info.Reasoning);
        Assert.Equal(["text"], info.Input);
        Assert.Null(info.SupportsTools);
        Assert.Null(info.SupportedReasoningEfforts);
        Assert.Equal(ModelPricing.Free, info.Pricing);
        Assert.Equal(200_000, info.ContextWindow);
        Assert.Equal(8192, info.MaxTokens);
    }

    /// <summary>Answers each fetch with the next scripted outcome (a JSON body or an exception); the last one repeats.</summary>
    private sealed class FakeCatalog(params object[] outcomes)
    {
        private int _fetches;

        public int Fetches => Volatile.Read(ref _fetches);

        /// <summary>When set, every fetch waits for it, so tests can hold a fetch in flight.</summary>
        public TaskCompletionSource? Gate { get; init; }

        public async Task<JsonDocument> FetchAsync(CancellationToken cancellationToken)
        {
            var index = Interlocked.Increment(ref _fetches) - 1;
            if (Gate is not null)
            {
                await Gate.Task.WaitAsync(cancellationToken);
            }
            return outcomes[Math.Min(index, outcomes.Length - 1)] switch
            {
                Exception exception => throw exception,
                string json => JsonDocument.Parse(json),
                var other => throw new InvalidOperationException($"unexpected outcome {other}"),
            };
        }
    }
}
