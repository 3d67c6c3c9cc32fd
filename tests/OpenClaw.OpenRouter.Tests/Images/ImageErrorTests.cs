using Microsoft.Extensions.Time.Testing;
using OpenClaw.OpenRouter.Emulator;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Tests.Support;
using static OpenClaw.OpenRouter.Tests.Images.ImageTestKit;

namespace OpenClaw.OpenRouter.Tests.Images;

/// <summary>How an image generation fails: HTTP errors, errors inside a 200, broken bodies, the time limit and the size cap.</summary>
public sealed class ImageErrorTests
{
    private static async Task<TException> FailsAsync<TException>(ClientHarness harness, string fault)
        where TException : Exception
    {
        harness.Emulator.Faults.Enqueue(fault, "/chat/completions");
        var error = await Assert.ThrowsAnyAsync<TException>(() => GenerateAsync(harness, Request()));
        // Media requests are never retried: every attempt is billed.
        Assert.Single(harness.ChatRequests);
        return error;
    }

    [Theory]
    [InlineData("server-error", typeof(OpenRouterServerException), 500, "OpenRouter image generation failed (HTTP 500): Internal Server Error")]
    [InlineData("bad-gateway", typeof(OpenRouterServerException), 502, "OpenRouter image generation failed (HTTP 502): Provider returned error")]
    [InlineData("unavailable; retry-after=7", typeof(OpenRouterServerException), 503, "OpenRouter image generation failed (HTTP 503): Service temporarily unavailable")]
    [InlineData("rate-limit; retry-after=3", typeof(OpenRouterRateLimitException), 429, "OpenRouter image generation failed (HTTP 429): Rate limit exceeded: free-models-per-min.")]
    [InlineData("status; code=400; message=Invalid image_config", typeof(OpenRouterBadRequestException), 400, "OpenRouter image generation failed (HTTP 400): Invalid image_config")]
    [InlineData("status; code=402", typeof(OpenRouterPaymentRequiredException), 402, "OpenRouter image generation failed (HTTP 402): Insufficient credits. Add more using https://openrouter.ai/credits")]
    [InlineData("status; code=404; message=No endpoints found that support the requested output modalities: image, text", typeof(OpenRouterNotFoundException), 404,
        "OpenRouter image generation failed (HTTP 404): No endpoints found that support the requested output modalities: image, text")]
    [InlineData("status; code=408", typeof(OpenRouterTimeoutException), 408, "OpenRouter image generation failed (HTTP 408): Request timed out")]
    public async Task An_http_error_names_the_operation_and_status(string fault, Type type, int status, string message)
    {
        await using var harness = await ClientHarness.StartAsync();

        var error = await FailsAsync<OpenRouterException>(harness, fault);

        Assert.IsType(type, error);
        Assert.Equal(message, error.Message);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal("OpenRouter image generation failed", error.Details.Operation);
        Assert.False(error.Details.InBand);
    }

