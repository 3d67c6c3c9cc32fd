namespace OpenClaw.OpenRouter.Tests.Videos;

/// <summary>
/// Lands a client's requests on the emulator whatever origin they name, like the emulator's redirect handler, with two
/// differences video jobs need: a request for the emulator's foreign origin goes there untouched (so a test sees exactly what
/// reached "external storage"), and a mapped request says which origin it was meant for (<c>X-Forwarded-Proto</c>/<c>-Host</c>),
/// so the emulator's absolute polling and download URLs stay on the configured origin as OpenRouter's stay on openrouter.ai.
/// Records each request with the fake time it was sent at.
/// </summary>
internal sealed class VideoRouteHandler : DelegatingHandler
{
    private readonly Uri _origin;
    private readonly Uri? _foreign;
    private readonly TimeProvider _time;
    private readonly List<SentRequest> _sent = [];

    public VideoRouteHandler(Uri emulatorOrigin, Uri? foreignOrigin, TimeProvider time) : base(new SocketsHttpHandler { AllowAutoRedirect = false })
    {
        _origin = emulatorOrigin;
        _foreign = foreignOrigin;
        _time = time;
    }

    /// <summary>Runs just before a request leaves (e.g. to move the clock while the call is in flight).</summary>
    public Action<HttpRequestMessage>? OnSending { get; set; }

    /// <summary>The requests sent, with the URL the client asked for and the fake time.</summary>
    public IReadOnlyList<SentRequest> Sent
    {
        get
        {
            lock (_sent)
            {
                return [.. _sent];
            }
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var original = request.RequestUri!;
        lock (_sent)
        {
            _sent.Add(new SentRequest(_time.GetUtcNow(), request.Method, original));
        }
        OnSending?.Invoke(request);
        var local = SameAuthority(original, _origin) || (_foreign is not null && SameAuthority(original, _foreign));
        if (!local)
        {
            var path = original.AbsolutePath.StartsWith("/api/", StringComparison.Ordinal) ? original.AbsolutePath : "/api" + original.AbsolutePath;
            request.RequestUri = new Uri(_origin, path + original.Query);
            request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", original.Scheme);
            request.Headers.TryAddWithoutValidation("X-Forwarded-Host", original.Authority);
        }
        return base.SendAsync(request, cancellationToken);
    }

    private static bool SameAuthority(Uri a, Uri b) => string.Equals(a.GetLeftPart(UriPartial.Authority), b.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);
}
