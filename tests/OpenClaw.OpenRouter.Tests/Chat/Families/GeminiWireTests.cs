using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Tests.Support;
using static OpenClaw.OpenRouter.Tests.Chat.Families.FamilyWire;

namespace OpenClaw.OpenRouter.Tests.Chat.Families;

/// <summary>
/// Gemini through the wire (§12.4), on every route: within a tool loop the assistant tool-call message carries its thought
/// signature as <c>reasoning_details</c>; from an earlier turn the signature is gone and the thinking text is replayed as
/// <c>reasoning</c>. Nothing else about Gemini is rewritten.
/// </summary>
public sealed class GeminiWireTests
{
    private const string Model = "openrouter/google/gemini-3.1-pro-preview";

    private static readonly OpenRouterMessage SystemPrompt = OpenRouterMessage.System("You are OpenClaw.", "Today is Monday.");
    private static readonly OpenRouterMessage Question = OpenRouterMessage.User("Please read notes.txt");

    private const string WireSystem = """{"role":"system","content":"You are OpenClaw.\nToday is Monday."}""";
    private const string WireQuestion = """{"role":"user","content":"Please read notes.txt"}""";

    private static string Body(TestRoute route, IEnumerable<string> messages) =>
        "{\"model\":\"google/gemini-3.1-pro-preview\",\"messages\":[" + string.Join(',', messages) + "]," + Stream(route)
        + "\"tools\":" + WireTools + ",\"tool_choice\":\"auto\",\"max_completion_tokens\":65536,\"reasoning\":{\"effort\":\"medium\"}}";

    private static OpenRouterChatRequest Request(params OpenRouterMessage[] messages) => new() { Model = Model, Messages = messages, Tools = Tools() };

    [Theory]
    [InlineData(TestRoute.Canonical)]
    [InlineData(TestRoute.OtherOpenRouterHost)]
    [InlineData(TestRoute.Local)]
    [InlineData(TestRoute.Custom)]
    public async Task Signatures_ride_along_inside_the_tool_loop_and_become_reasoning_text_on_the_next_turn(TestRoute route)
    {
        await using var harness = await ClientHarness.StartAsync(route);

        var first = await StreamAsync(harness, Request(SystemPrompt, Question));
        var call = Assert.Single(first.ToolCalls);
        Assert.Equal("read", call.Name);
        var signature = JsonNode.Parse(Assert.IsType<string>(call.ThoughtSignature))!.AsObject();
        Assert.Equal(["type", "data", "id", "format", "index"], signature.Select(property => property.Key));
        Assert.Equal("reasoning.encrypted", (string?)signature["type"]);
        Assert.Equal(call.Id, (string?)signature["id"]);
        Assert.Equal("google-gemini-v1", (string?)signature["format"]);
        Assert.NotEmpty((string?)signature["data"] ?? "");

        // Same turn: the emulator, like Gemini, rejects the call unless its signature comes back.
        var toolResult = OpenRouterMessage.ToolResult(call.Id, "notes: buy milk");
        var second = await StreamAsync(harness, Request(SystemPrompt, Question, OpenRouterMessage.FromResult(first), toolResult));
        Assert.Empty(second.ToolCalls);

        // Next turn: both assistant messages come from history.
        var third = await StreamAsync(harness, Request(
            SystemPrompt, Question, OpenRouterMessage.FromResult(first) with { FromEarlierTurn = true }, toolResult,
            OpenRouterMessage.FromResult(second) with { FromEarlierTurn = true }, OpenRouterMessage.User("Thanks.")));
        Assert.Equal("Echo: Thanks.", third.Text);

        var sent = harness.ChatRequests;
        Assert.Equal(3, sent.Count);
        foreach (var entry in sent)
        {
            AssertHeaders(entry, route);
        }
        var calls = WireCalls([call]);
        var wireResult = "{\"role\":\"tool\",\"tool_call_id\":" + Str(call.Id) + ",\"content\":\"notes: buy milk\"}";
        Assert.Equal(Body(route, [WireSystem, WireQuestion]), sent[0].BodyText);
        Assert.Equal(
            Body(route, [WireSystem, WireQuestion, "{\"role\":\"assistant\",\"content\":null,\"reasoning_details\":[" + call.ThoughtSignature + "],\"tool_calls\":" + calls + "}", wireResult]),
            sent[1].BodyText);
        Assert.Equal(
            Body(route,
            [
                WireSystem, WireQuestion,
                "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":" + calls + ",\"reasoning\":" + Str(ThinkingText(first)) + "}",
                wireResult,
                "{\"role\":\"assistant\",\"content\":" + Str(second.Text) + ",\"reasoning\":" + Str(ThinkingText(second)) + "}",
                """{"role":"user","content":"Thanks."}""",
            ]),
            sent[2].BodyText);
    }

    [Theory]
    [InlineData(TestRoute.Canonical)]
    [InlineData(TestRoute.Local)]
    public async Task A_non_streamed_tool_loop_carries_the_signature_the_same_way(TestRoute route)
    {
        await using var harness = await ClientHarness.StartAsync(route);
        var cancellation = TestContext.Current.CancellationToken;
        var first = await harness.Client.CompleteChatAsync(Request(Question), cancellation);
        var call = Assert.Single(first.ToolCalls);
        Assert.NotNull(call.ThoughtSignature);

        var second = await harness.Client.CompleteChatAsync(Request(Question, OpenRouterMessage.FromResult(first), OpenRouterMessage.ToolResult(call.Id, "notes: buy milk")), cancellation);

        Assert.Equal("Tool read returned: notes: buy milk", second.Text);
        var sent = harness.ChatRequests;
        Assert.Equal(2, sent.Count);
        AssertHeaders(sent[1], route);
        Assert.Equal(
            "{\"model\":\"google/gemini-3.1-pro-preview\",\"messages\":[" + WireQuestion + ","
            + "{\"role\":\"assistant\",\"content\":null,\"reasoning_details\":[" + call.ThoughtSignature + "],\"tool_calls\":" + WireCalls([call]) + "},"
            + "{\"role\":\"tool\",\"tool_call_id\":" + Str(call.Id) + ",\"content\":\"notes: buy milk\"}],\"stream\":false,"
            + "\"tools\":" + WireTools + ",\"tool_choice\":\"auto\",\"max_completion_tokens\":65536,\"reasoning\":{\"effort\":\"medium\"}}",
            sent[1].BodyText);
    }

    [Theory]
    [InlineData(TestRoute.Canonical)]
    [InlineData(TestRoute.Custom)]
    public async Task A_current_turn_call_replayed_without_its_signature_is_rejected_upstream(TestRoute route)
    {
        await using var harness = await ClientHarness.StartAsync(route);
        var first = await StreamAsync(harness, Request(Question));
        var call = Assert.Single(first.ToolCalls);

        // Wrongly flagged as history: the signature is dropped although the loop is still in the same turn.
        var error = await StreamFailsAsync<OpenRouterBadRequestException>(harness,
            Request(Question, OpenRouterMessage.FromResult(first) with { FromEarlierTurn = true }, OpenRouterMessage.ToolResult(call.Id, "notes: buy milk")));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("Google AI Studio", error.ProviderName);
        Assert.Contains("Function call is missing a thought_signature in functionCall parts.", error.RawError, StringComparison.Ordinal);
        Assert.Contains("default_api:read", error.RawError, StringComparison.Ordinal);
        Assert.Equal(
            "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":" + WireCalls([call]) + ",\"reasoning\":" + Str(ThinkingText(first)) + "}",
            Message(harness.ChatRequests[1], 1));
    }
}
