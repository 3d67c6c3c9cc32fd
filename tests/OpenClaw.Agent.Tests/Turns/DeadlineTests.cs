using System.Diagnostics;
using OpenClaw.Agent.Sessions;
using OpenClaw.Agent.Tests.Support;
using OpenClaw.Agent.Turns;

namespace OpenClaw.Agent.Tests.Turns;

/// <summary>The turn deadline and the caller's cancellation: either way the session is left exactly as it was.</summary>
public sealed class DeadlineTests
{
    private const string Model = "openrouter/emulator/echo";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_turn_past_its_deadline_times_out_and_commits_nothing()
    {
        await using var harness = await TurnHarness.StartAsync();
        var runner = harness.Runner(harness.Settings(Model, "openrouter/emulator/reasoning"));
        await runner.RunAsync(TurnHarness.Request("before"), cancellationToken: Token);
        var before = await harness.Store.LoadAsync(SessionKey.Main(), Token);
        harness.Emulator.Faults.Enqueue("stall; after=2", "/chat/completions");
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<AgentTurnTimeoutException>(
            () => runner.RunAsync(TurnHarness.Request("never answered") with { Timeout = TimeSpan.FromSeconds(1) }, cancellationToken: Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20));
        Assert.Equal("Agent turn timed out after 1 s; the session is unchanged.", error.Message);
        Assert.Equal(TimeSpan.FromSeconds(1), error.Timeout);
        Assert.IsAssignableFrom<OperationCanceledException>(error.InnerException);
        // The deadline is not a model failure: no fallback was tried.
        Assert.Equal(["emulator/echo", "emulator/echo"], harness.RequestedModels);
        var after = await harness.Store.LoadAsync(SessionKey.Main(), Token);
        Assert.Equal(before.Entry, after.Entry);
        Assert.Equal(2, after.Messages.Count);
    }

    [Fact]
    public async Task The_settings_deadline_applies_when_the_request_has_none()
    {
        await using var harness = await TurnHarness.StartAsync();
        harness.Emulator.Faults.Enqueue("slow-first-byte; ms=5000", "/chat/completions");
        var runner = harness.Runner(harness.Settings(Model) with { TurnTimeout = TimeSpan.FromMilliseconds(500) });

        var error = await Assert.ThrowsAsync<AgentTurnTimeoutException>(() => runner.RunAsync(TurnHarness.Request("hi"), cancellationToken: Token));

        Assert.Equal("Agent turn timed out after 0.5 s; the session is unchanged.", error.Message);
        Assert.Null((await harness.Store.LoadAsync(SessionKey.Main(), Token)).Entry);
    }

    [Fact]
    public async Task Waiting_for_a_busy_session_counts_against_the_deadline()
    {
        await using var harness = await TurnHarness.StartAsync();
        using (await SessionTurnLock.AcquireAsync(harness.SessionsDirectory, SessionKey.Main(), TimeSpan.Zero, Token))
        {
            var error = await Assert.ThrowsAsync<AgentTurnTimeoutException>(() => harness.Runner(harness.Settings(Model))
                .RunAsync(TurnHarness.Request("hi") with { Timeout = TimeSpan.FromMilliseconds(400) }, cancellationToken: Token));

            Assert.Equal("Agent turn timed out after 0.4 s; the session is unchanged.", error.Message);
        }
        Assert.Empty(harness.ChatRequests);
    }

    [Fact]
    public async Task Cancelling_mid_stream_throws_cancellation_and_commits_nothing()
    {
        await using var harness = await TurnHarness.StartAsync();
        var runner = harness.Runner(harness.Settings(Model, "openrouter/emulator/reasoning"));
        await runner.RunAsync(TurnHarness.Request("before"), cancellationToken: Token);
        harness.Emulator.Faults.Enqueue("stall; after=2", "/chat/completions");
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Token);
        // Ctrl+C once the answer has started to arrive.
        var observer = new RecordingObserver { OnFirstText = cancellation.Cancel };

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => runner.RunAsync(TurnHarness.Request("interrupted"), observer, cancellation.Token));

        Assert.IsNotType<AgentTurnTimeoutException>(error);
        Assert.NotEmpty(observer.Text);
        Assert.Empty(observer.Fallbacks);
        Assert.Equal(["emulator/echo", "emulator/echo"], harness.RequestedModels);
        var stored = await harness.StoredAsync();
        Assert.Equal(["before", "Echo: before"], stored.Select(message => message["content"]![0]!["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_token_cancelled_before_the_turn_sends_nothing()
    {
        await using var harness = await TurnHarness.StartAsync();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => harness.Runner(harness.Settings(Model)).RunAsync(TurnHarness.Request("hi"), cancellationToken: cancellation.Token));

        Assert.Empty(harness.ChatRequests);
        Assert.Null((await harness.Store.LoadAsync(SessionKey.Main(), Token)).Entry);
    }
}
