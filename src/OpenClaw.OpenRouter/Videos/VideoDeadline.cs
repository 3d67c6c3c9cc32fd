using System.Globalization;
using OpenClaw.OpenRouter.Errors;

namespace OpenClaw.OpenRouter.Videos;

/// <summary>
/// The overall time limit of one video job (submit, polls, download) on the client's <see cref="TimeProvider"/>, and the limit
/// of each HTTP call within it: the per-call limit, capped by what is left of the whole.
/// </summary>
internal sealed class VideoDeadline
{
    private readonly TimeProvider _time;
    private readonly long _started;
    private OpenRouterTimeoutException? _raised;

    public VideoDeadline(TimeProvider time, TimeSpan timeout, TimeSpan requestTimeout)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _started = time.GetTimestamp();
        Timeout = timeout;
        RequestTimeout = requestTimeout;
    }

    /// <summary>The whole job's limit.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Each HTTP call's own limit.</summary>
    public TimeSpan RequestTimeout { get; }

    /// <summary>Time since the job started.</summary>
    public TimeSpan Elapsed => _time.GetElapsedTime(_started);

    /// <summary>Whether the whole job's time is up.</summary>
    public bool Expired => Elapsed >= Timeout;

    /// <summary>The limit of the next HTTP call: <see cref="RequestTimeout"/>, or what is left when that is less.</summary>
    /// <exception cref="OpenRouterTimeoutException">Nothing is left.</exception>
    public TimeSpan NextCallTimeout()
    {
        var remaining = Timeout - Elapsed;
        if (remaining <= TimeSpan.Zero)
        {
            throw Exceeded();
        }
        return remaining < RequestTimeout ? remaining : RequestTimeout;
    }

    /// <summary>The error of a job that ran out of time.</summary>
    public OpenRouterTimeoutException Exceeded(Exception? cause = null)
    {
        var message = string.Create(CultureInfo.InvariantCulture,
            $"OpenRouter video generation timed out: the job did not end within {Timeout.TotalMilliseconds:0} ms (overall deadline)");
        var exception = cause is null
            ? new OpenRouterTimeoutException(message) { Kind = OpenRouterTimeoutKind.Deadline }
            : new OpenRouterTimeoutException(message, cause) { Kind = OpenRouterTimeoutKind.Deadline };
        _raised = exception;
        return exception;
    }

    /// <summary>Whether <paramref name="exception"/> is the error <see cref="Exceeded"/> made (so it is not wrapped twice).</summary>
    public bool Raised(Exception exception) => ReferenceEquals(exception, _raised);
}
