using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;
using OpenClaw.OpenRouter.AI;

namespace OpenClaw.OpenRouter.Tests.AI;

/// <summary>
/// How an application keys MEAI's <see cref="DistributedCachingChatClient"/> on the OpenRouter wire request (trap 6) without the
/// library depending on Microsoft.Extensions.AI: the key is computed asynchronously by
/// <see cref="OpenRouterChatClient.ComputeCacheKeyAsync"/> before the base class asks for it synchronously, and handed over in
/// an options property that the mapper never sends.
/// </summary>
internal sealed class OpenRouterDistributedCachingChatClient(IChatClient innerClient, IDistributedCache storage)
    : DistributedCachingChatClient(innerClient, storage)
{
    private const string KeyProperty = "test.wire_cache_key";

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var keyed = await WithWireKeyAsync(list, options, cancellationToken);
        return await base.GetResponseAsync(list, keyed, cancellationToken);
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var keyed = await WithWireKeyAsync(list, options, cancellationToken);
        await foreach (var update in base.GetStreamingResponseAsync(list, keyed, cancellationToken))
        {
            yield return update;
        }
    }

    protected override string GetCacheKey(IEnumerable<ChatMessage> messages, ChatOptions? options, params ReadOnlySpan<object?> additionalValues)
    {
        var wireKey = options?.AdditionalProperties?.TryGetValue(KeyProperty, out var value) == true && value is string key
            ? key
            : throw new InvalidOperationException("The wire cache key was not computed.");
        // The base class adds a marker for streamed calls: a cached stream and a cached response are stored differently.
        return additionalValues.Length == 0 ? wireKey : wireKey + "|" + string.Join("|", additionalValues.ToArray());
    }

    private async Task<ChatOptions> WithWireKeyAsync(IReadOnlyList<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        var chatClient = InnerClient.GetService<OpenRouterChatClient>()
            ?? throw new InvalidOperationException("No OpenRouterChatClient below the cache.");
        var keyed = options?.Clone() ?? new ChatOptions();
        keyed.AdditionalProperties = keyed.AdditionalProperties?.Clone() ?? [];
        keyed.AdditionalProperties[KeyProperty] = await chatClient.ComputeCacheKeyAsync(messages, options, cancellationToken);
        return keyed;
    }
}
