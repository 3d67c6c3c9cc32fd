using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Media;
using OpenClaw.OpenRouter.Models;
using OpenClaw.OpenRouter.Reasoning;
using OpenClaw.OpenRouter.Routing;
using OpenClaw.OpenRouter.Shaping;
using OpenClaw.OpenRouter.Streaming;
using OpenClaw.OpenRouter.Transport;

namespace OpenClaw.OpenRouter;

/// <summary>
/// A client of OpenRouter's HTTP API: chat completions (streamed and not) shaped per model family and route, the model
/// catalog, generations, key and credits.
/// </summary>
/// <remarks>Thread-safe; reuse one instance. Options are read once, at construction.</remarks>
public sealed partial class OpenRouterClient : IDisposable
{
    private readonly OpenRouterTransport _transport;
    private readonly OpenRouterRoute _route;
    private readonly Uri _baseUrl;
    private readonly string? _apiKey;
    private readonly OpenRouterAttribution? _attribution;
    private readonly Dictionary<string, string> _configuredHeaders;
    private readonly JsonObject? _providerParams;
    private readonly Dictionary<string, JsonObject> _modelParams;
    private readonly IModelCapabilityResolver _resolver;
    private readonly bool _sendSessionAffinity;
    private readonly Action<string>? _warning;
    private readonly MediaHttp _media;
    private readonly long _mediaMaxBytes;

    /// <exception cref="ArgumentException">An option is invalid (the base URL, a timeout).</exception>
    public OpenRouterClient(OpenRouterClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _baseUrl = OpenRouterBaseUrl.Resolve(options.BaseUrl);
        _route = OpenRouterRoute.Classify(options.BaseUrl);
        if (options.ResponseHeadersTimeout <= TimeSpan.Zero && options.ResponseHeadersTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException("The response-headers timeout must be positive.", nameof(options));
        }
        if (options.StreamIdleTimeout <= TimeSpan.Zero && options.StreamIdleTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException("The stream idle timeout must be positive.", nameof(options));
        }
        ArgumentNullException.ThrowIfNull(options.Retry);
        ArgumentNullException.ThrowIfNull(options.TimeProvider);
        _apiKey = string.IsNullOrWhiteSpace(options.ApiKey) ? null : options.ApiKey.Trim();
        _attribution = options.Attribution;
        _configuredHeaders = new(options.Headers, StringComparer.OrdinalIgnoreCase);
        _providerParams = (JsonObject?)options.ProviderParams?.DeepClone();
        _modelParams = options.ModelParams.ToDictionary(pair => pair.Key, pair => (JsonObject)pair.Value.DeepClone(), StringComparer.Ordinal);
        _sendSessionAffinity = options.SendSessionAffinityHeaders;
        _warning = options.Warning;
        if (options.MaxResponseBytes <= 0)
        {
            throw new ArgumentException("The response size cap must be positive.", nameof(options));
        }
        _transport = new OpenRouterTransport(options.Handler, options.TimeProvider, options.ResponseHeadersTimeout, options.StreamIdleTimeout, options.Retry, options.MaxResponseBytes);
        _resolver = options.CapabilityResolver ?? CreateDefaultResolver(options);
        if (options.MediaMaxBytes <= 0)
        {
            throw new ArgumentException("The media size cap must be positive.", nameof(options));
        }
        _mediaMaxBytes = options.MediaMaxBytes;
        _media = new MediaHttp(options.Handler, options.AllowPrivateNetwork, options.TimeProvider);
    }

    /// <summary>The base URL requests go to.</summary>
    public Uri BaseUrl => _baseUrl;

    /// <summary>How the configured base URL is classified.</summary>
    public OpenRouterRoute Route => _route;

