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

    /// <summary>The longest time a timer takes (about 49.7 days); anything longer is no limit.</summary>
    private static readonly TimeSpan MaxTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    /// <param name="time">The clock.</param>
    /// <param name="timeout">The whole job; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none.</param>
    /// <param name="requestTimeout">Each call; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none but the whole job's.</param>
    public VideoDeadline(TimeProvider time, TimeSpan timeout, TimeSpan requestTimeout)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _started = time.GetTimestamp();
        Timeout = IsUnbounded(timeout) ? null : timeout;
        RequestTimeout = IsUnbounded(requestTimeout) ? null : requestTimeout;
    }

    /// <summary>The whole job's limit; <see langword="null"/> for none.</summary>
    public TimeSpan? Timeout { get; }

    /// <summary>Each HTTP call's own limit; <see langword="null"/> for none.</summary>
    public TimeSpan? RequestTimeout { get; }

    /// <summary>Time since the job started.</summary>
    public TimeSpan Elapsed => _time.GetElapsedTime(_started);

    /// <summary>Whether the whole job's time is up.</summary>
    public bool Expired => Timeout is { } timeout && Elapsed >= timeout;

    /// <summary>Whether a limit is none at all: infinite, or longer than a timer can wait.</summary>
    public static bool IsUnbounded(TimeSpan limit) => limit == System.Threading.Timeout.InfiniteTimeSpan || limit > MaxTimer;

    /// <summary>
    /// The limit of the next HTTP call: <see cref="RequestTimeout"/>, or what is left when that is less
    /// (<see cref="System.Threading.Timeout.InfiniteTimeSpan"/> when neither limits it).
    /// </summary>
    /// <exception cref="OpenRouterTimeoutException">Nothing is left.</exception>
    public TimeSpan NextCallTimeout()
    {
        TimeSpan? remaining = Timeout is { } timeout ? timeout - Elapsed : null;
        if (remaining <= TimeSpan.Zero)
        {
            throw Exceeded();
        }
        return (remaining, RequestTimeout) switch
        {
            ({ } left, { } call) => left < call ? left : call,
            ({ } left, null) => left,
            (null, { } call) => call,
            _ => System.Threading.Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>The error of a job that ran out of time.</summary>
    public OpenRouterTimeoutException Exceeded(Exception? cause = null)
    {
        var message = string.Create(CultureInfo.InvariantCulture,
            $"OpenRouter video generation timed out: the job did not end within {Timeout.GetValueOrDefault().TotalMilliseconds:0} ms (overall deadline)");
        var exception = cause is null
            ? new OpenRouterTimeoutException(message) { Kind = OpenRouterTimeoutKind.Deadline }
            : new OpenRouterTimeoutException(message, cause) { Kind = OpenRouterTimeoutKind.Deadline };
        _raised = exception;
        return exception;
    }

    /// <summary>Whether <paramref name="exception"/> is the error <see cref="Exceeded"/> made (so it is not wrapped twice).</summary>
    public bool Raised(Exception exception) => ReferenceEquals(exception, _raised);
}
