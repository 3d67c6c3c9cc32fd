using Microsoft.Extensions.Time.Testing;

namespace OpenClaw.Tests.Shared;

/// <summary>
/// A <see cref="FakeTimeProvider"/> on which short waits — a video job's pause between polls — pass at once: a one-shot timer
/// due within <see cref="MaxSleep"/> advances the clock by its due time as soon as it is created. Longer timers (request
/// time limits, the job's deadline) only fire when a test advances <see cref="Clock"/> itself. Elapsed times read from it are
/// exact and repeatable, and no test waits for real.
/// </summary>
internal sealed class SleepSkippingTimeProvider(DateTimeOffset start, TimeSpan maxSleep) : TimeProvider
{
    public SleepSkippingTimeProvider()
        : this(new DateTimeOffset(2026, 11, 24, 10, 15, 0, TimeSpan.Zero), TimeSpan.FromSeconds(5))
    {
    }

    public FakeTimeProvider Clock { get; } = new(start);

    public TimeSpan MaxSleep { get; } = maxSleep;

    public override DateTimeOffset GetUtcNow() => Clock.GetUtcNow();

    public override long GetTimestamp() => Clock.GetTimestamp();

    public override long TimestampFrequency => Clock.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => Clock.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = Clock.CreateTimer(callback, state, dueTime, period);
        if (dueTime > TimeSpan.Zero && dueTime <= MaxSleep && period == Timeout.InfiniteTimeSpan)
        {
            // Not inline: the caller has not stored its timer yet.
            _ = Task.Run(() => Clock.Advance(dueTime));
        }
        return timer;
    }
}
