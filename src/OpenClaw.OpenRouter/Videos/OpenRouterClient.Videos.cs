using OpenClaw.OpenRouter.Videos;

namespace OpenClaw.OpenRouter;

/// <summary>Asynchronous video generation (provider spec §16).</summary>
public sealed partial class OpenRouterClient
{
    /// <summary>
    /// Runs one video job: validates the request against the model's capabilities (live <c>GET /videos/models</c> with a key,
    /// cached per client; else the defaults), <c>POST {base}/videos</c>, polls the <c>polling_url</c> (immediately, then every
    /// <see cref="OpenRouterVideoRequest.PollInterval"/>, at most <see cref="OpenRouterVideoRequest.MaxPolls"/>) on the client's
    /// <see cref="TimeProvider"/>, and downloads the first unsigned URL or <c>/videos/{id}/content?index=0</c> — with no header
    /// at all on another origin, within the media size cap (over it, the URL is returned instead of bytes).
    /// </summary>
    /// <exception cref="InvalidOperationException">No API key (<c>OpenRouter API key missing</c>).</exception>
    /// <exception cref="Errors.OpenRouterInvalidRequestException">Unsupported resolution/aspect ratio/size, video inputs, too many images, a non-integer seed.</exception>
    /// <exception cref="Errors.OpenRouterVideoJobException">The job failed, was cancelled or expired, or did not finish within the polls.</exception>
    /// <exception cref="Errors.OpenRouterMalformedResponseException">A submit/poll answer or the download has the wrong shape.</exception>
    /// <exception cref="Errors.OpenRouterTimeoutException">The overall deadline passed (<see cref="Errors.OpenRouterTimeoutKind.Deadline"/>).</exception>
    public Task<OpenRouterVideoResult> GenerateVideoAsync(OpenRouterVideoRequest request, IProgress<OpenRouterVideoProgress>? progress = null, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>The capabilities of a video model: its live <c>GET /videos/models</c> row when a key is set (cached), else the defaults.</summary>
    public Task<OpenRouterVideoCapabilities> GetVideoCapabilitiesAsync(string model, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
