using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Transport;

namespace OpenClaw.OpenRouter.Media;

/// <summary>
/// The HTTP side of image, video and speech requests: the network guard (§15.3) when no handler is injected, a per-call time
/// limit on the <see cref="TimeProvider"/>, bodies read within a byte cap, redirects followed by hand so that a hop to another
/// origin carries no header at all, and every failure as a typed <see cref="OpenRouterException"/> labelled with the
/// operation. No retries: a media request costs money, and a second submit would start a second job.
/// </summary>
internal sealed class MediaHttp : IDisposable
{
    private const int MaxRedirects = 5;
    private static readonly TimeSpan MaxTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly HttpClient _http;

    public MediaHttp(HttpMessageHandler? handler, bool allowPrivateNetwork, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _http = handler is null
            ? new HttpClient(PrivateNetworkGuard.CreateHandler(allowPrivateNetwork), disposeHandler: true)
            : new HttpClient(handler, disposeHandler: false);
        _http.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
        Time = time;
    }

    public TimeProvider Time { get; }

    /// <summary>Whether two URLs share scheme, host and port.</summary>
    public static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    /// <summary>Sends the call and returns its 2xx answer.</summary>
    /// <exception cref="OpenRouterException">
    /// An HTTP error (typed by status, message <c>&lt;operation&gt; (HTTP &lt;status&gt;): &lt;detail&gt;</c>), a refused host
    /// (<see cref="OpenRouterBlockedNetworkException"/>), a broken connection (<see cref="OpenRouterNetworkException"/>), the
    /// call's time limit (<see cref="OpenRouterTimeoutException"/>), or a body over the cap when overflow is not allowed.
    /// </exception>
    public async Task<MediaResponse> SendAsync(MediaRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Infinite (or longer than a timer can wait) means no limit of this call's own.
        using var deadline = request.Timeout == System.Threading.Timeout.InfiniteTimeSpan || request.Timeout > MaxTimer
            ? new CancellationTokenSource()
            : new CancellationTokenSource(request.Timeout, Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await SendFollowingRedirectsAsync(request, linked.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or HttpRequestException or IOException
            && deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // The call's own limit: whichever way the aborted read surfaced (a cancellation, or a socket torn down under it).
            throw new OpenRouterTimeoutException(string.Create(CultureInfo.InvariantCulture,
                $"{request.Operation}: no answer within {request.Timeout.TotalMilliseconds:0} ms"), exception)
            {
                Kind = OpenRouterTimeoutKind.Deadline,
            };
        }
        catch (HttpRequestException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw (OpenRouterException?)Blocked(exception) ?? new OpenRouterNetworkException($"{request.Operation}: network connection error.", exception) { BeforeResponse = true };
        }
        catch (IOException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new OpenRouterNetworkException($"{request.Operation}: network connection error.", exception) { BeforeResponse = false };
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<MediaResponse> SendFollowingRedirectsAsync(MediaRequest request, CancellationToken cancellationToken)
    {
        var url = request.Url;
        var method = request.Method;
        var body = request.JsonBody;
        var headers = request.Headers;
        for (var hop = 0; ; hop++)
        {
            using var message = Build(method, url, headers, body);
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location)
            {
                if (hop >= MaxRedirects)
                {
                    throw OpenRouterException.Create(new OpenRouterErrorDetails
                    {
                        StatusCode = status,
                        ErrorMessage = "too many redirects",
                        Operation = request.Operation,
                    });
                }
                var next = location.IsAbsoluteUri ? location : new Uri(url, location);
                if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
                {
                    throw OpenRouterException.Create(new OpenRouterErrorDetails
                    {
                        StatusCode = status,
                        ErrorMessage = $"redirect to an unsupported URL scheme ({next.Scheme})",
                        Operation = request.Operation,
                    });
                }
                if (!SameOrigin(next, url))
                {
                    // Credentials and attribution belong to the origin they were meant for.
                    headers = [];
                }
                if (status == 303 || (status is 301 or 302 && method == HttpMethod.Post))
                {
                    method = HttpMethod.Get;
                    body = null;
                }
                url = next;
                continue;
            }
            if (status >= 400)
            {
                var errorBody = await CappedBody.ReadAsync(response, CappedBody.MaxErrorBodyBytes, cancellationToken).ConfigureAwait(false);
                var details = ErrorResponseReader.FromHttpError(response, errorBody.Body, Time);
                throw OpenRouterException.Create(details with
                {
                    Operation = request.Operation,
                    RequestId = RequestId(details.Metadata, response),
                });
            }
            var read = await CappedBody.ReadAsync(response, request.MaxBytes, cancellationToken).ConfigureAwait(false);
            if (read.Overflowed && !request.OverflowAllowed)
            {
                throw new OpenRouterMalformedResponseException(string.Create(CultureInfo.InvariantCulture,
                    $"{request.Operation}: the answer is larger than {request.MaxBytes} bytes"));
            }
            return new MediaResponse
            {
                StatusCode = status,
                MediaType = response.Content.Headers.ContentType?.MediaType,
                Body = read.Body,
                Overflowed = read.Overflowed,
                Url = url,
                GenerationId = ErrorResponseReader.GenerationId(response),
            };
        }
    }

    private static HttpRequestMessage Build(HttpMethod method, Uri url, IReadOnlyList<KeyValuePair<string, string>> headers, ReadOnlyMemory<byte>? body)
    {
        var message = new HttpRequestMessage(method, url);
        if (body is { } json)
        {
            message.Content = new ReadOnlyMemoryContent(json);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        foreach (var (name, value) in headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (!message.Headers.TryAddWithoutValidation(name, value) && message.Content is not null)
            {
                message.Content.Headers.Remove(name);
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }
        return message;
    }

    private static string? RequestId(JsonObject? metadata, HttpResponseMessage response) =>
        metadata?["request_id"] is JsonValue value && value.TryGetValue(out string? id) && id.Length > 0 ? id
        : response.Headers.TryGetValues("X-Request-Id", out var values) ? values.FirstOrDefault()
        : null;

    private static OpenRouterBlockedNetworkException? Blocked(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is OpenRouterBlockedNetworkException blocked)
            {
                return blocked;
            }
            if (current is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.HostNotFound })
            {
                return null;
            }
        }
        return null;
    }
}
