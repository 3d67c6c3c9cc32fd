using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Errors;

namespace OpenClaw.OpenRouter.Tests.Faults;

/// <summary>
/// The emulator's faults that replace the whole answer with an HTTP error before any byte of it (OpenRouter API §6, provider
/// spec §14.3): each one is the right typed error with everything OpenRouter said, one attempt by default; with retries on, the
/// transient ones are sent again (and then succeed) and the client errors never are.
/// </summary>
/// <remarks>
/// The video faults (<c>video-*</c>) are not here: they belong to the video-generation issue. Faults inside a started answer are
/// in <see cref="StreamFaultTests"/> and <see cref="BodyFaultTests"/>; <c>Retry-After</c> waits in <see cref="RetryAfterFaultTests"/>;
/// <c>slow-first-byte</c> in <see cref="WaitingFaultTests"/>; <c>generation-pending</c> in <see cref="GenerationFaultTests"/>.
/// <see cref="FaultCoverageTests"/> checks that no fault is left out.
/// </remarks>
public sealed class ClientFaultTests
{
    private static readonly Dictionary<string, ExpectedError> Transient = new(StringComparer.Ordinal)
    {
        ["server-error"] = new(typeof(OpenRouterServerException), 500, 500, "500 Internal Server Error", "Internal Server Error") { Transient = true },
        ["bad-gateway"] = new(typeof(OpenRouterServerException), 502, 502, "502 Provider returned error", "Provider returned error")
        {
            Provider = "Emulator",
            Raw = "upstream connect error or disconnect/reset before headers",
            Transient = true,
        },
        ["bad-gateway; provider=Venice; raw=upstream 502 from Venice"] = new(typeof(OpenRouterServerException), 502, 502, "502 Provider returned error", "Provider returned error")
        {
            Provider = "Venice",
            Raw = "upstream 502 from Venice",
            Transient = true,
        },
        ["unavailable"] = new(typeof(OpenRouterServerException), 503, 503, "503 Service temporarily unavailable", "Service temporarily unavailable") { Transient = true },
        ["status; code=408"] = new(typeof(OpenRouterTimeoutException), 408, 408, "408 Request timed out", "Request timed out") { Transient = true },
        ["status; code=500; message=Internal Server Error"] = new(typeof(OpenRouterServerException), 500, 500, "500 Internal Server Error", "Internal Server Error") { Transient = true },
        ["status; code=503; message=No instances available"] = new(typeof(OpenRouterServerException), 503, 503, "503 No instances available", "No instances available") { Transient = true },
        ["status; code=504"] = new(typeof(OpenRouterServerException), 504, 504, "504 HTTP 504", "HTTP 504") { Transient = true },
        ["status; code=524"] = new(typeof(OpenRouterTimeoutException), 524, 524, "524 Edge timeout", "Edge timeout") { Transient = true },
        ["status; code=529"] = new(typeof(OpenRouterServerException), 529, 529, "529 Provider overloaded", "Provider overloaded") { Transient = true },
    };

    private static readonly Dictionary<string, ExpectedError> NeverRetried = new(StringComparer.Ordinal)
    {
        ["status; code=400"] = new(typeof(OpenRouterBadRequestException), 400, 400, "400 Invalid request parameters", "Invalid request parameters"),
        ["status; code=400; message=acme/x is not a valid model ID"] = new(typeof(OpenRouterBadRequestException), 400, 400, "400 acme/x is not a valid model ID", "acme/x is not a valid model ID"),
        ["status; code=401"] = new(typeof(OpenRouterAuthenticationException), 401, 401, "401 No auth credentials found", "No auth credentials found"),
        ["status; code=401; message=User not found."] = new(typeof(OpenRouterAuthenticationException), 401, 401, "401 User not found.", "User not found."),
        ["status; code=402"] = new(typeof(OpenRouterPaymentRequiredException), 402, 402,
            "402 Insufficient credits. Add more using https://openrouter.ai/credits", "Insufficient credits. Add more using https://openrouter.ai/credits"),
        ["status; code=403"] = new(typeof(OpenRouterPermissionDeniedException), 403, 403, "403 Key limit exceeded", "Key limit exceeded"),
        ["status; code=404; message=No endpoints found that support tool use"] = new(typeof(OpenRouterNotFoundException), 404, 404,
            "404 No endpoints found that support tool use", "No endpoints found that support tool use"),
        ["status; code=413"] = new(typeof(OpenRouterBadRequestException), 413, 413, "413 Payload too large", "Payload too large"),
        ["status; code=422"] = new(typeof(OpenRouterBadRequestException), 422, 422, "422 Unprocessable request", "Unprocessable request"),
        // Transient, but OpenRouter asks for a longer wait (30 s) than the client is willing to make (MaxDelay 5 s): give up at once.
        ["rate-limit; retry-after=30"] = new(typeof(OpenRouterRateLimitException), 429, 429, "429 Rate limit exceeded: free-models-per-min.", "Rate limit exceeded: free-models-per-min.")
        {
            RetryAfter = TimeSpan.FromSeconds(30),
            Transient = true,
        },
    };