    /// <summary>
    /// Shapes a chat request for the wire without sending it: resolves the model, validates the thinking level, merges
    /// params and runs every rule of the request pipeline.
    /// </summary>
    /// <exception cref="ThinkingLevelNotSupportedException">An explicit thinking level the model does not support.</exception>
    public async Task<PreparedChatRequest> PrepareChatRequestAsync(OpenRouterChatRequest request, bool stream = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Model);
        var modelId = ModelIds.ModelIdOfRef(request.Model);
        var model = request.ModelInfo ?? await _resolver.ResolveAsync(modelId, _route, cancellationToken).ConfigureAwait(false);
        // A one-shot completion (no agent) takes the requested level as it is and clamps it (§10: DeepSeek `max` → `xhigh`
        // observed); only agent turns reject a level the model does not list.
        var source = request.OneShot ? ThinkingLevelSource.Configured : request.ThinkingSource;
        var level = ThinkingProfile.For(modelId, model).Resolve(request.Thinking, source, modelId);
        var (parameters, provider) = ParamsMerger.Merge(_providerParams, ModelParamsFor(modelId), request.Params);
        var context = new ChatPayloadContext(request, _route, model)
        {
            ApiKey = _apiKey,
            Attribution = _attribution,
            ConfiguredHeaders = _configuredHeaders,
            SendSessionAffinityHeaders = _sendSessionAffinity,
            Stream = stream,
            Params = parameters,
            Provider = provider,
            Level = level,
            RequestedLevel = request.Thinking ?? level,
        };
        ChatRequestPipeline.Run(context);
        foreach (var warning in context.Warnings)
        {
            _warning?.Invoke(warning);
        }
        return new PreparedChatRequest(new Uri(_baseUrl + "/chat/completions"), [.. context.Headers], context.Payload, _route, model, context.Warnings);
    }

    /// <summary>Sends a chat request without streaming and returns the whole answer.</summary>
    /// <exception cref="OpenRouterException">OpenRouter answered with an error (also inside an HTTP 200), or could not be reached.</exception>
    public async Task<OpenRouterChatResult> CompleteChatAsync(OpenRouterChatRequest request, CancellationToken cancellationToken = default)
    {
        var prepared = await PrepareChatRequestAsync(request, stream: false, cancellationToken).ConfigureAwait(false);
        return await SendPreparedAsync(prepared, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends an already prepared non-streamed request.</summary>
    public async Task<OpenRouterChatResult> SendPreparedAsync(PreparedChatRequest prepared, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        RequireKey();
        using var response = await _transport.SendAsync(() => BuildHttpRequest(prepared), cancellationToken).ConfigureAwait(false);
        var body = await _transport.ReadAllAsync(response, cancellationToken).ConfigureAwait(false);
        var accumulator = new ChatResponseAccumulator(prepared.ApiModelId, prepared.Model.Pricing) { ResponseStatusCode = (int)response.StatusCode };
        ApplyWholeBody(body, accumulator);
        var result = accumulator.Build();
        return WithGenerationId(result, ErrorResponseReader.GenerationId(response));
    }

    /// <summary>
    /// Streams a chat answer. Updates arrive as OpenRouter sends them; the last one carries the whole result in
    /// <see cref="OpenRouterChatUpdate.Completed"/>. A failure after the first byte is never retried and its exception keeps
    /// the partial output in <see cref="OpenRouterException.PartialResult"/>.
    /// </summary>
    public async IAsyncEnumerable<OpenRouterChatUpdate> StreamChatAsync(OpenRouterChatRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var prepared = await PrepareChatRequestAsync(request, stream: true, cancellationToken).ConfigureAwait(false);
        await foreach (var update in StreamPreparedAsync(prepared, cancellationToken).ConfigureAwait(false))
        {
            yield return update;
        }
    }

    /// <summary>Streams an already prepared request.</summary>
    public async IAsyncEnumerable<OpenRouterChatUpdate> StreamPreparedAsync(PreparedChatRequest prepared, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        RequireKey();
        using var response = await _transport.SendAsync(() => BuildHttpRequest(prepared), cancellationToken).ConfigureAwait(false);
        var accumulator = new ChatResponseAccumulator(prepared.ApiModelId, prepared.Model.Pricing) { ResponseStatusCode = (int)response.StatusCode };
        var headerGenerationId = ErrorResponseReader.GenerationId(response);
        if (IsJson(response))
        {
            // Not an event stream: an error envelope sent with 200 (API §2.3), or a proxy's whole answer. Read it as one.
            var whole = ApplyWholeBody(await _transport.ReadAllAsync(response, cancellationToken).ConfigureAwait(false), accumulator);
            for (var i = 0; i < whole.Count; i++)
            {
                yield return whole[i];
            }
            var wholeResult = accumulator.Build();
            yield return new OpenRouterChatUpdate { Completed = WithGenerationId(wholeResult, headerGenerationId) };
            yield break;
        }
        Stream body;
        try
        {
            body = await _transport.ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            throw new OpenRouterNetworkException(exception) { BeforeResponse = false };
        }
        await using (body.ConfigureAwait(false))
        {
            await foreach (var update in ChatStreamReader.ReadAsync(body, accumulator, cancellationToken).ConfigureAwait(false))
            {
                yield return update;
            }
        }
        var result = accumulator.Build();
        yield return new OpenRouterChatUpdate { Completed = WithGenerationId(result, headerGenerationId) };
    }

    public void Dispose()
    {
        _transport.Dispose();
        _media.Dispose();
    }

    /// <summary>The body's id wins; the <c>X-Generation-Id</c> header fills in when the body had none.</summary>
    private static OpenRouterChatResult WithGenerationId(OpenRouterChatResult result, string? headerGenerationId) =>
        result.Id is null && headerGenerationId is not null ? result with { Id = headerGenerationId } : result;

    /// <summary>Folds a whole JSON answer (or an error envelope, which throws the typed error) into <paramref name="accumulator"/>.</summary>
    private static IReadOnlyList<OpenRouterChatUpdate> ApplyWholeBody(byte[] body, ChatResponseAccumulator accumulator)
    {
        JsonDocument document;
        try
        {
            // OpenRouter may send whitespace keep-alives before a slow JSON body; the reader skips them. What parses but
            // cannot be read back (a key given twice, a lone surrogate, bytes that are not UTF-8) would throw later, far from
            // here, when a kept item is replayed: it is refused now, as the stream reader refuses such a chunk.
            if (!StrictJson.IsReadable(body))
            {
                throw new OpenRouterException("OpenRouter returned a body that is not JSON.");
            }
            document = JsonDocument.Parse(body, StrictJson.Options);
        }
        catch (JsonException exception)
        {
            throw new OpenRouterException("OpenRouter returned a body that is not JSON.", exception);
        }
        using (document)
        {
            return accumulator.ApplyChunk(document.RootElement);
        }
    }

    private static bool IsJson(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType is { } mediaType
        && (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private HttpRequestMessage BuildHttpRequest(PreparedChatRequest prepared)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, prepared.Endpoint)
        {
            Content = new ReadOnlyMemoryContent(prepared.BodyUtf8),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in prepared.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content.Headers.Remove(name);
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }
        return message;
    }

    private JsonObject? ModelParamsFor(string modelId)
    {
        if (_modelParams.Count == 0)
        {
            return null;
        }
        if (_modelParams.TryGetValue(ModelIds.CanonicalRef(modelId), out var byRef))
        {
            return byRef;
        }
        return _modelParams.TryGetValue(ModelIds.CanonicalRef(ModelIds.ToApiId(modelId)), out var byApiId) ? byApiId : null;
    }

    private void RequireKey()
    {
        if (_apiKey is null)
        {
            throw new InvalidOperationException("OpenRouter API key missing");
        }
    }

    private IModelCapabilityResolver CreateDefaultResolver(OpenRouterClientOptions options)
    {
        var catalogUrl = options.CapabilityCatalogUrl;
        Func<CancellationToken, Task<JsonDocument>>? fetch = catalogUrl is null
            ? null
            // The capability lookup is public: no key and no attribution, whatever the configured base URL.
            : token => GetJsonAsync(catalogUrl, authenticated: false, attributed: false, token);
        return new ModelCapabilityResolver([.. options.Models], fetch, options.TimeProvider);
    }
}
