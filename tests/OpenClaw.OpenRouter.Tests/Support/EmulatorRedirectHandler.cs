namespace OpenClaw.OpenRouter.Tests.Support;

/// <summary>
/// Sends every request to the emulator whatever host it names, so that a client configured with
/// <c>https://openrouter.ai/api/v1</c> (or a proxy URL) runs its real route rules against the local emulator. Proxy paths
/// (<c>/v1/…</c>) are mapped onto the emulator's <c>/api/v1/…</c>. The original URLs are kept for assertions.
/// </summary>
internal sealed class EmulatorRedirectHandler : DelegatingHandler
{
    private readonly Uri _emulatorOrigin;
    private readonly List<Uri> _requested = [];

    public EmulatorRedirectHandler(Uri emulatorOrigin) : base(new SocketsHttpHandler())
    {
        _emulatorOrigin = emulatorOrigin;
    }

    /// <summary>The URLs the client asked for, before redirection.</summary>
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
        var original = request.RequestUri!;
        lock (_requested)
        {
            _requested.Add(original);
        }
        var path = original.AbsolutePath;
        if (!path.StartsWith("/api/", StringComparison.Ordinal))
        {
            path = "/api" + path;
        }
        request.RequestUri = new Uri(_emulatorOrigin, path + original.Query);
        return base.SendAsync(request, cancellationToken);
    }
}
