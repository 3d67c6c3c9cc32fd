using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Tests.Support;
using static OpenClaw.OpenRouter.Tests.Chat.Families.FamilyWire;

namespace OpenClaw.OpenRouter.Tests.Chat.Families;

/// <summary>Kimi tool schemas through the wire (§13), on every route: a typed parent's <c>anyOf</c> gets the type moved into its branches.</summary>
public sealed class KimiWireTests
{
    private const string PaintSchema =
        """{"type":"object","properties":{"color":{"type":"string","maxLength":4,"anyOf":[{"enum":["red"]},{"const":"blue"}]}},"required":["color"]}""";

    private const string KimiPaintSchema =
        """{"type":"object","properties":{"color":{"maxLength":4,"anyOf":[{"type":"string","enum":["red"]},{"type":"string","const":"blue"}]}},"required":["color"]}""";

    private static OpenRouterTool Paint() => new("paint", "Pick a colour", JsonNode.Parse(PaintSchema)!.AsObject());

    private static string WirePaint(string schema) =>
        "[{\"type\":\"function\",\"function\":{\"name\":\"paint\",\"description\":\"Pick a colour\",\"parameters\":" + schema + "}}]";

    private static OpenRouterChatRequest Request(string model) => new() { Model = model, Messages = [OpenRouterMessage.User("Use paint to pick a colour.")], Tools = [Paint()] };

    [Theory]
    [InlineData(TestRoute.Canonical)]
    [InlineData(TestRoute.OtherOpenRouterHost)]
    [InlineData(TestRoute.Local)]
    [InlineData(TestRoute.Custom)]
    public async Task Kimi_gets_the_type_moved_into_the_anyOf_branches(TestRoute route)
    {
        await using var harness = await ClientHarness.StartAsync(route);

        var result = await StreamAsync(harness, Request("openrouter/moonshotai/kimi-k2.6"));

        // The emulator builds arguments from the schema it received: the first branch, now typed, gives "red".
        var call = Assert.Single(result.ToolCalls);
        Assert.Equal("""{"color":"red"}""", call.Arguments);
        var sent = Assert.Single(harness.ChatRequests);
        AssertHeaders(sent, route);
        // Kimi's output limit equals its context window, so the context clamp (§7.1) decides the value.
        var maxTokens = sent.BodyJson!["max_completion_tokens"]!.GetValue<long>();
        Assert.InRange(maxTokens, 262_000, 262_143);
        Assert.Equal(
            "{\"model\":\"moonshotai/kimi-k2.6\",\"messages\":[{\"role\":\"user\",\"content\":\"Use paint to pick a colour.\"}]," + Stream(route)
            + "\"tools\":" + WirePaint(KimiPaintSchema) + ",\"tool_choice\":\"auto\",\"max_completion_tokens\":" + maxTokens + ",\"reasoning\":{\"effort\":\"medium\"}}",
            sent.BodyText);
    }

    [Theory]
    [InlineData(TestRoute.Canonical)]
    [InlineData(TestRoute.Custom)]
    public async Task Other_models_get_the_schema_unchanged(TestRoute route)
    {
        await using var harness = await ClientHarness.StartAsync(route);

        await StreamAsync(harness, Request("openrouter/openai/gpt-5.5"));

        var sent = Assert.Single(harness.ChatRequests);
        Assert.Equal(
            "{\"model\":\"openai/gpt-5.5\",\"messages\":[{\"role\":\"user\",\"content\":\"Use paint to pick a colour.\"}]," + Stream(route)
            + "\"tools\":" + WirePaint(PaintSchema) + ",\"tool_choice\":\"auto\",\"max_completion_tokens\":128000,\"reasoning\":{\"effort\":\"medium\"}}",
            sent.BodyText);
    }
}