    public static TheoryData<string> TransientFaults => [.. Transient.Keys];

    public static TheoryData<string> NeverRetriedFaults => [.. NeverRetried.Keys];

    [Theory]
    [MemberData(nameof(TransientFaults))]
    public async Task A_transient_error_before_the_first_byte_is_typed_and_retried_when_retries_are_enabled(string fault)
    {
        var expected = Transient[fault];
        await using var rig = await FaultRig.StartAsync();

        // By default one attempt: the typed error with everything OpenRouter said.
        rig.Enqueue(fault);
        var error = await Assert.ThrowsAnyAsync<OpenRouterException>(() => FaultRig.StreamAsync(rig.Client));
        expected.AssertMatches(error);
        Assert.Null(error.GenerationId);
        Assert.Null(error.PartialResult);
        Assert.Equal(1, rig.ChatAttempts);

        // With retries: the same request goes out again and the answer arrives.
        rig.Enqueue(fault);
        var seen = new List<OpenRouterChatUpdate>();
        var result = await FaultRig.StreamAsync(rig.Retrying, FaultRig.Request(), seen);
        Assert.Equal(FaultRig.EchoAnswer, result.Text);
        Assert.Equal(FaultRig.EchoAnswer, FaultRig.TextOf(seen));
        Assert.Equal(1 + 2, rig.ChatAttempts);

        // A fault that outlasts the retries: 1 + 2 attempts, then the same typed error.
        rig.Enqueue(fault, times: 3);
        var last = await Assert.ThrowsAnyAsync<OpenRouterException>(() => FaultRig.StreamAsync(rig.Retrying));
        expected.AssertMatches(last);
        Assert.Equal(3 + 3, rig.ChatAttempts);
        Assert.Empty(rig.Emulator.Faults.Pending);
    }

    [Theory]
    [MemberData(nameof(TransientFaults))]
    public async Task A_transient_error_of_a_non_streamed_call_is_typed_and_retried_the_same_way(string fault)
    {
        var expected = Transient[fault];
        await using var rig = await FaultRig.StartAsync();

        rig.Enqueue(fault);
        var error = await Assert.ThrowsAnyAsync<OpenRouterException>(() => FaultRig.CompleteAsync(rig.Client));
        expected.AssertMatches(error);
        Assert.Equal(1, rig.ChatAttempts);

        rig.Enqueue(fault);
        var result = await FaultRig.CompleteAsync(rig.Retrying);
        Assert.Equal(FaultRig.EchoAnswer, result.Text);
        Assert.Equal(1 + 2, rig.ChatAttempts);
    }

    [Theory]
    [MemberData(nameof(NeverRetriedFaults))]
    public async Task A_client_error_is_typed_and_never_retried(string fault)
    {
        var expected = NeverRetried[fault];
        await using var rig = await FaultRig.StartAsync();
        rig.Enqueue(fault);

        var error = await Assert.ThrowsAnyAsync<OpenRouterException>(() => FaultRig.StreamAsync(rig.Retrying));

        expected.AssertMatches(error);
        Assert.Null(error.GenerationId);
        Assert.Null(error.PartialResult);
        Assert.Equal(1, rig.ChatAttempts);

        // Non-streamed, the same.
        rig.Enqueue(fault);
        var again = await Assert.ThrowsAnyAsync<OpenRouterException>(() => FaultRig.CompleteAsync(rig.Retrying));
        expected.AssertMatches(again);
        Assert.Equal(2, rig.ChatAttempts);
    }
}
