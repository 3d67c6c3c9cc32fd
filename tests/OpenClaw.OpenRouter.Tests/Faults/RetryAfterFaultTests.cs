using System.Diagnostics;
using OpenClaw.OpenRouter.Errors;

namespace OpenClaw.OpenRouter.Tests.Faults;

/// <summary>
/// <c>rate-limit</c> and <c>unavailable; retry-after=S</c>: the typed error carries <c>Retry-After</c>, and with retries on the
/// next attempt waits for it instead of the (10 ms) backoff. A wait longer than the client's cap is in <see cref="ClientFaultTests"/>.
/// </summary>
public sealed class RetryAfterFaultTests
{
    [Fact]
    public async Task A_rate_limit_is_typed_with_retry_after_and_the_rate_limit_headers_and_is_retried_after_that_wait()
    {
        await using var rig = await FaultRig.StartAsync();
        var expected = new ExpectedError(typeof(OpenRouterRateLimitException), 429, 429, "429 Rate limit exceeded: free-models-per-min.", "Rate limit exceeded: free-models-per-min.")
        {
            RetryAfter = TimeSpan.FromSeconds(1),
            Transient = true,
        };

        rig.Enqueue("rate-limit");
        var error = await Assert.ThrowsAsync<OpenRouterRateLimitException>(() => FaultRig.StreamAsync(rig.Client));
        expected.AssertMatches(error);
        var headers = Assert.IsType<System.Text.Json.Nodes.JsonObject>(error.Metadata!["headers"]);
        Assert.Equal("20", headers["X-RateLimit-Limit"]!.GetValue<string>());
        Assert.Equal("0", headers["X-RateLimit-Remaining"]!.GetValue<string>());
        Assert.True(long.Parse(headers["X-RateLimit-Reset"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal(1, rig.ChatAttempts);

        await AssertRetriedAfterAsync(rig, "rate-limit; retry-after=1", TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task An_upstream_rate_limit_is_typed_with_the_provider_and_its_raw_error_and_is_retried_after_retry_after()
    {
        await using var rig = await FaultRig.StartAsync();
        var expected = new ExpectedError(typeof(OpenRouterRateLimitException), 429, 429, "429 Provider returned error", "Provider returned error")
        {
            Provider = "Emulator",
            Raw = """{"error":{"message":"Too many requests"}}""",
            RetryAfter = TimeSpan.FromSeconds(1),
            Transient = true,
        };

        rig.Enqueue("rate-limit; retry-after=1; upstream=true");
        var error = await Assert.ThrowsAsync<OpenRouterRateLimitException>(() => FaultRig.StreamAsync(rig.Client));
        expected.AssertMatches(error);
        Assert.Equal(1, error.Metadata!["retry_after_seconds"]!.GetValue<int>());
        Assert.Equal(1, rig.ChatAttempts);

        await AssertRetriedAfterAsync(rig, "rate-limit; retry-after=1; upstream=true", TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Unavailable_with_retry_after_is_typed_and_retried_after_that_wait()
    {
        await using var rig = await FaultRig.StartAsync();
        var expected = new ExpectedError(typeof(OpenRouterServerException), 503, 503, "503 Service temporarily unavailable", "Service temporarily unavailable")
        {
            RetryAfter = TimeSpan.FromSeconds(1),
            Transient = true,
        };

        rig.Enqueue("unavailable; retry-after=1");
        var error = await Assert.ThrowsAsync<OpenRouterServerException>(() => FaultRig.CompleteAsync(rig.Client));
        expected.AssertMatches(error);
        Assert.Equal(1, rig.ChatAttempts);

        await AssertRetriedAfterAsync(rig, "unavailable; retry-after=1", TimeSpan.FromSeconds(1));
    }

    /// <summary>With retries on, the fault once: the second attempt waits for <c>Retry-After</c> (not the 10 ms backoff) and succeeds.</summary>
    private static async Task AssertRetriedAfterAsync(FaultRig rig, string fault, TimeSpan retryAfter)
    {
        var before = rig.ChatAttempts;
        rig.Enqueue(fault);
        var clock = Stopwatch.StartNew();

        var result = await FaultRig.StreamAsync(rig.Retrying);

        Assert.True(clock.Elapsed >= retryAfter - TimeSpan.FromMilliseconds(50), $"retried after {clock.Elapsed}, before Retry-After {retryAfter}");
        Assert.Equal(FaultRig.EchoAnswer, result.Text);
        Assert.Equal(before + 2, rig.ChatAttempts);
    }
}
