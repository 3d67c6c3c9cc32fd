namespace OpenClaw.Agent.Tests.Support;

/// <summary>
/// Lets a client configured with OpenRouter's canonical base URL (<c>https://openrouter.ai/api/v1</c>) run its verified-route
/// rules while every request actually lands on the local emulator: the scheme, host and port are swapped for the emulator's,
/// the path and query are kept. Requests already aimed at the emulator pass through untouched.
/// </summary>
internal sealed class CanonicalRouteHandler(Uri emulatorOrigin) : DelegatingHandler(new SocketsHttpHandler())
{
    private int _rewritten;

    /// <summary>How many requests named a host other than the emulator's.</summary>
    public int Rewritten => Volatile.Read(ref _rewritten);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = request.RequestUri ?? throw new InvalidOperationException("A request without a URL.");
        if (!string.Equals(target.Authority, emulatorOrigin.Authority, StringComparison.OrdinalIgnoreCase))
        {
            if (!string.Equals(target.Host, "openrouter.ai", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"Tests talk to openrouter.ai (redirected) or the emulator only, not {target}.");
            }
            Interlocked.Increment(ref _rewritten);
            request.RequestUri = new UriBuilder(target) { Scheme = emulatorOrigin.Scheme, Host = emulatorOrigin.Host, Port = emulatorOrigin.Port }.Uri;
        }
        return base.SendAsync(request, cancellationToken);
    }
}
