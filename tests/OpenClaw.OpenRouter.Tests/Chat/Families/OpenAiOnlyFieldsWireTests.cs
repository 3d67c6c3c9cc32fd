using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Tests.Support;
using static OpenClaw.OpenRouter.Tests.Chat.Families.FamilyWire;

namespace OpenClaw.OpenRouter.Tests.Chat.Families;

/// <summary>OpenAI-only request shaping (§11) never reaches OpenRouter or a proxy, whether configured as params or smuggled in through <c>extraBody</c>.</summary>
public sealed class OpenAiOnlyFieldsWireTests
{
    private const string Params =
        """{"serviceTier":"priority","store":true,"extraBody":{"service_tier":"flex","store":true,"prompt_cache_key":"k","prompt_cache_options":{"retention":"24h"},"parallel_tool_calls":true,"verbosity":"low","text":{"verbosity":"low"},"reasoning_effort":"low"}}""";

    [Theory]
    [InlineData(TestRoute.Canonical)]
    [InlineData(TestRoute.OtherOpenRouterHost)]
    [InlineData(TestRoute.Local)]
    [InlineData(TestRoute.Custom)]
    public async Task Only_the_chat_completions_fields_remain_and_developer_goes_out_as_system(TestRoute route)
    {
        await using var harness = await ClientHarness.StartAsync(route);
        var request = new OpenRouterChatRequest
        {
            Model = "openrouter/openai/gpt-5.5",
            Messages = [new OpenRouterMessage { Role = OpenRouterRole.Developer, Text = "Be brief." }, OpenRouterMessage.User("hi")],
            Tools = Tools(),
            Params = JsonNode.Parse(Params)!.AsObject(),
        };

        await StreamAsync(harness, request);

        var sent = Assert.Single(harness.ChatRequests);
        AssertHeaders(sent, route);
        string[] keys = route == TestRoute.Local
            ? ["model", "messages", "stream", "stream_options", "tools", "tool_choice", "max_completion_tokens", "reasoning"]
            : ["model", "messages", "stream", "tools", "tool_choice", "max_completion_tokens", "reasoning"];
        Assert.Equal(keys, Keys(sent));
        Assert.Equal(
            "{\"model\":\"openai/gpt-5.5\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"hi\"}]," + Stream(route)
            + "\"tools\":" + WireTools + ",\"tool_choice\":\"auto\",\"max_completion_tokens\":128000,\"reasoning\":{\"effort\":\"medium\"}}",
            sent.BodyText);
    }
}
