using System.Diagnostics;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Errors;

namespace OpenClaw.OpenRouter.Tests.Faults;

/// <summary><c>slow-first-byte</c>: a late answer is waited for up to the time-to-headers limit; past it, the attempt is a
/// timeout before any byte, which is transient and retried when retries are on.</summary>
public sealed class WaitingFaultTests
{
    [Fact]
    public async Task A_late_first_byte_within_the_headers_limit_is_waited_for()
    {
        await using var rig = await FaultRig.StartAsync(options => options.ResponseHeadersTimeout = TimeSpan.FromSeconds(5));
        rig.Enqueue("slow-first-byte; ms=300");
        var seen = new List<OpenRouterChatUpdate>();
        var clock = Stopwatch.StartNew();

        var result = await FaultRig.StreamAsync(rig.Client, FaultRig.Request(), seen);

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(250), $"answered after {clock.Elapsed}");
        Assert.Equal(FaultRig.EchoAnswer, result.Text);
        Assert.Equal(FaultRig.EchoAnswer, FaultRig.TextOf(seen));
        Assert.Equal(1, rig.ChatAttempts);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_first_byte_later_than_the_headers_limit_is_a_timeout_retried_when_retries_are_enabled(bool stream)
    {
        await using var rig = await FaultRig.StartAsync(options => options.ResponseHeadersTimeout = TimeSpan.FromMilliseconds(600));
        Task<OpenRouterChatResult> Call(OpenRouterClient client) => stream ? FaultRig.StreamAsync(client) : FaultRig.CompleteAsync(client);

        // One attempt by default: a timeout before any byte, transient.
        rig.Enqueue("slow-first-byte; ms=10000");
        var error = await Assert.ThrowsAsync<OpenRouterTimeoutException>(() => Call(rig.Client));
        Assert.Equal(OpenRouterTimeoutKind.ResponseHeaders, error.Kind);
        Assert.Equal("OpenRouter did not answer within 0.6 s.", error.Message);
        Assert.True(error.IsTransient);
        Assert.Null(error.StatusCode);
        Assert.Null(error.PartialResult);
        Assert.Equal(1, rig.ChatAttempts);

        // With retries: sent again, and the second attempt answers at once.
        rig.Enqueue("slow-first-byte; ms=10000");
        var result = await Call(rig.Retrying);
        Assert.Equal(FaultRig.EchoAnswer, result.Text);
        Assert.Equal(1 + 2, rig.ChatAttempts);
    }
}
