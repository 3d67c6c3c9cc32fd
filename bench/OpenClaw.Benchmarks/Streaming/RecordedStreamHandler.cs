using System.Net;
using System.Net.Http.Headers;

namespace OpenClaw.Benchmarks.Streaming;

/// <summary>
/// Answers every request with the recorded bytes as a <c>200 text/event-stream</c>, without a socket: a fresh
/// <see cref="ReadOnlyMemoryContent"/> (a read-only stream over the same array, nothing copied) per call. Both clients under
/// test go through their HTTP stack down to this handler, so the per-call cost of building and sending the request is in
/// both measurements; spread over <see cref="StreamRecording.ChunkCount"/> chunks it is a small share of the per-chunk figure.
/// </summary>
public sealed class RecordedStreamHandler(byte[] body) : HttpMessageHandler
{
    /// <summary>Requests answered so far.</summary>
    public int Calls { get; private set; }

    /// <inheritdoc/>
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Calls++;
        var content = new ReadOnlyMemoryContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/event-stream");
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }
}
