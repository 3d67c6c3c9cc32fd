using System.Net.Http.Headers;
using OpenClaw.OpenRouter.Errors;
using Polly;
using Polly.Retry;

namespace OpenClaw.OpenRouter.Transport;

/// <summary>
/// Sends requests and turns every failure into a typed <see cref="OpenRouterException"/>: HTTP errors with their envelope,
/// connection failures, the time-to-headers limit. Retries (when enabled) cover only what happens before a response is
/// accepted, so a started stream is never sent twice. Redirects are never followed (a hop could carry the key, the
/// configured headers and the conversation to another origin), and no answer is read past its byte cap.
/// </summary>
internal sealed class OpenRouterTransport : IDisposable
{
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly TimeSpan _headersTimeout;
    private readonly TimeSpan _idleTimeout;
    private readonly ResiliencePipeline _retry;
    private readonly long _maxResponseBytes;

    public OpenRouterTransport(HttpMessageHandler? handler, TimeProvider time, TimeSpan headersTimeout, TimeSpan idleTimeout, OpenRouterRetryOptions retry, long maxResponseBytes)
    {
        // Timeouts are ours (time-to-headers, idle watchdog, the caller's token): HttpClient's wall clock would cut long streams.
        _http = new HttpClient(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false }, disposeHandler: handler is null)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _time = time;
        _headersTimeout = headersTimeout;
        _idleTimeout = idleTimeout;
        _retry = BuildRetryPipeline(retry, time);
        _maxResponseBytes = maxResponseBytes;
    }

    public TimeProvider Time => _time;

    /// <summary>
    /// Sends the request built by <paramref name="build"/> (called once per attempt) and returns the accepted response with
    /// its body wrapped in the idle watchdog. Status ≥ 400 becomes the typed error.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        return await _retry.ExecuteAsync(
            static async (state, token) => await state.Self.SendOnceAsync(state.Build, token).ConfigureAwait(false),
            (Self: this, Build: build),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The body of an accepted response, behind the idle watchdog and the byte cap.</summary>
    public async Task<Stream> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return new ResponseSizeLimitStream(new IdleTimeoutStream(stream, _idleTimeout, _time), _maxResponseBytes);
    }

    /// <summary>
    /// Reads a whole (non-streamed) body behind the idle watchdog and the byte cap (a declared length over the cap fails
    /// before reading), mapping a broken connection to a network error.
    /// </summary>
    public async Task<byte[]> ReadAllAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > _maxResponseBytes)
        {
            throw ResponseSizeLimitStream.TooLarge(_maxResponseBytes);
        }
        try
        {
            await using var body = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            await body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return buffer.ToArray();
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            throw new OpenRouterNetworkException(exception) { BeforeResponse = false };
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        using var request = build();
        using var headersDeadline = new CancellationTokenSource(_headersTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, headersDeadline.Token);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (headersDeadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new OpenRouterTimeoutException($"OpenRouter did not answer within {_headersTimeout.TotalSeconds:0.###} s.")
            {
                Kind = OpenRouterTimeoutKind.ResponseHeaders,
            };
        }
        catch (HttpRequestException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new OpenRouterNetworkException(exception) { BeforeResponse = true };
        }
        var status = (int)response.StatusCode;
        if (status is >= 300 and < 400)
        {
            using (response)
            {
                throw OpenRouterException.Create(new OpenRouterErrorDetails
                {
                    StatusCode = status,
                    ErrorMessage = RedirectMessage(request.RequestUri, response.Headers.Location),
                });
            }
        }
        if (status < 400)
        {
            return response;
        }
        using (response)
        {
            byte[] body;
            try
            {
                (body, _) = await CappedBody.ReadAsync(response, CappedBody.MaxErrorBodyBytes, linked.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is IOException or HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                body = [];
            }
            throw OpenRouterException.Create(ErrorResponseReader.FromHttpError(response, body, _time));
        }
    }

    /// <summary>Names where the redirect pointed by origin only: a location's path or query may carry a token of its own.</summary>
    private static string RedirectMessage(Uri? requested, Uri? location)
    {
        var target = location is null ? null : requested is not null && !location.IsAbsoluteUri ? new Uri(requested, location) : location;
        var where = target is { IsAbsoluteUri: true } ? " to " + target.GetLeftPart(UriPartial.Authority) : "";
        return $"OpenRouter answered with a redirect{where}; redirects are not followed, so the key and the request stay with the configured base URL.";
    }

    private static ResiliencePipeline BuildRetryPipeline(OpenRouterRetryOptions options, TimeProvider time)
    {
        if (options.MaxRetries <= 0)
        {
            return ResiliencePipeline.Empty;
        }
        return new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                UseJitter = options.UseJitter,
                // Transient only, and never when OpenRouter asks for a longer wait than we are willing to make.
                ShouldHandle = new PredicateBuilder().Handle<OpenRouterException>(exception =>
                    exception.IsTransient && (exception.RetryAfter is not { } wait || wait <= options.MaxDelay)),
                DelayGenerator = static args => new ValueTask<TimeSpan?>(
                    args.Outcome.Exception is OpenRouterException { RetryAfter: { } wait } ? wait : null),
            })
            .Build();
    }

    public void Dispose() => _http.Dispose();
}
