using OpenClaw.Agent.Fallbacks;
using OpenClaw.Agent.Sessions;
using OpenClaw.Agent.Tests.Support;
using OpenClaw.OpenRouter.Errors;

namespace OpenClaw.Agent.Tests.Turns;

/// <summary>
/// Which failures move a turn to the next model (provider spec §19) and which end it, asserted on what the emulator received.
/// The primary is <c>emulator/echo</c>, the fallback <c>emulator/reasoning</c>; faults target the primary only.
/// </summary>
public sealed class FallbackTests
{
    private const string Primary = "openrouter/emulator/echo";
    private const string Fallback = "openrouter/emulator/reasoning";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    // The idle watchdog is short so a stalled stream fails within the test.
    private static Task<TurnHarness> StartAsync() => TurnHarness.StartAsync(configure: options => options.StreamIdleTimeout = TimeSpan.FromMilliseconds(700));

    [Theory]
    [InlineData("rate-limit; retry-after=1", "rate_limit", "429 Rate limit exceeded: free-models-per-min.")]
    [InlineData("status; code=402", "billing", "402 Insufficient credits. Add more using https://openrouter.ai/credits")]
    [InlineData("status; code=403; message=Key limit exceeded", "billing", "403 Key limit exceeded")]
    [InlineData("server-error", "timeout", "500 Internal Server Error")]
    [InlineData("bad-gateway", "timeout", "502 Provider returned error")]
    [InlineData("unavailable", "timeout", "503 Service temporarily unavailable")]
    [InlineData("status; code=408", "timeout", "408 Request timed out")]
    [InlineData("status; code=504; message=Gateway timeout", "timeout", "504 Gateway timeout")]
    [InlineData("status; code=524", "timeout", "524 Edge timeout")]
    [InlineData("status; code=529", "timeout", "529 Provider overloaded")]
    [InlineData("rate-limit; upstream=true", "timeout", "429 Provider returned error")]
    [InlineData("error-body-200", "timeout", "Provider returned error")]
    [InlineData("mid-stream-error; after=2", "timeout", "Provider returned error")]
    [InlineData("stall; after=2", "timeout", null)]
    [InlineData("drop; after=2", "timeout", null)]
    [InlineData("status; code=404; message=No endpoints found that support tool use", "model_not_found", "404 No endpoints found that support tool use")]
    public async Task A_failover_trigger_moves_the_turn_to_the_next_model(string fault, string reason, string? message)
    {
        await using var harness = await StartAsync();
        harness.Emulator.Faults.Enqueue(fault, "/chat/completions", model: "emulator/echo");
        var observer = new RecordingObserver();

        var result = await harness.Runner(harness.Settings(Primary, Fallback)).RunAsync(TurnHarness.Request("hello"), observer, Token);

        Assert.Equal(["emulator/echo", "emulator/reasoning"], harness.RequestedModels);
        Assert.Equal(Fallback, result.ModelRef);
        Assert.Equal("emulator/reasoning", result.Model);
        Assert.Equal("Echo: hello", Assert.Single(result.Payloads).Text);
        Assert.Equal(2, result.ModelCalls);
        var attempt = Assert.Single(result.FailedAttempts);
        Assert.Equal(Primary, attempt.ModelRef);
        Assert.Equal(new FailoverReason(reason), attempt.Reason);
        if (message is not null)
        {
            Assert.Equal(message, attempt.Message);
        }
        var (failed, next) = Assert.Single(observer.Fallbacks);
        Assert.Equal(attempt, failed);
        Assert.Equal(Fallback, next);

        // Only the answering model's output is stored, whatever the failed one streamed before breaking.
        var stored = await harness.StoredAsync();
        Assert.Equal(["user", "assistant"], stored.Select(entry => entry["role"]!.GetValue<string>()));
        Assert.Equal("emulator/reasoning", stored[1]["model"]!.GetValue<string>());
        Assert.Equal(Fallback, (await harness.Store.LoadAsync(SessionKey.Main(), Token)).Entry!.LastModel);
    }

    [Theory]
    [InlineData("status; code=400; message=Invalid request parameters", "400 Invalid request parameters", typeof(OpenRouterBadRequestException), "format")]
    [InlineData("status; code=401", "401 No auth credentials found", typeof(OpenRouterAuthenticationException), "auth")]
    [InlineData("status; code=403; message=Forbidden", "403 Forbidden", typeof(OpenRouterPermissionDeniedException), "auth")]
    public async Task A_failure_another_model_cannot_fix_ends_the_turn_on_the_first_model(string fault, string message, Type errorType, string reason)
    {
        await using var harness = await StartAsync();
        harness.Emulator.Faults.Enqueue(fault, "/chat/completions", model: "emulator/echo");

        var error = await Assert.ThrowsAsync<AllModelsFailedException>(
            () => harness.Runner(harness.Settings(Primary, Fallback)).RunAsync(TurnHarness.Request("hello"), cancellationToken: Token));

        Assert.Equal(["emulator/echo"], harness.RequestedModels);
        Assert.Equal(message, error.Message);
        Assert.IsType(errorType, error.InnerException);
        Assert.Equal(new ModelAttempt(Primary, message, new FailoverReason(reason)), Assert.Single(error.Attempts));
        Assert.Null((await harness.Store.LoadAsync(SessionKey.Main(), Token)).Entry);
    }

