using System.Text.Json.Nodes;
using OpenClaw.Agent.Tests.Support;

namespace OpenClaw.Agent.Tests.Turns;

/// <summary>
/// The next turn's request carries the session's earlier turns the way each model family needs them (provider spec §12),
/// on the verified route. The emulator enforces the upstream rules (DeepSeek's <c>reasoning_content</c>, Gemini's thought
/// signatures), so a wrong replay fails the turn.
/// </summary>
public sealed class ReplayTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly string[] ReasoningFields = ["reasoning", "reasoning_content", "reasoning_details", "reasoning_text"];

    private static string Role(JsonNode? message) => message!["role"]!.GetValue<string>();

    private static JsonArray MessagesOf(JournalEntryView request) => request.Body["messages"]!.AsArray();

    [Fact]
    public async Task Anthropic_history_is_replayed_without_reasoning_fields()
    {
        await using var harness = await TurnHarness.StartAsync(Route.Canonical);
        var runner = harness.Runner(harness.Settings("openrouter/anthropic/claude-sonnet-4.6"));

        var first = await runner.RunAsync(TurnHarness.Request("first question"), cancellationToken: Token);
        await runner.RunAsync(TurnHarness.Request("second question"), cancellationToken: Token);

        Assert.Equal("medium", first.Thinking);
        var requests = JournalEntryView.Of(harness);
        Assert.Equal("medium", requests[0].Body["reasoning"]!["effort"]!.GetValue<string>());
        // The first answer did reason (and the transcript kept it), yet Anthropic's replay carries none of it.
        var stored = await harness.StoredAsync();
        Assert.Equal("thinking", stored[1]["content"]![0]!["type"]!.GetValue<string>());

        var replayed = MessagesOf(requests[1]);
        Assert.Equal(["system", "user", "assistant", "user"], replayed.Select(Role));
        var assistant = replayed[2]!.AsObject();
        Assert.Equal("Echo: first question", TextOf(assistant["content"]));
        Assert.DoesNotContain(assistant, property => ReasoningFields.Contains(property.Key));
        Assert.Equal("second question", TextOf(replayed[3]!["content"]));
    }

    [Fact]
    public async Task DeepSeek_v4_replay_keeps_reasoning_text_and_backfills_reasoning_content_on_the_answer()
    {
        await using var harness = await TurnHarness.StartAsync(Route.Canonical);
        var lookup = new FixedResultTool("lookup", "42");
        var runner = harness.Runner(harness.Settings("openrouter/deepseek/deepseek-v4-flash"), [lookup]);

        var first = await runner.RunAsync(TurnHarness.Request("Please use lookup."), cancellationToken: Token);
        await runner.RunAsync(TurnHarness.Request("Thanks!"), cancellationToken: Token);

        Assert.Equal("high", first.Thinking);
        Assert.Equal(1, lookup.Calls);
        var requests = JournalEntryView.Of(harness);
        Assert.Equal(3, requests.Count);
        Assert.Equal("high", requests[0].Body["reasoning"]!["effort"]!.GetValue<string>());

        // In the turn: the tool-call message carries its reasoning text, without a backfill.
        var inTurn = MessagesOf(requests[1]);
        Assert.Equal(["system", "user", "assistant", "tool"], inTurn.Select(Role));
        Assert.False(string.IsNullOrEmpty(inTurn[2]!["reasoning"]?.GetValue<string>()));
        Assert.False(inTurn[2]!.AsObject().ContainsKey("reasoning_content"));

        // Next turn: both assistant messages keep their reasoning text; the answer (no tool calls) gets reasoning_content "".
        var next = MessagesOf(requests[2]);
        Assert.Equal(["system", "user", "assistant", "tool", "assistant", "user"], next.Select(Role));
        var toolCall = next[2]!.AsObject();
        var answer = next[4]!.AsObject();
        Assert.False(string.IsNullOrEmpty(toolCall["reasoning"]?.GetValue<string>()));
        Assert.False(toolCall.ContainsKey("reasoning_content"));
        Assert.False(string.IsNullOrEmpty(answer["reasoning"]?.GetValue<string>()));
        Assert.Equal("", answer["reasoning_content"]!.GetValue<string>());
        Assert.Equal("Tool lookup returned: 42", TextOf(answer["content"]));
    }

    [Fact]
    public async Task Gemini_signatures_ride_along_inside_the_turn_and_are_dropped_on_the_next()
    {
        await using var harness = await TurnHarness.StartAsync(Route.Canonical);
        var lookup = new FixedResultTool("lookup", "42");
        var runner = harness.Runner(harness.Settings("openrouter/google/gemini-3.1-pro-preview"), [lookup]);

        await runner.RunAsync(TurnHarness.Request("Please use lookup."), cancellationToken: Token);
        await runner.RunAsync(TurnHarness.Request("Thanks!"), cancellationToken: Token);

        var requests = JournalEntryView.Of(harness);
        Assert.Equal(3, requests.Count);

        // In the turn: the tool-call message carries the call's encrypted reasoning item (Gemini refuses the call without it).
        var inTurn = MessagesOf(requests[1]);
        var toolCall = inTurn[2]!.AsObject();
        var callId = toolCall["tool_calls"]![0]!["id"]!.GetValue<string>();
        var signature = Assert.Single(toolCall["reasoning_details"]!.AsArray())!;
        Assert.Equal("reasoning.encrypted", signature["type"]!.GetValue<string>());
        Assert.Equal(callId, signature["id"]!.GetValue<string>());

        // Next turn: the signature is gone, the reasoning text is replayed on both assistant messages.
        var next = MessagesOf(requests[2]);
        Assert.Equal(["system", "user", "assistant", "tool", "assistant", "user"], next.Select(Role));
        var replayedCall = next[2]!.AsObject();
        Assert.Equal(callId, replayedCall["tool_calls"]![0]!["id"]!.GetValue<string>());
        Assert.False(replayedCall.ContainsKey("reasoning_details"));
        Assert.False(string.IsNullOrEmpty(replayedCall["reasoning"]?.GetValue<string>()));
        Assert.False(next[4]!.AsObject().ContainsKey("reasoning_details"));
        Assert.False(string.IsNullOrEmpty(next[4]!["reasoning"]?.GetValue<string>()));

        // The stored tool call kept its signature: only the replay drops it.
        var stored = await harness.StoredAsync();
        var storedCall = stored[1]["content"]!.AsArray().Single(block => block!["type"]!.GetValue<string>() == "toolCall")!;
        Assert.False(string.IsNullOrEmpty(storedCall["thoughtSignature"]?.GetValue<string>()));
    }

    private static string TextOf(JsonNode? content) => content switch
    {
        JsonArray parts => string.Concat(parts.Select(part => part?["text"]?.GetValue<string>())),
        null => "",
        _ => content.GetValue<string>(),
    };

    /// <summary>A chat request as the emulator received it, with the body parsed.</summary>
    private sealed record JournalEntryView(JsonObject Body)
    {
        public static IReadOnlyList<JournalEntryView> Of(TurnHarness harness) =>
            [.. harness.ChatRequests.Select(entry => new JournalEntryView(entry.BodyJson!.AsObject()))];
    }
}