    [Fact]
    public async Task A_retry_after_and_the_provider_stay_on_the_error()
    {
        await using var harness = await ClientHarness.StartAsync();

        var error = await FailsAsync<OpenRouterRateLimitException>(harness, "rate-limit; upstream=true; provider=Venice; retry-after=16");

        Assert.Equal("OpenRouter image generation failed (HTTP 429): Provider returned error", error.Message);
        Assert.Equal(TimeSpan.FromSeconds(16), error.RetryAfter);
        Assert.Equal("Venice", error.ProviderName);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task An_unknown_key_is_an_authentication_error()
    {
        await using var harness = await ClientHarness.StartAsync(configure: options => options.ApiKey = "sk-or-v1-unknown");

        var error = await Assert.ThrowsAsync<OpenRouterAuthenticationException>(() => GenerateAsync(harness, Request()));

        Assert.Equal("OpenRouter image generation failed (HTTP 401): User not found.", error.Message);
    }

    [Theory]
    [InlineData("error-body-200", typeof(OpenRouterServerException), 502, "Provider returned error")]
    [InlineData("error-body-200; code=429; message=Rate limit exceeded; provider=Venice", typeof(OpenRouterRateLimitException), 429, "Rate limit exceeded")]
    [InlineData("error-body-200; code=400; message=Image generation is not available", typeof(OpenRouterBadRequestException), 400, "Image generation is not available")]
    public async Task An_error_inside_a_200_is_typed_by_its_code(string fault, Type type, int code, string message)
    {
        await using var harness = await ClientHarness.StartAsync();

        var error = await FailsAsync<OpenRouterException>(harness, fault);

        Assert.IsType(type, error);
        Assert.Equal($"OpenRouter image generation failed (HTTP 200): {message}", error.Message);
        Assert.Equal(message, error.ErrorMessage);
        Assert.Equal(code, error.Code);
        Assert.Equal(200, error.StatusCode);
        Assert.True(error.Details.InBand);
    }

    [Fact]
    public async Task A_choice_error_inside_a_200_is_typed_and_keeps_the_generation_id()
    {
        await using var harness = await ClientHarness.StartAsync();

        var error = await FailsAsync<OpenRouterServerException>(harness, "choice-error-200");

        Assert.Equal("OpenRouter image generation failed (HTTP 200): Provider returned error", error.Message);
        Assert.Equal(502, error.Code);
        // The emulator names the provider that served the interrupted answer.
        Assert.Equal("Google AI Studio", error.ProviderName);
        Assert.StartsWith("gen-", error.GenerationId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_malformed()
    {
        await using var harness = await ClientHarness.StartAsync();

        var error = await FailsAsync<OpenRouterMalformedResponseException>(harness, "malformed-json");

        Assert.Equal("OpenRouter image generation response malformed", error.Message);
    }

    [Fact]
    public async Task A_connection_dropped_halfway_is_a_network_error()
    {
        await using var harness = await ClientHarness.StartAsync();

        var error = await FailsAsync<OpenRouterNetworkException>(harness, "drop");

        Assert.Equal("OpenRouter image generation failed: network connection error.", error.Message);
    }

    [Fact]
    public async Task Whitespace_before_the_body_is_skipped()
    {
        await using var harness = await ClientHarness.StartAsync();
        harness.Emulator.Faults.Enqueue("oversize; bytes=4096", "/chat/completions");

        var result = await GenerateAsync(harness, Request());

        Assert.Equal((64, 64), PngSize(Assert.Single(result.Images).Data));
    }

    [Fact]
    public async Task The_body_may_be_n_times_the_media_cap_and_no_more()
    {
        // 150 KB of padding: over one image's 64 KiB cap, within four images' 256 KiB.
        await using var harness = await ClientHarness.StartAsync(configure: options => options.MediaMaxBytes = 64 * 1024);
        harness.Emulator.Faults.Enqueue("oversize; bytes=150000", "/chat/completions", times: 2);

        var error = await Assert.ThrowsAsync<OpenRouterMalformedResponseException>(() => GenerateAsync(harness, Request(count: 1)));
        var result = await GenerateAsync(harness, Request(count: 4));

        Assert.Equal("OpenRouter image generation failed: the answer is larger than 65536 bytes", error.Message);
        Assert.Equal(4, result.Images.Count);
    }

    [Fact]
    public async Task The_default_time_limit_of_180_seconds_covers_the_whole_call()
    {
        var time = new FakeTimeProvider();
        await using var harness = await ClientHarness.StartAsync(configure: options => options.TimeProvider = time);
        // The emulator sends the headers and half the body, then nothing.
        harness.Emulator.Faults.Enqueue("stall", "/chat/completions");

        var call = GenerateAsync(harness, Request());
        time.Advance(TimeSpan.FromSeconds(180) - TimeSpan.FromMilliseconds(1));
        Assert.False(call.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));

        var error = await Assert.ThrowsAsync<OpenRouterTimeoutException>(() => call);
        Assert.Equal("OpenRouter image generation failed: no answer within 180000 ms", error.Message);
        Assert.Equal(OpenRouterTimeoutKind.Deadline, error.Kind);
    }

    [Fact]
    public async Task The_requests_own_time_limit_wins()
    {
        var time = new FakeTimeProvider();
        await using var harness = await ClientHarness.StartAsync(configure: options => options.TimeProvider = time);
        harness.Emulator.Faults.Enqueue("stall", "/chat/completions");

        var call = GenerateAsync(harness, Request() with { Timeout = TimeSpan.FromSeconds(5) });
        time.Advance(TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<OpenRouterTimeoutException>(() => call);
        Assert.Equal("OpenRouter image generation failed: no answer within 5000 ms", error.Message);
    }

    [Fact]
    public async Task A_time_limit_that_is_not_positive_is_refused()
    {
        await using var harness = await ClientHarness.StartAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => GenerateAsync(harness, Request() with { Timeout = TimeSpan.Zero }));

        Assert.Empty(harness.Emulator.Journal.Entries);
    }

    [Fact]
    public async Task The_callers_cancellation_is_a_cancellation_not_a_timeout()
    {
        await using var harness = await ClientHarness.StartAsync();
        harness.Emulator.Faults.Enqueue("stall", "/chat/completions");
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var call = harness.Client.GenerateImagesAsync(Request(), cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }
}
