using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using OpenClaw.Agent.Prompt;
using OpenClaw.Agent.Sessions;
using OpenClaw.Agent.Tests.Support;
using OpenClaw.Agent.Tools;
using OpenClaw.Agent.Turns;

namespace OpenClaw.Agent.Tests.Turns;

public sealed class AgentTurnRunnerTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string Role(JsonNode? message) => message!["role"]!.GetValue<string>();

    private static string? Str(JsonNode? node) => node?.GetValue<string>();

    [Fact]
    public async Task A_plain_turn_answers_streams_and_commits_the_user_and_assistant_messages()
    {
        await using var harness = await TurnHarness.StartAsync();
        var runner = harness.Runner(harness.Settings("openrouter/emulator/echo"));
        var observer = new RecordingObserver();

        var result = await runner.RunAsync(TurnHarness.Request("hello there"), observer, Token);

        Assert.Equal([new AgentPayload("Echo: hello there")], result.Payloads);
        Assert.Equal("Echo: hello there", observer.Text);
        Assert.Equal("openrouter/emulator/echo", result.ModelRef);
        Assert.Equal("emulator/echo", result.Model);
        Assert.Equal("emulator/echo", result.ResponseModel);
        Assert.Equal("agent:main:main", result.SessionKey);
        Assert.False(string.IsNullOrEmpty(result.SessionId));
        Assert.Equal("stop", result.StopReason);
        Assert.Equal("stop", result.FinishReason);
        Assert.Equal("off", result.Thinking);
        Assert.Equal(131072, result.ContextTokens);
        Assert.Equal(1, result.ModelCalls);
        Assert.Empty(result.FailedAttempts);
        Assert.True(result.Usage.Input > 0 && result.Usage.Output > 0);
        Assert.True(result.Usage.Cost > 0);
        Assert.Equal("provider-billed", result.Usage.CostOrigin);
        Assert.Equal(result.Usage, result.LastCallUsage);

        var request = Assert.Single(harness.ChatRequests).BodyJson!;
        Assert.Equal("emulator/echo", Str(request["model"]));
        Assert.True(request["stream"]!.GetValue<bool>());
        var messages = request["messages"]!.AsArray();
        Assert.Equal(["system", "user"], messages.Select(Role));
        Assert.Equal(SystemPrompt.Default, Str(messages[0]!["content"]));

        var snapshot = await harness.Store.LoadAsync(SessionKey.Main(), Token);
        Assert.Equal(result.SessionId, snapshot.Entry!.SessionId);
        Assert.Equal(1, snapshot.Entry.TurnCount);
        Assert.Equal("openrouter/emulator/echo", snapshot.Entry.LastModel);
        Assert.Equal(result.Usage.Input, snapshot.Entry.InputTokens);
        Assert.Equal(result.Usage.Cost, snapshot.Entry.CostUsd);
        Assert.Null(snapshot.Entry.ThinkingLevel);
        Assert.Equal(["user", "assistant"], snapshot.Messages.Select(message => Role(message.Message)));
        Assert.Equal("hello there", snapshot.Messages[0].Message["content"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("Echo: hello there", snapshot.Messages[1].Message["content"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_workspace_files_are_the_system_prompt()
    {
        await using var harness = await TurnHarness.StartAsync();
        Directory.CreateDirectory(harness.Workspace);
        await File.WriteAllTextAsync(Path.Combine(harness.Workspace, "AGENTS.md"), "Always answer in haiku.", Token);
        await File.WriteAllTextAsync(Path.Combine(harness.Workspace, "SOUL.md"), "You love the sea.", Token);

        await harness.Runner(harness.Settings("openrouter/emulator/echo")).RunAsync(TurnHarness.Request("hi"), cancellationToken: Token);

        var system = harness.ChatRequests[0].BodyJson!["messages"]![0]!;
        Assert.Equal("system", Role(system));
        Assert.Equal("Always answer in haiku.\n\nYou love the sea.", Str(system["content"]));
    }

    [Fact]
    public async Task An_explicit_session_gets_its_own_key_and_id()
    {
        await using var harness = await TurnHarness.StartAsync();
        var session = SessionKey.Explicit("main", "my-session");

        var result = await harness.Runner(harness.Settings("openrouter/emulator/echo")).RunAsync(TurnHarness.Request("hi", session), cancellationToken: Token);

        Assert.Equal("agent:main:explicit:my-session", result.SessionKey);
        Assert.Equal("my-session", result.SessionId);
        Assert.Equal(2, (await harness.StoredAsync(session)).Count);
        Assert.Empty(await harness.StoredAsync());
    }

    [Fact]
    public async Task A_tool_turn_runs_current_time_sends_the_result_back_and_sums_usage_and_cost_of_both_calls()
    {
        await using var harness = await TurnHarness.StartAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 10, 15, 0, TimeSpan.Zero));
        clock.SetLocalTimeZone(TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
        var runner = harness.Runner(harness.Settings("openrouter/emulator/tools"), [new CurrentTimeTool(clock)]);
        var observer = new RecordingObserver();

        // emulator/tools fills the tool's string parameter with the user's words: here, the zone.
        var result = await runner.RunAsync(TurnHarness.Request("Europe/Berlin"), observer, Token);

        const string toolResult = """{"utc":"2026-11-24T10:15:00Z","local":"2026-11-24T11:15:00+01:00","timeZone":"Europe/Berlin"}""";
        Assert.Equal(2, harness.ChatRequests.Count);
        var first = harness.ChatRequests[0].BodyJson!;
        var tool = Assert.Single(first["tools"]!.AsArray())!;
        Assert.Equal("current_time", Str(tool["function"]!["name"]));
        var second = harness.ChatRequests[1].BodyJson!["messages"]!.AsArray();
        Assert.Equal(["system", "user", "assistant", "tool"], second.Select(Role));
        var callId = Str(second[2]!["tool_calls"]![0]!["id"])!;
        Assert.Equal("current_time", Str(second[2]!["tool_calls"]![0]!["function"]!["name"]));
        Assert.Equal(callId, Str(second[3]!["tool_call_id"]));
        Assert.Equal(toolResult, Str(second[3]!["content"]));

        Assert.Equal([new AgentPayload("Tool current_time returned: " + toolResult)], result.Payloads);
        Assert.Equal(2, result.ModelCalls);
        Assert.Equal("stop", result.StopReason);
        Assert.Equal(["toolCall", "toolResult", "text"], observer.Events);
        Assert.Equal(("current_time", """{"timeZone":"Europe/Berlin"}"""), observer.ToolCalls.Single());
        Assert.Equal(("current_time", toolResult, false), observer.ToolResults.Single());

        // The transcript: user, the tool-call answer, the tool result, the final answer.
        var stored = await harness.StoredAsync();
        Assert.Equal(["user", "assistant", "toolResult", "assistant"], stored.Select(Role));
        Assert.Equal("toolCall", Str(stored[1]["content"]![0]!["type"]));
        Assert.Equal(callId, Str(stored[2]["toolCallId"]));
        Assert.Equal("current_time", Str(stored[2]["toolName"]));
        Assert.False(stored[2]["isError"]!.GetValue<bool>());
        Assert.Equal(toolResult, Str(stored[2]["content"]![0]!["text"]));

        // The cost is what OpenRouter billed for each call (its generation records), summed; tokens too.
        var billed = 0m;
        long promptTokens = 0;
        foreach (var assistant in stored.Where(message => Role(message) == "assistant"))
        {
            var generation = await harness.Client.GetGenerationAsync(Str(assistant["responseId"])!, Token);
            billed += generation.TotalCost!.Value;
            promptTokens += generation.TokensPrompt!.Value;
        }
        Assert.True(billed > 0);
        Assert.Equal(billed, result.Usage.Cost);
        Assert.Equal(promptTokens, result.Usage.Input + result.Usage.CacheRead + result.Usage.CacheWrite);
        Assert.True(result.LastCallUsage.Cost < result.Usage.Cost);
        Assert.True(result.LastCallUsage.Input < result.Usage.Input);
        Assert.Equal(billed, (await harness.Store.LoadAsync(SessionKey.Main(), Token)).Entry!.CostUsd);
    }

    [Fact]
    public async Task A_tool_that_throws_becomes_an_error_result_and_the_turn_goes_on()
    {
        await using var harness = await TurnHarness.StartAsync();
        var runner = harness.Runner(harness.Settings("openrouter/emulator/tools"), [new CurrentTimeTool(TimeProvider.System)]);
        var observer = new RecordingObserver();

        // emulator/tools fills string parameters from the user's words, so the zone it asks for does not exist.
        var result = await runner.RunAsync(TurnHarness.Request("Nowhere/Atlantis"), observer, Token);

        var (name, text, isError) = observer.ToolResults.Single();
        Assert.Equal("current_time", name);
        Assert.True(isError);
        Assert.Contains("Unknown time zone", text, StringComparison.Ordinal);
        var stored = await harness.StoredAsync();
        Assert.True(stored[2]["isError"]!.GetValue<bool>());
        Assert.Contains("Unknown time zone", Str(harness.ChatRequests[1].BodyJson!["messages"]![3]!["content"]), StringComparison.Ordinal);
        Assert.Equal("stop", result.StopReason);
    }

    [Fact]
    public async Task A_reply_cut_at_the_output_limit_gets_the_truncation_notice()
    {
        await using var harness = await TurnHarness.StartAsync();
        harness.Emulator.Faults.Enqueue("length", "/chat/completions");

        var result = await harness.Runner(harness.Settings("openrouter/emulator/echo")).RunAsync(TurnHarness.Request("a fairly long message to cut"), cancellationToken: Token);

        Assert.Equal(2, result.Payloads.Count);
        Assert.StartsWith("Echo:", result.Payloads[0].Text, StringComparison.Ordinal);
        Assert.Equal(AgentPayload.TruncationNotice, result.Payloads[1].Text);
        Assert.Equal("length", result.StopReason);
        Assert.Equal("length", result.FinishReason);
    }

    [Fact]
    public async Task Openrouter_auto_reports_the_routed_model()
    {
        await using var harness = await TurnHarness.StartAsync();

        var result = await harness.Runner(harness.Settings("openrouter/auto")).RunAsync(TurnHarness.Request("hi"), cancellationToken: Token);

        Assert.Equal("openrouter/auto", result.ModelRef);
        Assert.Equal("openrouter/auto", result.Model);
        Assert.Equal("openai/gpt-5.5", result.ResponseModel);
        Assert.False(string.IsNullOrEmpty(result.UpstreamProvider));
        Assert.Equal("openrouter/auto", Str(harness.ChatRequests[0].BodyJson!["model"]));
        var assistant = (await harness.StoredAsync())[1];
        Assert.Equal("openai/gpt-5.5", Str(assistant["model"]));
        Assert.Equal("openrouter/auto", Str(assistant["requestedModel"]));
    }

    [Fact]
    public async Task Openrouter_auto_with_tools_routes_to_a_tool_model()
    {
        await using var harness = await TurnHarness.StartAsync();

        var result = await harness.Runner(harness.Settings("openrouter/auto"), [new CurrentTimeTool(TimeProvider.System)])
            .RunAsync(TurnHarness.Request("hi"), cancellationToken: Token);

        Assert.Equal("anthropic/claude-sonnet-4.6", result.ResponseModel);
        Assert.Equal("openrouter/auto", result.Model);
    }

    [Fact]
    public async Task Concurrent_turns_on_one_session_run_one_after_the_other()
    {
        await using var harness = await TurnHarness.StartAsync();
        harness.Emulator.Faults.Enqueue("slow-stream; interval-ms=100", "/chat/completions");
        var runner = harness.Runner(harness.Settings("openrouter/emulator/echo"));

        var first = runner.RunAsync(TurnHarness.Request("first"), cancellationToken: Token);
        await WaitUntilAsync(() => harness.ChatRequests.Count == 1);
        var second = runner.RunAsync(TurnHarness.Request("second"), cancellationToken: Token);
        await Task.WhenAll(first, second);

        // The second turn's request was sent after the first committed, so it carries the first turn.
        var replayed = harness.ChatRequests[1].BodyJson!["messages"]!.AsArray();
        Assert.Equal(["system", "user", "assistant", "user"], replayed.Select(Role));
        Assert.Equal("Echo: first", Str(replayed[2]!["content"]));
        var stored = await harness.StoredAsync();
        Assert.Equal(4, stored.Count);
        Assert.Equal(2, (await harness.Store.LoadAsync(SessionKey.Main(), Token)).Entry!.TurnCount);
    }

    [Fact]
    public async Task Thinking_is_streamed_to_the_observer_and_kept_in_the_transcript()
    {
        await using var harness = await TurnHarness.StartAsync();
        var observer = new RecordingObserver();

        var result = await harness.Runner(harness.Settings("openrouter/emulator/reasoning")).RunAsync(TurnHarness.Request("think first"), observer, Token);

        Assert.Equal("Echo: think first", result.Payloads.Single().Text);
        Assert.Contains("think first", observer.Reasoning, StringComparison.Ordinal);
        Assert.Equal(["reasoning", "text"], observer.Events);
        var assistant = (await harness.StoredAsync())[1];
        Assert.Equal("thinking", Str(assistant["content"]![0]!["type"]));
        Assert.Equal(observer.Reasoning, Str(assistant["content"]![0]!["thinking"]));
    }

    [Fact]
    public async Task An_observer_that_throws_ends_the_turn_with_its_own_exception_and_no_fallback()
    {
        await using var harness = await TurnHarness.StartAsync();
        var observer = new RecordingObserver { OnFirstText = () => throw new IOException("stdout is closed") };

        var error = await Assert.ThrowsAsync<IOException>(() => harness.Runner(harness.Settings("openrouter/emulator/echo", "openrouter/emulator/reasoning"))
            .RunAsync(TurnHarness.Request("hi"), observer, Token));

        Assert.Equal("stdout is closed", error.Message);
        Assert.Equal(["emulator/echo"], harness.RequestedModels);
        Assert.Empty(await harness.StoredAsync());
    }

    [Fact]
    public async Task Without_an_api_key_the_turn_fails_before_sending()
    {
        await using var harness = await TurnHarness.StartAsync(configure: options => options.ApiKey = null);

        var error = await Assert.ThrowsAsync<OpenClaw.Agent.Fallbacks.AllModelsFailedException>(() => harness.Runner(harness.Settings("openrouter/emulator/echo", "openrouter/emulator/reasoning"))
            .RunAsync(TurnHarness.Request("hi"), cancellationToken: Token));

        Assert.Equal("OpenRouter API key missing", error.Message);
        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Null(Assert.Single(error.Attempts).Reason);
        Assert.Empty(harness.ChatRequests);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25, Token);
        }
        Assert.True(condition());
    }
}
