using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Reasoning;
using OpenClaw.OpenRouter.Tests.Support;
using static OpenClaw.OpenRouter.Tests.Chat.Families.FamilyWire;

namespace OpenClaw.OpenRouter.Tests.Chat.Families;

/// <summary>
/// x-ai through the wire, on every route: replayed assistant messages carry no reasoning fields (§12.3), and the reasoning
/// payload is the generic one — the catalog declares binary reasoning, so <c>{"enabled":…}</c> (§7.3).
/// </summary>
public sealed class XaiWireTests
{
    private const string Model = "openrouter/x-ai/grok-4.1-fast";

    [Theory]
    [InlineData(TestRoute.Canonical, null, """{"enabled":true}""")]
    [InlineData(TestRoute.OtherOpenRouterHost, null, """{"enabled":true}""")]
    [InlineData(TestRoute.Local, null, """{"enabled":true}""")]
    [InlineData(TestRoute.Custom, null, """{"enabled":true}""")]
    [InlineData(TestRoute.Canonical, "off", """{"enabled":false}""")]
    [InlineData(TestRoute.Custom, "off", """{"enabled":false}""")]
    public async Task Replayed_assistant_messages_lose_their_reasoning_and_the_payload_is_binary(TestRoute route, string? followUpLevel, string reasoning)
    {
        await using var harness = await ClientHarness.StartAsync(route);
        var question = OpenRouterMessage.User("Please read notes.txt");
        var first = await StreamAsync(harness, new OpenRouterChatRequest { Model = Model, Messages = [question], Tools = Tools() });
        var call = Assert.Single(first.ToolCalls);
        Assert.NotEmpty(first.Thinking);
        var toolResult = OpenRouterMessage.ToolResult(call.Id, "notes: buy milk");
        var second = await StreamAsync(harness, new OpenRouterChatRequest { Model = Model, Messages = [question, OpenRouterMessage.FromResult(first), toolResult], Tools = Tools() });
        Assert.NotEmpty(second.Thinking);

        await StreamAsync(harness, new OpenRouterChatRequest
        {
            Model = Model,
            Messages = [question, OpenRouterMessage.FromResult(first), toolResult, OpenRouterMessage.FromResult(second), OpenRouterMessage.User("Thanks.")],
            Tools = Tools(),
            Thinking = followUpLevel is null ? null : new ThinkingLevel(followUpLevel),
        });

        var sent = harness.ChatRequests;
        Assert.Equal(3, sent.Count);
        AssertHeaders(sent[2], route);
        Assert.Equal("""{"enabled":true}""", Member(sent[0], "reasoning"));
        Assert.Equal(
            "{\"model\":\"x-ai/grok-4.1-fast\",\"messages\":[{\"role\":\"user\",\"content\":\"Please read notes.txt\"},"
            + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":" + WireCalls([call]) + "},"
            + "{\"role\":\"tool\",\"tool_call_id\":" + Str(call.Id) + ",\"content\":\"notes: buy milk\"},"
            + "{\"role\":\"assistant\",\"content\":" + Str(second.Text) + "},"
            + "{\"role\":\"user\",\"content\":\"Thanks.\"}]," + Stream(route)
            + "\"tools\":" + WireTools + ",\"tool_choice\":\"auto\",\"max_completion_tokens\":30000,\"reasoning\":" + reasoning + "}",
            sent[2].BodyText);
    }
}
