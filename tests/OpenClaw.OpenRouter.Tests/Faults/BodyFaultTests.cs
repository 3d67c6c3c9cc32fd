using System.Text.Json;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Errors;

namespace OpenClaw.OpenRouter.Tests.Faults;

/// <summary>
/// Faults in an answer that arrived with HTTP 200 as one JSON body (OpenRouter API §2.3), mostly non-streamed: an error inside
/// the body (also when a stream was asked for), a body that is cut, broken, late or padded. Once a response is accepted nothing
/// is sent again, even with retries on.
/// </summary>
public sealed class BodyFaultTests
{
    [Fact]
    public async Task A_choice_error_inside_a_200_is_typed_never_retried_and_keeps_the_partial_answer()
    {
        await using var rig = await FaultRig.StartAsync();
        rig.Enqueue("choice-error-200");

        var error = await Assert.ThrowsAsync<OpenRouterServerException>(() => FaultRig.CompleteAsync(rig.Retrying));

        Assert.Equal(502, error.Code);
        Assert.Equal("Provider returned error", error.Message);
        Assert.Equal("Provider returned error", error.ErrorMessage);
        Assert.Equal(200, error.StatusCode);
        Assert.True(error.Details.InBand);
        Assert.Equal("Emulator", error.ProviderName);
        Assert.Null(error.RetryAfter);
        Assert.Equal(1, rig.ChatAttempts);
        // The emulator interrupts the answer halfway: "Echo: alpha be".
        var partial = error.PartialResult!;
        Assert.Equal(FaultRig.EchoAnswer[..(FaultRig.EchoAnswer.Length / 2)], partial.Text);
        Assert.Equal(OpenRouterStopReason.Error, partial.StopReason);
        Assert.Equal(OpenRouterFinishReason.Error, partial.FinishReason);
        Assert.Equal("error", partial.NativeFinishReason);
        Assert.Equal("Provider returned error", partial.ErrorMessage);
        Assert.StartsWith("gen-", partial.Id, StringComparison.Ordinal);
        Assert.Equal(partial.Id, error.GenerationId);
        Assert.Equal(FaultRig.EchoModel, partial.Model);
        Assert.True(partial.Usage?.Cost > 0);
    }

    [Theory]
    [InlineData("error-body-200", typeof(OpenRouterServerException), 502, "Provider returned error", "Emulator", "upstream error")]
    [InlineData("error-body-200; code=429; message=Rate limit exceeded; provider=Venice; raw=slow down", typeof(OpenRouterRateLimitException), 429,
        "Rate limit exceeded", "Venice", "slow down")]
    [InlineData("error-body-200; code=400", typeof(OpenRouterBadRequestException), 400, "Invalid request parameters", "Emulator", "upstream error")]
    [InlineData("error-body-200; code=401", typeof(OpenRouterAuthenticationException), 401, "No auth credentials found", "Emulator", "upstream error")]
    [InlineData("error-body-200; code=402", typeof(OpenRouterPaymentRequiredException), 402,
        "Insufficient credits. Add more using https://openrouter.ai/credits", "Emulator", "upstream error")]
    [InlineData("error-body-200; code=403", typeof(OpenRouterPermissionDeniedException), 403, "Key limit exceeded", "Emulator", "upstream error")]
    [InlineData("error-body-200; code=524", typeof(OpenRouterTimeoutException), 524, "Edge timeout", "Emulator", "upstream error")]
    public async Task An_error_envelope_inside_a_200_is_typed_by_its_code_and_never_retried(string fault, Type type, int code, string message, string provider, string raw)
    {
        await using var rig = await FaultRig.StartAsync();
        rig.Enqueue(fault);

        var error = await Assert.ThrowsAnyAsync<OpenRouterException>(() => FaultRig.CompleteAsync(rig.Retrying));

        // §14.3: "treat as an error with that code/message"; in-band, so the message carries no status prefix.
        Assert.IsType(type, error);
        Assert.Equal(code, error.Code);
        Assert.Equal(message, error.Message);
        Assert.Equal(message, error.ErrorMessage);
        Assert.Equal(200, error.StatusCode);
        Assert.True(error.Details.InBand);
        Assert.Equal(provider, error.ProviderName);
        Assert.Equal(raw, error.RawError);
        Assert.Equal(1, rig.ChatAttempts);
        Assert.Null(error.GenerationId);
        Assert.Equal("", error.PartialResult!.Text);
    }

