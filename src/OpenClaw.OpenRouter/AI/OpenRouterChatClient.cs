using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Errors;

namespace OpenClaw.OpenRouter.AI;

/// <summary>
/// An MEAI <see cref="IChatClient"/> over an <see cref="OpenRouterClient"/>: the request goes through the same shaping rules as
/// a native call, and the answer keeps what OpenRouter adds (thinking with its source field, <c>reasoning_details</c>, billed
/// cost, upstream provider, routed model).
/// </summary>
/// <remarks>
/// <para>
/// Both <see cref="GetResponseAsync"/> and <see cref="GetStreamingResponseAsync"/> stream from OpenRouter, as OpenClaw always
/// does: the body says <c>stream:true</c> either way, long reasoning answers are guarded by the idle watchdog rather than a
/// whole-body timeout, and a response is the stream's completed result, so both paths see the same answer.
/// </para>
/// <para>
/// Mapping rules are on <see cref="ChatMessageMapper"/> and <see cref="ChatResponseMapper"/>. If
/// <see cref="ChatOptions.RawRepresentationFactory"/> returns an <see cref="OpenRouterChatRequest"/>, that request is the starting
/// point: its set members win and the unset ones are filled from the mapping. Errors are the library's own, unchanged:
/// <see cref="OpenRouterException"/> subclasses, with <see cref="OpenRouterException.PartialResult"/> when a stream broke.
/// </para>
/// <para>Thread-safe. Disposing it does not dispose the <see cref="OpenRouterClient"/>, which the caller owns.</para>
/// </remarks>
public sealed class OpenRouterChatClient : IChatClient
{
    /// <summary>The provider name reported in <see cref="ChatClientMetadata"/> (and so in OpenTelemetry's <c>gen_ai.provider.name</c>).</summary>
    public const string ProviderName = "openrouter";

    private readonly OpenRouterClient _client;
    private readonly ChatClientMetadata _metadata;

    /// <param name="client">The OpenRouter client to send through; not disposed by this instance.</param>
    /// <param name="defaultModel">The model when <see cref="ChatOptions.ModelId"/> is unset (e.g. <c>openrouter/auto</c>).</param>
    public OpenRouterChatClient(OpenRouterClient client, string? defaultModel = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        DefaultModelId = string.IsNullOrWhiteSpace(defaultModel) ? null : defaultModel;
        _metadata = new ChatClientMetadata(ProviderName, client.BaseUrl, DefaultModelId);
    }

    /// <summary>The model used when a call names none.</summary>
    public string? DefaultModelId { get; }

    /// <summary>The underlying OpenRouter client.</summary>
    public OpenRouterClient Client => _client;

    /// <inheritdoc/>
    /// <exception cref="OpenRouterException">OpenRouter answered with an error, before or during the stream.</exception>
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = CreateRequest(messages, options);
        OpenRouterChatResult? completed = null;
        await foreach (var update in _client.StreamChatAsync(request, cancellationToken).ConfigureAwait(false))
        {
            completed = update.Completed ?? completed;
        }
        return completed is null
            ? throw new OpenRouterException("The stream ended without a completed result.")
            : ChatResponseMapper.ToChatResponse(completed);
    }

    /// <inheritdoc/>
    /// <exception cref="OpenRouterException">OpenRouter answered with an error, before or during the stream.</exception>
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = CreateRequest(messages, options);
        await foreach (var update in _client.StreamChatAsync(request, cancellationToken).ConfigureAwait(false))
        {
            yield return ChatResponseMapper.ToChatResponseUpdate(update);
        }
    }

    /// <summary>The request a call with these messages and options sends, before shaping.</summary>
    /// <exception cref="InvalidOperationException">No model is named.</exception>
    public OpenRouterChatRequest CreateRequest(IEnumerable<ChatMessage> messages, ChatOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var baseRequest = options?.RawRepresentationFactory?.Invoke(this) as OpenRouterChatRequest;
        return ChatMessageMapper.ToOpenRouterRequest(messages, options, DefaultModelId, baseRequest);
    }

    /// <summary>The request a call with these messages and options sends, exactly as on the wire (URL, headers, body).</summary>
    public Task<PreparedChatRequest> PrepareRequestAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        _client.PrepareChatRequestAsync(CreateRequest(messages, options), stream: true, cancellationToken);

    /// <summary>
    /// A cache key for this call: <see cref="OpenRouterChatCacheKey"/> of the wire request. Calls that send the same bytes share
    /// it; any difference that reaches the wire (provider routing, response-cache headers, extra body, raw request) splits it.
    /// </summary>
    public async Task<string> ComputeCacheKeyAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var prepared = await PrepareRequestAsync(messages, options, cancellationToken).ConfigureAwait(false);
        return OpenRouterChatCacheKey.Compute(prepared);
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }
        if (serviceType == typeof(ChatClientMetadata))
        {
            return _metadata;
        }
        if (serviceType == typeof(OpenRouterClient))
        {
            return _client;
        }
        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    /// <summary>Does nothing: the <see cref="OpenRouterClient"/> belongs to the caller.</summary>
    public void Dispose()
    {
    }
}
