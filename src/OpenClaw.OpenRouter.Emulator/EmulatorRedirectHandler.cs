namespace OpenClaw.OpenRouter.Emulator;

/// <summary>
/// An HTTP handler that lands every request on the emulator whatever origin it names, so a client configured with
/// <c>https://openrouter.ai/api/v1</c> (the verified route) or a proxy URL runs its real route rules while nothing leaves the
/// machine. Requests already aimed at the emulator pass through untouched; others keep their path and query, except that a
/// path outside <c>/api/</c> (a proxy's <c>/v1/…</c>) is mapped onto the emulator's <c>/api/v1/…</c>.
/// </summary>
/// <remarks>
/// Redirect responses are not followed, so a test sees exactly what the emulator answered. A landed request carries
/// <c>X-Forwarded-Proto</c> and <c>X-Forwarded-Host</c> naming the origin the client asked for, so the URLs the emulator hands
/// out (video <c>polling_url</c>, <c>unsigned_urls</c>) stay on that origin, as OpenRouter's would. Requests to the emulator's
/// foreign origin (external storage) pass through untouched.
/// </remarks>
public sealed class EmulatorRedirectHandler : DelegatingHandler
{
    private readonly Uri _origin;
    private readonly Uri? _foreignOrigin;
    private readonly List<Uri> _requested = [];

    /// <param name="emulatorOrigin">The emulator's origin (<see cref="OpenRouterEmulator.Origin"/>).</param>
    /// <param name="foreignOrigin">The emulator's foreign origin (<see cref="OpenRouterEmulator.ForeignOrigin"/>), if started.</param>
    public EmulatorRedirectHandler(Uri emulatorOrigin, Uri? foreignOrigin = null) : base(new SocketsHttpHandler { AllowAutoRedirect = false })
    {
        ArgumentNullException.ThrowIfNull(emulatorOrigin);
        _origin = emulatorOrigin;
        _foreignOrigin = foreignOrigin;
    }

    /// <summary>The URLs the client asked for, before redirection, in order.</summary>
    public IReadOnlyList<Uri> Requested
    {
        get
        {
            lock (_requested)
            {
                return [.. _requested];
            }
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var original = request.RequestUri ?? throw new InvalidOperationException("A request without a URL.");
        lock (_requested)
        {
            _requested.Add(original);
        }
        if (!string.Equals(original.Authority, _origin.Authority, StringComparison.OrdinalIgnoreCase)
            && !(_foreignOrigin is not null && string.Equals(original.Authority, _foreignOrigin.Authority, StringComparison.OrdinalIgnoreCase)))
        {
            request.Headers.Remove("X-Forwarded-Proto");
            request.Headers.Remove("X-Forwarded-Host");
            request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", original.Scheme);
            request.Headers.TryAddWithoutValidation("X-Forwarded-Host", original.Authority);
            var path = original.AbsolutePath.StartsWith("/api/", StringComparison.Ordinal) ? original.AbsolutePath : "/api" + original.AbsolutePath;
            request.RequestUri = new Uri(_origin, path + original.Query);
        }
        return base.SendAsync(request, cancellationToken);
    }
}