    [Fact]
    public async Task An_error_envelope_inside_a_200_answering_a_stream_request_is_the_same_typed_error()
    {
        await using var rig = await FaultRig.StartAsync();
        rig.Enqueue("error-body-200; code=502");
        var seen = new List<OpenRouterChatUpdate>();

        var error = await Assert.ThrowsAsync<OpenRouterServerException>(() => FaultRig.StreamAsync(rig.Retrying, FaultRig.Request(), seen));

        Assert.Equal(502, error.Code);
        Assert.Equal("Provider returned error", error.Message);
        Assert.Equal("Emulator", error.ProviderName);
        Assert.Equal("upstream error", error.RawError);
        Assert.Equal(200, error.StatusCode);
        Assert.True(error.Details.InBand);
        Assert.Equal(1, rig.ChatAttempts);
        Assert.Equal("", FaultRig.TextOf(seen));
    }

    [Fact]
    public async Task A_body_cut_off_for_length_keeps_the_partial_text_with_stop_reason_length()
    {
        await using var rig = await FaultRig.StartAsync();
        rig.Enqueue("length");

        var result = await FaultRig.CompleteAsync(rig.Retrying);

        Assert.Equal(FaultRig.EchoAnswer[..(FaultRig.EchoAnswer.Length / 2)], result.Text);
        Assert.Equal(OpenRouterStopReason.Length, result.StopReason);
        Assert.Equal(OpenRouterFinishReason.Length, result.FinishReason);
        Assert.NotNull(result.Usage);
        Assert.Equal(1, rig.ChatAttempts);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_an_error_and_never_retried()
    {
        await using var rig = await FaultRig.StartAsync();
        rig.Enqueue("malformed-json");

        var error = await Assert.ThrowsAsync<OpenRouterException>(() => FaultRig.CompleteAsync(rig.Retrying));

        Assert.Equal("OpenRouter returned a body that is not JSON.", error.Message);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
        Assert.Null(error.StatusCode);
        Assert.False(error.IsTransient);
        Assert.Equal(1, rig.ChatAttempts);
    }

    [Fact]
    public async Task A_body_whose_connection_drops_halfway_is_a_network_error_and_never_retried()
    {
        await using var rig = await FaultRig.StartAsync();
        rig.Enqueue("drop");

        var error = await Assert.ThrowsAsync<OpenRouterNetworkException>(() => FaultRig.CompleteAsync(rig.Retrying));

        Assert.Equal(OpenRouterNetworkException.NetworkFailureMessage, error.Message);
        Assert.False(error.BeforeResponse);
        Assert.False(error.IsTransient);
        Assert.Equal(1, rig.ChatAttempts);
    }

    [Fact]
    public async Task A_body_that_stalls_halfway_is_abandoned_by_the_idle_watchdog_and_never_retried()
    {
        await using var rig = await FaultRig.StartAsync(options => options.StreamIdleTimeout = TimeSpan.FromMilliseconds(500));
        rig.Enqueue("stall");

        var error = await Assert.ThrowsAsync<OpenRouterTimeoutException>(() => FaultRig.CompleteAsync(rig.Retrying));

        Assert.Equal(OpenRouterTimeoutKind.StreamIdle, error.Kind);
        Assert.Equal("OpenRouter sent nothing for 0.5 s; the stream was abandoned.", error.Message);
        Assert.False(error.IsTransient);
        Assert.Equal(1, rig.ChatAttempts);
    }

    [Fact]
    public async Task Leading_white_space_before_a_JSON_body_is_skipped()
    {
        await using var rig = await FaultRig.StartAsync();
        rig.Enqueue("oversize; bytes=1048576");

        var result = await FaultRig.CompleteAsync(rig.Retrying);

        Assert.Equal(FaultRig.EchoAnswer, result.Text);
        Assert.Equal(OpenRouterStopReason.Stop, result.StopReason);
        Assert.StartsWith("gen-", result.Id, StringComparison.Ordinal);
        Assert.True(result.Usage?.Cost > 0);
        Assert.Equal(1, rig.ChatAttempts);
    }

    [Fact]
    public async Task An_in_band_error_keeps_the_HTTP_200_it_arrived_in()
    {
        await using var rig = await FaultRig.StartAsync();
        rig.Enqueue("mid-stream-error; after=2");
        rig.Enqueue("choice-error-200");

        var streamed = await Assert.ThrowsAsync<OpenRouterServerException>(() => FaultRig.StreamAsync(rig.Client));
        var whole = await Assert.ThrowsAsync<OpenRouterServerException>(() => FaultRig.CompleteAsync(rig.Client));

        // OpenRouterException.StatusCode: "a mid-stream error keeps the stream's 200"; the message stays OpenRouter's, unprefixed.
        Assert.All([streamed, whole], error =>
        {
            Assert.Equal(200, error.StatusCode);
            Assert.Equal(502, error.Code);
            Assert.Equal("Provider returned error", error.Message);
        });
    }
}
