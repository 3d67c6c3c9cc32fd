using OpenClaw.OpenRouter.Emulator;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Videos;

namespace OpenClaw.OpenRouter.Tests.Videos;

/// <summary>When polls happen, how many, and the time limits of a job — all on the fake clock.</summary>
public sealed class VideoPollingTests
{
    [Fact]
    public async Task The_first_poll_is_immediate_and_the_next_ones_follow_the_interval_exactly()
    {
        await using var rig = await VideoRig.StartAsync(pollsToComplete: 3);

        await rig.RunAsync(VideoRig.SpecExample);

        var pollTimes = PollTimes(rig);
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)], pollTimes);
        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)], rig.Clock.Delays);
        Assert.Equal(TimeSpan.FromSeconds(10), rig.Clock.Moved);
    }

    [Fact]
    public async Task A_custom_interval_is_used_between_polls()
    {
        await using var rig = await VideoRig.StartAsync(pollsToComplete: 3);

        await rig.RunAsync(VideoRig.SpecExample with { PollInterval = TimeSpan.FromMilliseconds(1500) });

        Assert.Equal([TimeSpan.Zero, TimeSpan.FromMilliseconds(1500), TimeSpan.FromMilliseconds(3000)], PollTimes(rig));
    }

    [Fact]
    public async Task No_poll_is_sent_before_the_interval_has_elapsed()
    {
        await using var rig = await VideoRig.StartAsync();
        var job = rig.Client.GenerateVideoAsync(VideoRig.SpecExample, cancellationToken: TestContext.Current.CancellationToken);

        // Let the job reach its first pause, then stop the clock 1 ms short of it.
        Assert.Equal(TimeSpan.FromSeconds(5), await rig.Clock.NextDelayAsync(job));
        rig.Clock.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromMilliseconds(1));
        var pollsBefore = rig.Polls.Count;
        rig.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var result = await rig.Clock.DriveAsync(job);

        Assert.Equal(1, pollsBefore);
        Assert.Equal(2, result.Polls);
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(5)], PollTimes(rig));
    }

    [Fact]
    public async Task A_job_that_never_finishes_is_polled_exactly_max_polls_times()
    {
        await using var rig = await VideoRig.StartAsync();
        rig.Emulator.Faults.Enqueue(FaultNames.VideoNeverFinishes, "/videos");

        var error = await Assert.ThrowsAsync<OpenRouterVideoJobException>(() => rig.RunAsync(VideoRig.SpecExample with { MaxPolls = 4 }));

        Assert.Equal("OpenRouter video generation did not finish in time", error.Message);
        Assert.Equal("in_progress", error.Status);
        Assert.StartsWith("job-emu", error.JobId, StringComparison.Ordinal);
        Assert.Equal(4, rig.Polls.Count);
        Assert.Equal(TimeSpan.FromSeconds(15), rig.Clock.Moved); // (4 − 1) × 5 s: no pause after the last poll
        Assert.Empty(rig.Downloads);
    }

    [Fact]
    public async Task With_the_defaults_a_job_that_never_finishes_gets_120_polls_over_595_seconds()
    {
        await using var rig = await VideoRig.StartAsync();
        rig.Emulator.Faults.Enqueue(FaultNames.VideoNeverFinishes, "/videos");

        var error = await Assert.ThrowsAsync<OpenRouterVideoJobException>(() => rig.RunAsync(VideoRig.SpecExample));

        Assert.Equal("OpenRouter video generation did not finish in time", error.Message);
        Assert.Equal(OpenRouterVideoModels.DefaultMaxPolls, rig.Polls.Count);
        Assert.Equal(TimeSpan.FromSeconds(595), rig.Clock.Moved);
    }

    [Fact]
    public async Task The_overall_deadline_ends_a_job_waiting_between_polls()
    {
        await using var rig = await VideoRig.StartAsync();
        rig.Emulator.Faults.Enqueue(FaultNames.VideoNeverFinishes, "/videos");

        var error = await Assert.ThrowsAsync<OpenRouterTimeoutException>(() => rig.RunAsync(VideoRig.SpecExample with { Timeout = TimeSpan.FromSeconds(12) }));

        Assert.Equal(OpenRouterTimeoutKind.Deadline, error.Kind);
        Assert.Equal("OpenRouter video generation timed out: the job did not end within 12000 ms (overall deadline)", error.Message);
        Assert.Equal(3, rig.Polls.Count); // at 0, 5 and 10 s; the pause after the third ends at 12 s
        Assert.Empty(rig.Downloads);
    }

    [Fact]
    public async Task The_overall_deadline_ends_a_call_in_flight()
    {
        await using var rig = await VideoRig.StartAsync();
        rig.Handler.OnSending = request =>
        {
            if (request.Method == HttpMethod.Get && request.RequestUri!.AbsolutePath.Contains("/videos/job-", StringComparison.Ordinal))
            {
                rig.Clock.Advance(TimeSpan.FromSeconds(30)); // the whole job's time passes while the poll is on its way
            }
        };

        var error = await Assert.ThrowsAsync<OpenRouterTimeoutException>(() => rig.RunAsync(VideoRig.SpecExample with { Timeout = TimeSpan.FromSeconds(30) }));

        Assert.Equal(OpenRouterTimeoutKind.Deadline, error.Kind);
        Assert.Equal("OpenRouter video generation timed out: the job did not end within 30000 ms (overall deadline)", error.Message);
    }

    [Fact]
    public async Task Each_call_has_its_own_limit_within_the_deadline()
    {
        await using var rig = await VideoRig.StartAsync();
        rig.Handler.OnSending = request =>
        {
            if (request.Method == HttpMethod.Get && request.RequestUri!.AbsolutePath.Contains("/videos/job-", StringComparison.Ordinal))
            {
                rig.Clock.Advance(TimeSpan.FromSeconds(2));
            }
        };

        var error = await Assert.ThrowsAsync<OpenRouterTimeoutException>(() => rig.RunAsync(VideoRig.SpecExample with { RequestTimeout = TimeSpan.FromSeconds(2) }));

        Assert.Equal(OpenRouterTimeoutKind.Deadline, error.Kind);
        Assert.Equal("OpenRouter video status request failed: no answer within 2000 ms", error.Message);
    }

    [Fact]
    public async Task A_call_late_in_the_job_gets_only_what_is_left_of_the_deadline()
    {
        await using var rig = await VideoRig.StartAsync(pollsToComplete: 3);
        var pollAt = 0;
        rig.Handler.OnSending = request =>
        {
            if (request.Method == HttpMethod.Get && request.RequestUri!.AbsolutePath.Contains("/videos/job-", StringComparison.Ordinal) && ++pollAt == 3)
            {
                rig.Clock.Advance(TimeSpan.FromSeconds(2)); // at 10 s of 12: the call's limit is the 2 s left, not 60 s
            }
        };

        var error = await Assert.ThrowsAsync<OpenRouterTimeoutException>(() => rig.RunAsync(VideoRig.SpecExample with { Timeout = TimeSpan.FromSeconds(12) }));

        Assert.Equal("OpenRouter video generation timed out: the job did not end within 12000 ms (overall deadline)", error.Message);
        Assert.Equal(TimeSpan.FromSeconds(12), rig.Clock.Moved);
    }

    [Fact]
    public async Task Infinite_limits_mean_none_and_the_polls_still_end()
    {
        await using var rig = await VideoRig.StartAsync(pollsToComplete: 3);
        var request = VideoRig.SpecExample with { Timeout = Timeout.InfiniteTimeSpan, RequestTimeout = Timeout.InfiniteTimeSpan, PollInterval = TimeSpan.FromDays(40) };

        var result = await rig.RunAsync(request);

        Assert.Equal(3, result.Polls);
        Assert.Equal(TimeSpan.FromDays(80), rig.Clock.Moved);
    }

    [Fact]
    public async Task Cancelling_the_caller_is_a_cancellation_not_a_timeout()
    {
        await using var rig = await VideoRig.StartAsync();
        rig.Emulator.Faults.Enqueue(FaultNames.VideoNeverFinishes, "/videos");
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var job = rig.Client.GenerateVideoAsync(VideoRig.SpecExample, cancellationToken: cancellation.Token);
        await rig.Clock.NextDelayAsync(job);

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => job);
    }

    private static List<TimeSpan> PollTimes(VideoRig rig) =>
    [
        .. rig.Handler.Sent
            .Where(sent => sent.Method == HttpMethod.Get && sent.Url.AbsolutePath.Contains("/videos/job-", StringComparison.Ordinal)
                && !sent.Url.AbsolutePath.EndsWith("/content", StringComparison.Ordinal))
            .Select(sent => sent.At - VideoClock.StartTime),
    ];
}
