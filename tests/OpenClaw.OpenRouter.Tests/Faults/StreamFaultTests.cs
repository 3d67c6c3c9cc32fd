using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Reasoning;

namespace OpenClaw.OpenRouter.Tests.Faults;

/// <summary>
/// Faults inside a started stream (OpenRouter API §2.4, provider spec §14.1–§14.3). A failure after the first byte is never
/// retried, even with retries on and a transient code, and its exception keeps exactly what had arrived: the same text the
/// caller was already handed in updates. The benign shapes complete with the answer read correctly.
/// </summary>
public sealed class StreamFaultTests
{
    [Theory]
    // fault, chunks before the error, type, error.code, error.message (the exception's message: in-band errors carry no status prefix)
    [InlineData("mid-stream-error", 2, typeof(OpenRouterServerException), 502, "Provider returned error", "provider_unavailable")]
    [InlineData("mid-stream-error; after=2; done=true", 2, typeof(OpenRouterServerException), 502, "Provider returned error", "provider_unavailable")]
    [InlineData("mid-stream-error; after=0; code=503", 0, typeof(OpenRouterServerException), 503, "Service temporarily unavailable", "provider_overloaded")]
    [InlineData("mid-stream-error; after=1; code=400; done=true", 1, typeof(OpenRouterBadRequestException), 400, "Invalid request parameters", "invalid_request")]
    [InlineData("mid-stream-error; after=3; code=402", 3, typeof(OpenRouterPaymentRequiredException), 402,
        "Insufficient credits. Add more using https://openrouter.ai/credits", "payment_required")]
    [InlineData("mid-stream-error; after=3; code=429; message=Rate limit exceeded", 3, typeof(OpenRouterRateLimitException), 429, "Rate limit exceeded", "rate_limit_exceeded")]
    [InlineData("mid-stream-error; after=4; code=524", 4, typeof(OpenRouterTimeoutException), 524, "Edge timeout", "timeout")]
    [InlineData("mid-stream-error; after=5; code=529; done=true", 5, typeof(OpenRouterServerException), 529, "Provider overloaded", "provider_overloaded")]
    public async Task A_mid_stream_error_is_typed_never_retried_and_keeps_the_partial_answer(
        string fault, int after, Type type, int code, string message, string errorType)
    {
        await using var rig = await FaultRig.StartAsync();
        rig.Enqueue(fault);
        var seen = new List<OpenRouterChatUpdate>();

        var error = await Assert.ThrowsAnyAsync<OpenRouterException>(() => FaultRig.StreamAsync(rig.Retrying, FaultRig.Request(), seen));

        Assert.IsType(type, error);
        Assert.Equal(code, error.Code);
        Assert.Equal(message, error.Message);
        Assert.Equal(message, error.ErrorMessage);
        // In-band: the stream's HTTP 200 is kept, and the message carries no status prefix.
        Assert.Equal(200, error.StatusCode);
        Assert.True(error.Details.InBand);
        Assert.Equal("Emulator", error.ProviderName);
        Assert.Equal(errorType, error.Metadata!["error_type"]!.GetValue<string>());
        Assert.Null(error.RetryAfter);
        Assert.Equal(OpenRouterException.IsTransientStatus(code), error.IsTransient);
        if (error is OpenRouterTimeoutException timeout)
        {
            Assert.Null(timeout.Kind);
        }
        // Never retried, whatever the code: the stream had started.
        Assert.Equal(1, rig.ChatAttempts);

        var partial = error.PartialResult!;
        Assert.Equal(FaultRig.EchoPrefix(after), partial.Text);
        Assert.Equal(partial.Text, FaultRig.TextOf(seen));
        Assert.DoesNotContain(seen, update => update.Completed is not null);
        Assert.Equal(OpenRouterStopReason.Error, partial.StopReason);
        Assert.Equal(OpenRouterFinishReason.Error, partial.FinishReason);
        Assert.Equal(message, partial.ErrorMessage);
        Assert.StartsWith("gen-", partial.Id, StringComparison.Ordinal);
        Assert.Equal(partial.Id, error.GenerationId);
        Assert.All(seen, update => Assert.Equal(partial.Id, update.ResponseId));
        Assert.Equal(FaultRig.EchoModel, partial.Model);
        Assert.Null(partial.Usage);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(5)]
    public async Task A_dropped_connection_is_a_network_error_never_retried_with_the_partial_answer(int after)
    {
        await using var rig = await FaultRig.StartAsync();
        rig.Enqueue($"drop; after={after}");
        var seen = new List<OpenRouterChatUpdate>();

        var error = await Assert.ThrowsAsync<OpenRouterNetworkException>(() => FaultRig.StreamAsync(rig.Retrying, FaultRig.Request(), seen));

        Assert.Equal(OpenRouterNetworkException.NetworkFailureMessage, error.Message);
        Assert.False(error.BeforeResponse);
        Assert.False(error.IsTransient);
        Assert.NotNull(error.InnerException);
        Assert.Equal(1, rig.ChatAttempts);
        var partial = error.PartialResult!;
        Assert.Equal(FaultRig.EchoPrefix(after), partial.Text);
        Assert.Equal(partial.Text, FaultRig.TextOf(seen));
        Assert.Null(partial.FinishReason);
        Assert.Null(partial.Usage);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public async Task A_stalled_stream_is_abandoned_by_the_idle_watchdog_never_retried_with_the_partial_answer(int after)
    {
        await using var rig = await FaultRig.StartAsync(options => options.StreamIdleTimeout = TimeSpan.FromMilliseconds(500));
        rig.Enqueue($"stall; after={after}");
        var seen = new List<OpenRouterChatUpdate>();

        var error = await Assert.ThrowsAsync<OpenRouterTimeoutException>(() => FaultRig.StreamAsync(rig.Retrying, FaultRig.Request(), seen));

        Assert.Equal(OpenRouterTimeoutKind.StreamIdle, error.Kind);
        Assert.Equal("OpenRouter sent nothing for 0.5 s; the stream was abandoned.", error.Message);
        Assert.False(error.IsTransient);
        Assert.Null(error.StatusCode);
        Assert.Equal(1, rig.ChatAttempts);
        var partial = error.PartialResult!;
        Assert.Equal(FaultRig.EchoPrefix(after), partial.Text);
        Assert.Equal(partial.Text, FaultRig.TextOf(seen));
        Assert.Null(partial.FinishReason);
    }

    [Fact]
    public async Task A_stall_that_ends_in_a_closed_connection_is_a_network_error_with_the_partial_answer()
    {
        await using var rig = await FaultRig.StartAsync(options => options.StreamIdleTimeout = TimeSpan.FromSeconds(5));
        rig.Enqueue("stall; after=2; ms=200");
        var seen = new List<OpenRouterChatUpdate>();

        var error = await Assert.ThrowsAsync<OpenRouterNetworkException>(() => FaultRig.StreamAsync(rig.Retrying, FaultRig.Request(), seen));

        Assert.False(error.BeforeResponse);
        Assert.Equal(1, rig.ChatAttempts);
        Assert.Equal(FaultRig.EchoPrefix(2), error.PartialResult!.Text);
        Assert.Equal(FaultRig.EchoPrefix(2), FaultRig.TextOf(seen));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(5)]
    public async Task One_broken_stream_event_is_skipped_and_the_answer_completes(int after)
    {
        await using var rig = await FaultRig.StartAsync();
        rig.Enqueue($"malformed-json; after={after}");
        var seen = new List<OpenRouterChatUpdate>();

        var result = await FaultRig.StreamAsync(rig.Retrying, FaultRig.Request(), seen);

        Assert.Equal(FaultRig.EchoAnswer, result.Text);
        Assert.Equal(FaultRig.EchoAnswer, FaultRig.TextOf(seen));
        Assert.Equal(OpenRouterStopReason.Stop, result.StopReason);
        Assert.NotNull(result.Usage);
        Assert.Equal(1, rig.ChatAttempts);
    }

    [Fact]
    public async Task A_stream_cut_off_for_length_keeps_the_partial_text_with_stop_reason_length()
    {
        await using var rig = await FaultRig.StartAsync();
        rig.Enqueue("length");
        var seen = new List<OpenRouterChatUpdate>();

        var result = await FaultRig.StreamAsync(rig.Retrying, FaultRig.Request(), seen);

        // The emulator cuts the answer in half: "Echo: alpha be".
        var half = FaultRig.EchoAnswer[..(FaultRig.EchoAnswer.Length / 2)];
        Assert.Equal(half, result.Text);
        Assert.Equal(half, FaultRig.TextOf(seen));
        Assert.Equal(OpenRouterStopReason.Length, result.StopReason);
        Assert.Equal(OpenRouterFinishReason.Length, result.FinishReason);
        Assert.Equal("length", result.NativeFinishReason);
        Assert.Null(result.ErrorMessage);
        Assert.NotNull(result.Usage);
        Assert.Equal(1, rig.ChatAttempts);
    }

    [Fact]
    public async Task A_null_finish_reason_followed_by_DONE_is_a_normal_stop()
    {
        await using var rig = await FaultRig.StartAsync();
        rig.Enqueue("null-finish");
        var seen = new List<OpenRouterChatUpdate>();

        var result = await FaultRig.StreamAsync(rig.Retrying, FaultRig.Request(), seen);

        // §14.2: null → stop. [DONE] arrived, so the missing finish_reason is no error (§14.1).
        Assert.Equal(FaultRig.EchoAnswer, result.Text);
        Assert.Equal(FaultRig.EchoAnswer, FaultRig.TextOf(seen));
        Assert.Null(result.FinishReason);
        Assert.Null(result.NativeFinishReason);
        Assert.Equal(OpenRouterStopReason.Stop, result.StopReason);
        Assert.Null(result.ErrorMessage);
        Assert.True(result.Usage?.Cost > 0);
        Assert.Equal(1, rig.ChatAttempts);
    }

    [Fact]
    public async Task A_stream_ending_without_finish_reason_or_DONE_fails_with_the_whole_text_kept()
    {
        await using var rig = await FaultRig.StartAsync();
        rig.Enqueue("no-finish");
        var seen = new List<OpenRouterChatUpdate>();

        var error = await Assert.ThrowsAsync<OpenRouterException>(() => FaultRig.StreamAsync(rig.Retrying, FaultRig.Request(), seen));

        // §14.1: "Stream ended without finish_reason"; every piece had arrived and is kept.
        Assert.Equal("Stream ended without finish_reason", error.Message);
        Assert.Null(error.Code);
        Assert.Null(error.StatusCode);
        Assert.False(error.IsTransient);
        Assert.Equal(1, rig.ChatAttempts);
        var partial = error.PartialResult!;
        Assert.Equal(FaultRig.EchoAnswer, partial.Text);
        Assert.Equal(FaultRig.EchoAnswer, FaultRig.TextOf(seen));
        Assert.Null(partial.FinishReason);
        Assert.Null(partial.Usage);
        Assert.StartsWith("gen-", partial.Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Usage_on_a_chunk_with_empty_choices_is_read()
    {
        await using var rig = await FaultRig.StartAsync();
        rig.Enqueue("usage-empty-choices");
        var seen = new List<OpenRouterChatUpdate>();

        var result = await FaultRig.StreamAsync(rig.Retrying, FaultRig.Request(), seen);

        Assert.Equal(FaultRig.EchoAnswer, result.Text);
        Assert.Equal(OpenRouterFinishReason.Stop, result.FinishReason);
        Assert.Equal(OpenRouterStopReason.Stop, result.StopReason);
        var usage = result.Usage!;
        Assert.True(usage.PromptTokens > 0);
        Assert.True(usage.CompletionTokens > 0);
        Assert.True(usage.Cost > 0);
        Assert.Equal(OpenRouterUsage.ProviderBilled, usage.CostOrigin);
        // Handed to the caller once, on the update of the chunk that carried it.
        var announced = Assert.Single(seen, update => update.Usage is not null).Usage!;
        Assert.Equal((usage.PromptTokens, usage.CompletionTokens, usage.Cost), (announced.PromptTokens, announced.CompletionTokens, announced.Cost));
        Assert.Equal(1, rig.ChatAttempts);
    }

    [Theory]
    // OpenAI-family reasoning_details are summaries, so the thinking text comes from reasoning_content itself.
    [InlineData("openai/gpt-5.5", "reasoning_content")]
    // reasoning.text details win over the plain fields (§12.1), whatever the plain field is called.
    [InlineData("emulator/reasoning", "reasoning_details")]
    public async Task Reasoning_sent_as_reasoning_content_is_read_as_thinking(string model, string sourceField)
    {
        await using var rig = await FaultRig.StartAsync();
        rig.Enqueue("reasoning-content", model: model);
        var seen = new List<OpenRouterChatUpdate>();
        var request = FaultRig.Request(model) with { Thinking = ThinkingLevel.Medium };

        var result = await FaultRig.StreamAsync(rig.Retrying, request, seen);

        var thinking = $"The user wrote \"{FaultRig.Prompt}\". I will answer directly.";
        Assert.Equal([new ThinkingBlock(thinking, sourceField)], result.Thinking);
        Assert.Equal(thinking, string.Concat(seen.Select(update => update.Thinking?.Text)));
        Assert.All(seen.Where(update => update.Thinking is not null), update => Assert.Equal(sourceField, update.Thinking!.SourceField));
        Assert.Equal(FaultRig.EchoAnswer, result.Text);
        Assert.Equal(OpenRouterStopReason.Stop, result.StopReason);
        Assert.Equal(1, rig.ChatAttempts);
    }

    [Fact]
    public async Task A_slow_stream_with_keep_alives_between_chunks_completes_although_it_outlasts_the_idle_limit()
    {
        // Seven chunks, 200 ms apart (1.4 s in all), with an idle limit of 600 ms: every keep-alive and chunk resets it.
        await using var rig = await FaultRig.StartAsync(options => options.StreamIdleTimeout = TimeSpan.FromMilliseconds(600));
        rig.Enqueue("slow-stream; interval-ms=200");
        var seen = new List<OpenRouterChatUpdate>();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = await FaultRig.StreamAsync(rig.Retrying, FaultRig.Request(), seen);

        Assert.True(clock.Elapsed > TimeSpan.FromMilliseconds(600), $"the stream took {clock.Elapsed}");
        Assert.Equal(FaultRig.EchoAnswer, result.Text);
        Assert.Equal(FaultRig.EchoPieces, seen.Where(update => update.Text is not null).Select(update => update.Text!));
        Assert.Equal(OpenRouterStopReason.Stop, result.StopReason);
        Assert.NotNull(result.Usage);
        Assert.Equal(1, rig.ChatAttempts);
    }
}
