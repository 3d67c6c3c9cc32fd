namespace OpenClaw.Cli.Tests.Support;

/// <summary>
/// The network for in-process runs: requests for <c>https://openrouter.ai/…</c> go to the emulator's origin with the same
/// path (<c>/api/v1/…</c> as is), so the CLI runs with the canonical base URL — the verified route, whose rules (Anthropic
/// <c>cache_control</c>, DeepSeek <c>reasoning_content</c> backfill, bundled rows) apply — while nothing leaves the machine.
/// Any other non-loopback host fails the test.
/// </summary>
public sealed class CanonicalRouteHandler(Uri emulatorOrigin) : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false })
{
    /// <summary>The URLs requested before redirection, in order.</summary>
    public List<Uri> Requested { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.RequestUri ?? throw new InvalidOperationException("request without a URI");
        lock (Requested)
        {
            Requested.Add(uri);
        }
        if (uri.Host.Equals("openrouter.ai", StringComparison.OrdinalIgnoreCase))
        {
            request.RequestUri = new UriBuilder(uri) { Scheme = emulatorOrigin.Scheme, Host = emulatorOrigin.Host, Port = emulatorOrigin.Port }.Uri;
        }
        else if (!uri.IsLoopback)
        {
            throw new InvalidOperationException($"A test tried to reach {uri}.");
        }
        return base.SendAsync(request, cancellationToken);
    }
}
