using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace OpenClaw.OpenRouter.Tests.Videos;

/// <summary>
/// A fake clock that knows when the code under test starts a <c>Task.Delay</c> on it (a poll pause), so a test can advance
/// time exactly when the job waits — no real sleeps, no guessing. Time limits (<c>CancellationTokenSource</c> timers) are
/// created on it too but never advanced for: they fire only when a test moves the clock on purpose.
/// </summary>
internal sealed class VideoClock : FakeTimeProvider
{
    public static readonly DateTimeOffset StartTime = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private readonly Channel<TimeSpan> _pending = Channel.CreateUnbounded<TimeSpan>();
    private readonly List<TimeSpan> _delays = [];

    public VideoClock() : base(StartTime)
    {
    }

    /// <summary>Every pause the code under test waited for, in order.</summary>
    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (_delays)
            {
                return [.. _delays];
            }
        }
    }

    /// <summary>How far the clock has moved since <see cref="Start"/>.</summary>
    public TimeSpan Moved => GetUtcNow() - StartTime;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        // A CancellationTokenSource passes itself as the timer state; everything else here is a Task.Delay.
        if (state is not CancellationTokenSource && dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_delays)
            {
                _delays.Add(dueTime);
            }
            _pending.Writer.TryWrite(dueTime);
        }
        return timer;
    }

    /// <summary>Waits until <paramref name="task"/> starts its next pause (without moving the clock) and returns its length.</summary>
    public async Task<TimeSpan> NextDelayAsync(Task task)
    {
        var next = _pending.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask();
        if (await Task.WhenAny(task, next) == task)
        {
            await task;
            Assert.Fail("The task ended without pausing.");
        }
        return await next;
    }

    /// <summary>Waits for <paramref name="task"/>, moving the clock on by each pause as soon as the task starts waiting on it.</summary>
    public async Task<T> DriveAsync<T>(Task<T> task)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        while (true)
        {
            var waiting = _pending.Reader.WaitToReadAsync(cancellationToken).AsTask();
            if (await Task.WhenAny(task, waiting) == task)
            {
                return await task;
            }
            while (_pending.Reader.TryRead(out var pause))
            {
                Advance(pause);
            }
        }
    }
}
