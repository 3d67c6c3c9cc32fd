using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Media;
using OpenClaw.OpenRouter.Transport;
using OpenClaw.OpenRouter.Videos;

namespace OpenClaw.OpenRouter;

/// <summary>Asynchronous video generation (provider spec §16).</summary>
public sealed partial class OpenRouterClient
{
    private const string VideoSubmitOperation = "OpenRouter video generation failed";
    private const string VideoStatusOperation = "OpenRouter video status request failed";
    private const string DidNotFinishMessage = "OpenRouter video generation did not finish in time";

    /// <summary>Submit and status answers are small documents; anything near this is not one.</summary>
    private const long VideoAnswerMaxBytes = 1024 * 1024;

    /// <summary>The video model list: a few kilobytes per model.</summary>
    private const long VideoModelsMaxBytes = 8L * 1024 * 1024;

    /// <summary>
    /// The live <c>GET /videos/models</c> rows by API id, once read. A client has one base URL and one key, so this is the
    /// spec's per-(base, key) cache. Only a successful read is kept: a failed one is tried again by the next job.
    /// </summary>
    private IReadOnlyDictionary<string, OpenRouterVideoCapabilities>? _videoModels;

    /// <summary>
    /// Runs one video job: validates the request against the model's capabilities (live <c>GET /videos/models</c> with a key,
    /// cached per client; else the defaults), <c>POST {base}/videos</c>, polls the <c>polling_url</c> (immediately, then every
    /// <see cref="OpenRouterVideoRequest.PollInterval"/>, at most <see cref="OpenRouterVideoRequest.MaxPolls"/>) on the client's
    /// <see cref="TimeProvider"/>, and downloads the first unsigned URL or <c>/videos/{id}/content?index=0</c> — with no header
    /// at all on another origin, within the media size cap (over it, the URL is returned instead of bytes).
    /// </summary>
    /// <remarks>
    /// When the model list cannot be read (an HTTP error, a refused host, a malformed answer, its own time limit), the job goes
    /// on with <see cref="OpenRouterVideoCapabilities.Default"/>: the list only refines validation and duration snapping, and
    /// OpenRouter itself still refuses what the model cannot do. The failure is passed to
    /// <see cref="OpenRouterClientOptions.Warning"/>. A model without a live row uses the defaults too.
    /// Progress: <see cref="OpenRouterVideoPhase.Submitting"/>, then <see cref="OpenRouterVideoPhase.Polling"/> once the job is
    /// accepted and after every poll (not when the submit answer is already <c>completed</c>),
    /// <see cref="OpenRouterVideoPhase.Downloading"/>, <see cref="OpenRouterVideoPhase.Done"/>.
    /// </remarks>
    /// <exception cref="InvalidOperationException">No API key (<c>OpenRouter API key missing</c>).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A non-positive timeout, a negative poll interval, fewer than one poll.</exception>
    /// <exception cref="OpenRouterInvalidRequestException">Unsupported resolution/aspect ratio/size, video inputs, too many images, a non-integer seed.</exception>
    /// <exception cref="OpenRouterVideoJobException">The job failed, was cancelled or expired, or did not finish within the polls.</exception>
    /// <exception cref="OpenRouterMalformedResponseException">A submit/poll answer or the download has the wrong shape.</exception>
    /// <exception cref="OpenRouterTimeoutException">The overall deadline passed (<see cref="OpenRouterTimeoutKind.Deadline"/>).</exception>
    public async Task<OpenRouterVideoResult> GenerateVideoAsync(OpenRouterVideoRequest request, IProgress<OpenRouterVideoProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireMediaKey();
        var timeout = request.Timeout ?? OpenRouterVideoModels.DefaultTimeout;
        if (timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(request), timeout, "The video timeout must be positive (or infinite).");
        }
        if (request.RequestTimeout <= TimeSpan.Zero && request.RequestTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.RequestTimeout, "The per-call timeout must be positive (or infinite).");
        }
        if (request.PollInterval < TimeSpan.Zero || request.PollInterval > TimeSpan.FromMilliseconds(uint.MaxValue - 1))
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.PollInterval, "The poll interval must be zero or positive, and at most about 49 days (the longest timer).");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(request.MaxPolls, 1, nameof(request));
        VideoRequestBody.Validate(request);
        var model = VideoRequestBody.ApiModelId(request.Model);

        var deadline = new VideoDeadline(_media.Time, timeout, request.RequestTimeout);
        using var overall = deadline.Timeout is { } limit ? new CancellationTokenSource(limit, _media.Time) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, overall.Token);
        try
        {
            return await RunVideoJobAsync(request, model, deadline, progress, linked.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested
            && exception is OperationCanceledException or OpenRouterTimeoutException { Kind: OpenRouterTimeoutKind.Deadline }
            && (overall.IsCancellationRequested || deadline.Expired) && !deadline.Raised(exception))
        {
            // The overall deadline cancelled a wait or a call (whose own limit may have been the remaining time): one error for both.
            throw deadline.Exceeded(exception);
        }
    }

    /// <summary>The capabilities of a video model: its live <c>GET /videos/models</c> row when a key is set (cached), else the defaults.</summary>
    /// <remarks>A model without a live row, or a list that cannot be read, gives <see cref="OpenRouterVideoCapabilities.Default"/>.</remarks>
    public Task<OpenRouterVideoCapabilities> GetVideoCapabilitiesAsync(string model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        return VideoCapabilitiesAsync(VideoRequestBody.ApiModelId(model), OpenRouterVideoModels.DefaultRequestTimeout, cancellationToken);
    }

    private async Task<OpenRouterVideoResult> RunVideoJobAsync(OpenRouterVideoRequest request, string model, VideoDeadline deadline,
        IProgress<OpenRouterVideoProgress>? progress, CancellationToken cancellationToken)
    {
        Report(progress, deadline, OpenRouterVideoPhase.Submitting, jobId: null, status: null, polls: 0);
        var capabilities = await VideoCapabilitiesAsync(model, deadline.NextCallTimeout(), cancellationToken).ConfigureAwait(false);
        VideoRequestBody.Validate(request, model, capabilities);
        var body = VideoRequestBody.Write(model, request, capabilities);

        var submitUrl = new Uri(_baseUrl + "/videos");
        var submitResponse = await _media.SendAsync(new MediaRequest
        {
            Method = HttpMethod.Post,
            Url = submitUrl,
            Headers = MediaHeaders(submitUrl),
            JsonBody = body,
            Operation = VideoSubmitOperation,
            MaxBytes = VideoAnswerMaxBytes,
            Timeout = deadline.NextCallTimeout(),
        }, cancellationToken).ConfigureAwait(false);
        ThrowIfErrorEnvelope(submitResponse, VideoSubmitOperation);
        var submitted = VideoJobAnswer.ParseSubmit(submitResponse.Body);
        var jobId = submitted.Id!;
        ThrowIfFailed(submitted, jobId);

        var current = submitted;
        var polls = 0;
        if (submitted.Status != OpenRouterVideoStatus.Completed)
        {
            Report(progress, deadline, OpenRouterVideoPhase.Polling, jobId, submitted.Status, polls);
            var pollingUrl = ResolveVideoUrl(submitted.PollingUrl!);
            while (true)
            {
                if (polls >= request.MaxPolls)
                {
                    throw new OpenRouterVideoJobException(DidNotFinishMessage) { JobId = jobId, Status = current.Status?.Value };
                }
                if (polls > 0)
                {
                    await Task.Delay(request.PollInterval, _media.Time, cancellationToken).ConfigureAwait(false);
                }
                var pollResponse = await _media.SendAsync(new MediaRequest
                {
                    Method = HttpMethod.Get,
                    Url = pollingUrl,
                    Headers = MediaHeaders(pollingUrl),
                    Operation = VideoStatusOperation,
                    MaxBytes = VideoAnswerMaxBytes,
                    Timeout = deadline.NextCallTimeout(),
                }, cancellationToken).ConfigureAwait(false);
                ThrowIfErrorEnvelope(pollResponse, VideoStatusOperation);
                current = VideoJobAnswer.ParseStatus(pollResponse.Body);
                polls++;
                Report(progress, deadline, OpenRouterVideoPhase.Polling, jobId, current.Status, polls);
                if (current.Status == OpenRouterVideoStatus.Completed)
                {
                    break;
                }
                ThrowIfFailed(current, jobId);
            }
        }

        Report(progress, deadline, OpenRouterVideoPhase.Downloading, jobId, current.Status, polls);
        var video = await DownloadVideoAsync(current, jobId, deadline, cancellationToken).ConfigureAwait(false);
        Report(progress, deadline, OpenRouterVideoPhase.Done, jobId, current.Status, polls);
        return new OpenRouterVideoResult
        {
            Video = video,
            Model = current.Model ?? model,
            JobId = jobId,
            Status = OpenRouterVideoStatus.Completed,
            GenerationId = current.GenerationId ?? submitted.GenerationId,
            Cost = current.Cost,
            IsByok = current.IsByok,
            Polls = polls,
        };
    }

    /// <summary>
    /// Fetches the finished video: the first unsigned URL (resolved against the base), else the content endpoint. Over the media
    /// cap, an http(s) unsigned URL is handed back instead of the bytes; the content endpoint has no URL worth handing back, so
    /// there the cap is an error.
    /// </summary>
    private async Task<OpenRouterGeneratedVideo> DownloadVideoAsync(VideoJobAnswer completed, string jobId, VideoDeadline deadline, CancellationToken cancellationToken)
    {
        var unsigned = completed.UnsignedUrls.Count > 0 ? completed.UnsignedUrls[0] : null;
        var target = unsigned is not null
            ? ResolveVideoUrl(unsigned)
            : new Uri($"{_baseUrl}/videos/{Uri.EscapeDataString(completed.Id ?? jobId)}/content?index=0");
        var response = await _media.SendAsync(new MediaRequest
        {
            Method = HttpMethod.Get,
            Url = target,
            Headers = MediaHeaders(target),
            Operation = VideoDownload.Operation,
            MaxBytes = _mediaMaxBytes,
            OverflowAllowed = unsigned is not null,
            Timeout = deadline.NextCallTimeout(),
        }, cancellationToken).ConfigureAwait(false);
        VideoDownload.EnsureVideo(response.MediaType, empty: response.Body.Length == 0 && !response.Overflowed);
        var mediaType = VideoDownload.MediaTypeOf(response.MediaType);
        return new OpenRouterGeneratedVideo
        {
            Data = response.Overflowed ? ReadOnlyMemory<byte>.Empty : response.Body,
            Url = response.Overflowed ? target : null,
            MediaType = mediaType,
            FileName = VideoDownload.FileNameFor(mediaType),
        };
    }

    private async Task<OpenRouterVideoCapabilities> VideoCapabilitiesAsync(string apiModel, TimeSpan callTimeout, CancellationToken cancellationToken)
    {
        if (_apiKey is null)
        {
            return OpenRouterVideoCapabilities.Default;
        }
        var models = Volatile.Read(ref _videoModels);
        if (models is null)
        {
            var url = new Uri(_baseUrl + "/videos/models");
            try
            {
                var response = await _media.SendAsync(new MediaRequest
                {
                    Method = HttpMethod.Get,
                    Url = url,
                    Headers = MediaHeaders(url),
                    Operation = VideoModelCatalog.Operation,
                    MaxBytes = VideoModelsMaxBytes,
                    Timeout = callTimeout,
                }, cancellationToken).ConfigureAwait(false);
                models = VideoModelCatalog.Read(response.Body);
            }
            catch (OpenRouterException exception) when (!cancellationToken.IsCancellationRequested)
            {
                _warning?.Invoke($"OpenRouter video model list unavailable, using the default video capabilities: {exception.Message}");
                return OpenRouterVideoCapabilities.Default;
            }
            Volatile.Write(ref _videoModels, models);
        }
        return models.TryGetValue(apiModel, out var capabilities) ? capabilities : OpenRouterVideoCapabilities.Default;
    }

    /// <summary>
    /// A <c>polling_url</c> or unsigned URL resolved against <c>{base}/</c>, so a relative <c>/api/v1/videos/job-1</c> stays on the
    /// configured origin. Only http(s) results are accepted.
    /// </summary>
    /// <exception cref="OpenRouterMalformedResponseException">Not a URL, or another scheme.</exception>
    private Uri ResolveVideoUrl(string value)
    {
        // A rooted path parses as an absolute file: URL on Unix, so anything that is not an absolute http(s) URL is taken as relative.
        if (Uri.TryCreate(value, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps))
        {
            return absolute;
        }
        if (Uri.TryCreate(value, UriKind.Relative, out var relative) && Uri.TryCreate(new Uri(_baseUrl + "/"), relative, out var resolved)
            && (resolved.Scheme == Uri.UriSchemeHttp || resolved.Scheme == Uri.UriSchemeHttps))
        {
            return resolved;
        }
        throw new OpenRouterMalformedResponseException(VideoJobAnswer.MalformedMessage);
    }

    /// <summary>
    /// An error envelope (<c>{"error":{code,message,metadata}}</c>) inside a 2xx submit or status answer is that error, typed by its
    /// code, as provider spec §14.3 says of every non-streamed call: not a job answer with missing details. A failed job's
    /// <c>error</c> is a string, not an object, so it is not mistaken for one.
    /// </summary>
    private static void ThrowIfErrorEnvelope(MediaResponse response, string operation)
    {
        if (ErrorResponseReader.TryReadEnvelope(response.Body) is { } details)
        {
            throw OpenRouterException.Create(details with
            {
                StatusCode = response.StatusCode,
                InBand = true,
                Operation = operation,
                GenerationId = details.GenerationId ?? response.GenerationId,
            });
        }
    }

    private static void ThrowIfFailed(VideoJobAnswer answer, string jobId)
    {
        if (answer.Status is { IsFailure: true } status)
        {
            throw new OpenRouterVideoJobException(answer.Error ?? $"OpenRouter video generation {status.Value}") { JobId = jobId, Status = status.Value };
        }
    }

    private static void Report(IProgress<OpenRouterVideoProgress>? progress, VideoDeadline deadline, OpenRouterVideoPhase phase, string? jobId,
        OpenRouterVideoStatus? status, int polls) =>
        progress?.Report(new OpenRouterVideoProgress
        {
            Phase = phase,
            JobId = jobId,
            Status = status,
            Polls = polls,
            Elapsed = deadline.Elapsed,
        });
}
