using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Tests.Support;
using static OpenClaw.OpenRouter.Tests.Chat.Families.FamilyWire;

namespace OpenClaw.OpenRouter.Tests.Chat.Families;

/// <summary>
/// Mistral tool-call ids through the wire (§7.2), on every route: history ids become 9-character alphanumerics, the same in
/// the assistant's <c>tool_calls</c> and in the tool messages, so the results still pair with their calls.
/// </summary>
public sealed class MistralWireTests
{
    private const string Model = "openrouter/mistralai/mistral-large-2512";

    private static string[] CallIds(JsonNode message) => [.. message["tool_calls"]!.AsArray().Select(call => (string)call!["id"]!)];

    private static string ResultId(JsonNode message) => (string)message["tool_call_id"]!;

    private static void AssertMistralId(string id) => Assert.Matches("^[A-Za-z0-9]{9}$", id);

    [Theory]
    [InlineData(TestRoute.Canonical)]
    [InlineData(TestRoute.OtherOpenRouterHost)]
    [InlineData(TestRoute.Local)]
    [InlineData(TestRoute.Custom)]
    public async Task A_live_tool_loop_replays_the_call_under_a_nine_character_id_that_pairs_with_its_result(TestRoute route)
    {
        await using var harness = await ClientHarness.StartAsync(route);
        var question = OpenRouterMessage.User("Please read notes.txt");
        var first = await StreamAsync(harness, new OpenRouterChatRequest { Model = Model, Messages = [question], Tools = Tools() });
        var call = Assert.Single(first.ToolCalls);
        Assert.StartsWith("call_", call.Id, StringComparison.Ordinal);

        var second = await StreamAsync(harness, new OpenRouterChatRequest
        {
            Model = Model,
            Messages = [question, OpenRouterMessage.FromResult(first), OpenRouterMessage.ToolResult(call.Id, "notes: buy milk")],
            Tools = Tools(),
        });

        // The emulator found the call that the result answers.
        Assert.Equal("Tool read returned: notes: buy milk", second.Text);
        var sent = harness.ChatRequests;
        Assert.Equal(2, sent.Count);
        AssertHeaders(sent[1], route);
        var id = new string([.. call.Id.Where(char.IsAsciiLetterOrDigit)])[..9];
        var body = sent[1].BodyJson!.AsObject();
        var maxTokens = body["max_completion_tokens"]!.GetValue<long>();
        Assert.Equal(
            "{\"model\":\"mistralai/mistral-large-2512\",\"messages\":[{\"role\":\"user\",\"content\":\"Please read notes.txt\"},"
            + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":" + WireCalls([call with { Id = id }]) + "},"
            + "{\"role\":\"tool\",\"tool_call_id\":\"" + id + "\",\"content\":\"notes: buy milk\"}]," + Stream(route)
            + "\"tools\":" + WireTools + ",\"tool_choice\":\"auto\",\"max_completion_tokens\":" + maxTokens + "}",
            sent[1].BodyText);
    }

    private static IReadOnlyList<OpenRouterMessage> History =>
    [
        OpenRouterMessage.User("Please read a.txt and b.txt"),
        OpenRouterMessage.Assistant(null, [new("call_emu000001", "read", """{"path":"a.txt"}"""), new("call_emu000002", "read", """{"path":"b.txt"}""")]),
        OpenRouterMessage.ToolResult("call_emu000001", "A"),
        OpenRouterMessage.ToolResult("call_emu000002", "B"),
        OpenRouterMessage.Assistant("Both read. Shall I write c.txt?"),
        OpenRouterMessage.User("Yes, write c.txt"),
        OpenRouterMessage.Assistant(null, [new("call_abc|fc_0123456789", "write", """{"path":"c.txt","text":"AB"}""")]),
        OpenRouterMessage.ToolResult("call_abc|fc_0123456789", "ok"),
    ];

    [Theory]
    [InlineData(TestRoute.Canonical)]
    [InlineData(TestRoute.Custom)]
    public async Task History_ids_are_rewritten_consistently_and_deterministically(TestRoute route)
    {
        await using var harness = await ClientHarness.StartAsync(route);

        var answer = await StreamAsync(harness, new OpenRouterChatRequest { Model = Model, Messages = History, Tools = Tools() });
        await StreamAsync(harness, new OpenRouterChatRequest { Model = Model, Messages = History, Tools = Tools() });

        Assert.Equal("Tool write returned: ok", answer.Text);
        var sent = harness.ChatRequests;
        Assert.Equal(sent[0].BodyText, sent[1].BodyText);
        var messages = sent[0].BodyJson!["messages"]!.AsArray();
        var firstCalls = CallIds(messages[1]!);
        var laterCalls = CallIds(messages[6]!);
        string[] all = [.. firstCalls, .. laterCalls];
        Assert.All(all, AssertMistralId);
        Assert.Equal(all.Length, all.Distinct(StringComparer.Ordinal).Count());
        // The first id keeps its own alphanumerics; the colliding second one moves to another id; a "|" id is cut first.
        Assert.Equal("callemu00", firstCalls[0]);
        Assert.StartsWith("callabc", laterCalls[0], StringComparison.Ordinal);
        Assert.Equal(firstCalls[0], ResultId(messages[2]!));
        Assert.Equal(firstCalls[1], ResultId(messages[3]!));
        Assert.Equal(laterCalls[0], ResultId(messages[7]!));
        // Nothing but the ids changed.
        Assert.Equal("""{"path":"a.txt"}""", (string?)messages[1]!["tool_calls"]![0]!["function"]!["arguments"]);
        Assert.Equal("""{"role":"assistant","content":"Both read. Shall I write c.txt?"}""", Message(sent[0], 4));
    }

    [Fact]
    public async Task Other_models_keep_the_ids_and_only_cut_pipes()
    {
        await using var harness = await ClientHarness.StartAsync();

        await StreamAsync(harness, new OpenRouterChatRequest { Model = "openrouter/openai/gpt-5.5", Messages = History, Tools = Tools() });

        var messages = Assert.Single(harness.ChatRequests).BodyJson!["messages"]!.AsArray();
        Assert.Equal(["call_emu000001", "call_emu000002"], CallIds(messages[1]!));
        Assert.Equal(["call_abc"], CallIds(messages[6]!));
        Assert.Equal("call_abc", ResultId(messages[7]!));
    }
}
