using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using OpenClaw.OpenRouter.AI;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Tests.Support;

namespace OpenClaw.OpenRouter.Tests.AI;

/// <summary>Trap 6: a local cache keys on the wire request, so routing and cache settings split keys and unsent properties do not.</summary>
public sealed class CacheKeyTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly ChatMessage[] Hi = [new(ChatRole.User, "hi")];

    private static ChatOptions With(OpenRouterChatOptions typed, string? unsent = null)
    {
        var options = new ChatOptions { AdditionalProperties = new() { [OpenRouterPropertyNames.Options] = typed } };
        if (unsent is not null)
        {
            options.AdditionalProperties["my.app.request_tag"] = unsent;
        }
        return options;
    }

    [Fact]
    public async Task Keys_differ_exactly_when_the_wire_request_differs()
    {
        await using var harness = await ClientHarness.StartAsync();
        using var chat = new OpenRouterChatClient(harness.Client, "openai/gpt-5.5");

        var plain = await chat.ComputeCacheKeyAsync(Hi, null, Token);
        var tagged = await chat.ComputeCacheKeyAsync(Hi, new ChatOptions { AdditionalProperties = new() { ["my.app.request_tag"] = "a" } }, Token);
        var byPrice = await chat.ComputeCacheKeyAsync(Hi, With(new() { Provider = new JsonObject { ["sort"] = "price" } }), Token);
        var byPriceTagged = await chat.ComputeCacheKeyAsync(Hi, With(new() { Provider = new JsonObject { ["sort"] = "price" } }, unsent: "b"), Token);
        var byLatency = await chat.ComputeCacheKeyAsync(Hi, With(new() { Provider = new JsonObject { ["sort"] = "latency" } }), Token);
        var cached = await chat.ComputeCacheKeyAsync(Hi, With(new() { ResponseCache = true }), Token);
        var cachedLonger = await chat.ComputeCacheKeyAsync(Hi, With(new() { ResponseCache = true, ResponseCacheTtlSeconds = 600 }), Token);
        var raw = await chat.ComputeCacheKeyAsync(Hi, new ChatOptions
        {
            RawRepresentationFactory = _ => new OpenRouterChatRequest { Model = "", Messages = [], Params = new JsonObject { ["provider"] = new JsonObject { ["sort"] = "price" } } },
        }, Token);

        Assert.Matches("^[0-9a-f]{64}$", plain);
        Assert.Equal(plain, tagged);
        Assert.Equal(byPrice, byPriceTagged);
        Assert.Equal(byPrice, raw);
        string[] distinct = [plain, byPrice, byLatency, cached, cachedLonger];
        Assert.Equal(distinct.Length, distinct.Distinct().Count());
    }

    [Fact]
    public async Task The_key_leaves_out_the_api_key_but_not_the_route()
    {
        await using var first = await ClientHarness.StartAsync();
        await using var otherKey = await ClientHarness.StartAsync(configure: options => options.ApiKey = "sk-or-v1-" + new string('a', 64));
        await using var proxy = await ClientHarness.StartAsync(TestRoute.Custom);

        using var firstChat = new OpenRouterChatClient(first.Client, "openai/gpt-5.5");
        using var otherKeyChat = new OpenRouterChatClient(otherKey.Client, "openai/gpt-5.5");
        using var proxyChat = new OpenRouterChatClient(proxy.Client, "openai/gpt-5.5");

        var key = await firstChat.ComputeCacheKeyAsync(Hi, null, Token);
        var keyWithOtherApiKey = await otherKeyChat.ComputeCacheKeyAsync(Hi, null, Token);
        var keyOnProxy = await proxyChat.ComputeCacheKeyAsync(Hi, null, Token);

        Assert.Equal(key, keyWithOtherApiKey);
        Assert.NotEqual(key, keyOnProxy);
    }

    [Fact]
    public async Task A_distributed_cache_keyed_on_the_wire_serves_repeats_and_sends_routing_changes()
    {
        await using var harness = await ClientHarness.StartAsync();
        var cache = new InMemoryDistributedCache();
        using var chat = new ChatClientBuilder(new OpenRouterChatClient(harness.Client, "openai/gpt-5.5"))
            .Use(inner => new OpenRouterDistributedCachingChatClient(inner, cache))
            .Build();

        var first = await chat.GetResponseAsync(Hi, With(new() { Provider = new JsonObject { ["sort"] = "price" } }, unsent: "a"), Token);
        var repeat = await chat.GetResponseAsync(Hi, With(new() { Provider = new JsonObject { ["sort"] = "price" } }, unsent: "b"), Token);
        var rerouted = await chat.GetResponseAsync(Hi, With(new() { Provider = new JsonObject { ["sort"] = "latency" } }), Token);
        var streamed = await chat.GetStreamingResponseAsync(Hi, With(new() { Provider = new JsonObject { ["sort"] = "latency" } }), Token).ToChatResponseAsync(Token);
        var streamedAgain = await chat.GetStreamingResponseAsync(Hi, With(new() { Provider = new JsonObject { ["sort"] = "latency" } }), Token).ToChatResponseAsync(Token);

        Assert.Equal(["Echo: hi", "Echo: hi", "Echo: hi", "Echo: hi", "Echo: hi"], new[] { first, repeat, rerouted, streamed, streamedAgain }.Select(response => response.Text));
        Assert.Equal(first.ResponseId, repeat.ResponseId);
        Assert.NotEqual(first.ResponseId, rerouted.ResponseId);
        Assert.Equal(3, harness.ChatRequests.Count);
        Assert.Equal(["price", "latency", "latency"], harness.ChatRequests.Select(request => request.BodyJson!["provider"]!["sort"]!.GetValue<string>()));
        Assert.Equal(2, cache.Hits);
    }

    [Fact]
    public async Task The_stock_cache_key_cannot_see_a_raw_request_which_is_why_the_wire_key_exists()
    {
        await using var harness = await ClientHarness.StartAsync();
        var cache = new InMemoryDistributedCache();
        using var chat = new ChatClientBuilder(new OpenRouterChatClient(harness.Client, "openai/gpt-5.5")).UseDistributedCache(cache).Build();
        static ChatOptions Routed(string sort) => new()
        {
            RawRepresentationFactory = _ => new OpenRouterChatRequest { Model = "", Messages = [], Params = new JsonObject { ["provider"] = new JsonObject { ["sort"] = sort } } },
        };

        await chat.GetResponseAsync(Hi, Routed("price"), Token);
        await chat.GetResponseAsync(Hi, Routed("latency"), Token);

        // The second call was answered from the first one's cache entry: its routing never reached OpenRouter.
        Assert.Single(harness.ChatRequests);
        Assert.Equal(1, cache.Hits);
    }
}
