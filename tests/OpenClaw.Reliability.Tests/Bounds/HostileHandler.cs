using System.Net;
using System.Net.Http.Headers;

namespace OpenClaw.Reliability.Tests.Bounds;

/// <summary>
/// An in-process server that answers every request with <see cref="Body"/> (no declared length unless
/// <see cref="DeclaredLength"/> is set), and records what was asked.
/// </summary>
internal sealed class HostileHandler(EndlessBody body, string mediaType, HttpStatusCode status = HttpStatusCode.OK) : HttpMessageHandler
{
    public EndlessBody Body { get; } = body;

    /// <summary>A <c>Content-Length</c> to announce (a lie is fine: the client must not trust it to allocate).</summary>
    public long? DeclaredLength { get; init; }

    /// <summary>The requests received, by URL.</summary>
    public List<Uri> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (Requests)
        {
            Requests.Add(request.RequestUri!);
        }
        var content = new StreamContent(Body);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        content.Headers.ContentLength = DeclaredLength;
        return Task.FromResult(new HttpResponseMessage(status) { Content = content, RequestMessage = request });
    }
}