    [Fact]
    public async Task When_every_candidate_fails_the_message_lists_them_all()
    {
        await using var harness = await StartAsync();
        harness.Emulator.Faults.Enqueue("rate-limit", "/chat/completions", model: "emulator/echo");
        harness.Emulator.Faults.Enqueue("server-error", "/chat/completions", model: "emulator/reasoning");
        harness.Emulator.Faults.Enqueue("status; code=404; message=No endpoints found that support tool use", "/chat/completions", model: "emulator/tools");

        var error = await Assert.ThrowsAsync<AllModelsFailedException>(
            () => harness.Runner(harness.Settings(Primary, Fallback, "openrouter/emulator/tools", Primary)).RunAsync(TurnHarness.Request("hello"), cancellationToken: Token));

        // The duplicate primary is tried once.
        Assert.Equal(["emulator/echo", "emulator/reasoning", "emulator/tools"], harness.RequestedModels);
        Assert.Equal(
            "All models failed (3): openrouter/emulator/echo: 429 Rate limit exceeded: free-models-per-min. (rate_limit) | openrouter/emulator/reasoning: 500 Internal Server Error (timeout) | openrouter/emulator/tools: 404 No endpoints found that support tool use (model_not_found)",
            error.Message);
        Assert.IsType<OpenRouterNotFoundException>(error.InnerException);
        Assert.Empty(await harness.StoredAsync());
    }

    [Fact]
    public async Task An_auth_failure_after_a_fallback_stops_the_chain_and_reports_both()
    {
        await using var harness = await StartAsync();
        harness.Emulator.Faults.Enqueue("rate-limit", "/chat/completions", model: "emulator/echo");
        harness.Emulator.Faults.Enqueue("status; code=401", "/chat/completions", model: "emulator/reasoning");

        var error = await Assert.ThrowsAsync<AllModelsFailedException>(
            () => harness.Runner(harness.Settings(Primary, Fallback, "openrouter/emulator/tools")).RunAsync(TurnHarness.Request("hello"), cancellationToken: Token));

        Assert.Equal(["emulator/echo", "emulator/reasoning"], harness.RequestedModels);
        Assert.Equal(
            "All models failed (2): openrouter/emulator/echo: 429 Rate limit exceeded: free-models-per-min. (rate_limit) | openrouter/emulator/reasoning: 401 No auth credentials found (auth)",
            error.Message);
    }

    [Fact]
    public async Task A_model_override_is_strict()
    {
        await using var harness = await StartAsync();
        harness.Emulator.Faults.Enqueue("rate-limit", "/chat/completions", model: "emulator/tools");
        var request = TurnHarness.Request("hello") with { ModelOverride = "openrouter/emulator/tools" };

        var error = await Assert.ThrowsAsync<AllModelsFailedException>(
            () => harness.Runner(harness.Settings(Primary, Fallback)).RunAsync(request, cancellationToken: Token));

        Assert.Equal(["emulator/tools"], harness.RequestedModels);
        Assert.Equal("429 Rate limit exceeded: free-models-per-min.", error.Message);
        Assert.IsType<OpenRouterRateLimitException>(error.InnerException);
    }

    [Fact]
    public async Task A_model_override_answers_alone_when_it_works()
    {
        await using var harness = await StartAsync();
        var request = TurnHarness.Request("hello") with { ModelOverride = "emulator/tools" };

        var result = await harness.Runner(harness.Settings(Primary, Fallback)).RunAsync(request, cancellationToken: Token);

        Assert.Equal("openrouter/emulator/tools", result.ModelRef);
        Assert.Equal(["emulator/tools"], harness.RequestedModels);
    }

    [Fact]
    public async Task Calls_of_a_candidate_that_failed_mid_loop_still_count_in_usage_but_not_in_the_session()
    {
        await using var harness = await StartAsync();
        // The tool model's first call (a tool call) completes; its second call, after the tool ran, breaks.
        var lookup = new FixedResultTool("lookup", "42");
        var runner = harness.Runner(harness.Settings("openrouter/emulator/tools", Primary), [lookup]);
        var failing = new FailSecondCallObserver(harness, "emulator/tools", new RecordingObserver());

        var result = await runner.RunAsync(TurnHarness.Request("hello"), failing, Token);

        Assert.Equal(["emulator/tools", "emulator/tools", "emulator/echo"], harness.RequestedModels);
        Assert.Equal(Primary, result.ModelRef);
        Assert.Equal(3, result.ModelCalls);
        Assert.True(result.Usage.Input > result.LastCallUsage.Input);
        Assert.True(result.Usage.Cost > result.LastCallUsage.Cost);
        var stored = await harness.StoredAsync();
        Assert.Equal(["user", "assistant"], stored.Select(entry => entry["role"]!.GetValue<string>()));
        // The fallback starts from the user message again: no trace of the failed tool loop.
        var fallbackRequest = harness.ChatRequests[2].BodyJson!["messages"]!.AsArray();
        Assert.Equal(["system", "user"], fallbackRequest.Select(message => message!["role"]!.GetValue<string>()));
    }

    /// <summary>Queues a server error for the model's next request as soon as its first tool call is announced.</summary>
    private sealed class FailSecondCallObserver(TurnHarness harness, string model, RecordingObserver inner) : OpenClaw.Agent.Turns.IAgentTurnObserver
    {
        public void OnText(string text) => inner.OnText(text);

        public void OnReasoning(string text) => inner.OnReasoning(text);

        public void OnToolCall(string name, string argumentsJson)
        {
            harness.Emulator.Faults.Enqueue("server-error", "/chat/completions", model: model);
            inner.OnToolCall(name, argumentsJson);
        }

        public void OnToolResult(string name, string resultText, bool isError) => inner.OnToolResult(name, resultText, isError);

        public void OnFallback(ModelAttempt failed, string nextModelRef) => inner.OnFallback(failed, nextModelRef);
    }
}
