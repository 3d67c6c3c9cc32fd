using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using OpenClaw.OpenRouter.AI;
using OpenClaw.OpenRouter.Models;
using OpenClaw.OpenRouter.Tests.Support;

namespace OpenClaw.OpenRouter.Tests.AI;

/// <summary>
/// MEAI's function-invocation loop over the OpenRouter client: the tool-call turn is replayed with what each upstream needs —
/// Gemini's thought signatures (the emulator answers 400 without them, as Gemini does), and Anthropic with thinking on.
/// </summary>
public sealed class ToolLoopTests
{
    private const string Ask = "Weather in Zürich, \"centre\"? Use get_weather.";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static AIFunction Weather { get; } = AIFunctionFactory.Create((string city) => $"Sunny in {city}", "get_weather", "Gets the weather for a city");

    private static Action<OpenRouterClientOptions> Reasoning(string model) => options => options.Models.Add(new OpenRouterModelInfo { Id = model, Reasoning = true });

    private static ChatOptions ToolOptions() => new()
    {
        Tools = [Weather],
        Reasoning = new ReasoningOptions { Effort = Microsoft.Extensions.AI.ReasoningEffort.High },
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_gemini_tool_loop_replays_the_thought_signature_and_the_second_request_is_accepted(bool streaming)
    {
        const string model = "google/gemini-3.1-pro-preview";
        await using var harness = await ClientHarness.StartAsync(configure: Reasoning(model));
        using var chat = new ChatClientBuilder(new OpenRouterChatClient(harness.Client, model)).UseFunctionInvocation().Build();
        List<ChatMessage> conversation = [new(ChatRole.User, Ask)];

        var response = streaming
            ? await chat.GetStreamingResponseAsync(conversation, ToolOptions(), Token).ToChatResponseAsync(Token)
            : await chat.GetResponseAsync(conversation, ToolOptions(), Token);

        Assert.Contains("Tool get_weather returned: Sunny in " + Ask, response.Text, StringComparison.Ordinal);
        Assert.Equal(2, harness.ChatRequests.Count);
        var first = harness.ChatRequests[0].BodyJson!;
        Assert.Equal("high", first["reasoning"]?["effort"]?.GetValue<string>());

        var replayed = harness.ChatRequests[1].BodyJson!["messages"]!.AsArray();
        var assistant = replayed.Single(message => message!["role"]!.GetValue<string>() == "assistant")!;
        var call = assistant["tool_calls"]![0]!;
        var callId = call["id"]!.GetValue<string>();
        Assert.Equal("get_weather", call["function"]!["name"]!.GetValue<string>());
        // Re-serialized from the parsed arguments, escaped only where JSON requires it.
        Assert.Equal("""{"city":"Weather in Zürich, \"centre\"? Use get_weather."}""", call["function"]!["arguments"]!.GetValue<string>());
        var signature = Assert.Single(assistant["reasoning_details"]!.AsArray())!;
        Assert.Equal("reasoning.encrypted", signature["type"]!.GetValue<string>());
        Assert.Equal(callId, signature["id"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(signature["data"]!.GetValue<string>()));
        Assert.DoesNotContain("\\u00FC", harness.ChatRequests[1].BodyText, StringComparison.OrdinalIgnoreCase);
        var tool = replayed.Single(message => message!["role"]!.GetValue<string>() == "tool")!;
        Assert.Equal(callId, tool["tool_call_id"]!.GetValue<string>());
        Assert.Equal("Sunny in " + Ask, tool["content"]!.GetValue<string>());

        // The signature is exactly the item the first answer carried.
        var toolCallMessage = response.Messages.First(message => message.Contents.OfType<FunctionCallContent>().Any());
        var items = toolCallMessage.Contents.OfType<TextReasoningContent>().Where(content => content.ProtectedData is not null).Select(content => JsonNode.Parse(content.ProtectedData!));
        Assert.Contains(items, item => JsonNode.DeepEquals(item, signature));
    }

    [Fact]
    public async Task Without_the_signature_the_emulator_rejects_the_replay_as_gemini_does()
    {
        const string model = "google/gemini-3.1-pro-preview";
        await using var harness = await ClientHarness.StartAsync(configure: Reasoning(model));
        using var chat = new OpenRouterChatClient(harness.Client, model);
        List<ChatMessage> conversation = [new(ChatRole.User, Ask)];
        var first = await chat.GetResponseAsync(conversation, ToolOptions(), Token);
        var call = first.Messages[0].Contents.OfType<FunctionCallContent>().Single();

        // The history a client that drops reasoning content would send.
        conversation.Add(new ChatMessage(ChatRole.Assistant, [call]));
        conversation.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(call.CallId, "Sunny")]));
        var error = await Assert.ThrowsAsync<Errors.OpenRouterBadRequestException>(() => chat.GetResponseAsync(conversation, ToolOptions(), Token));

        Assert.Contains("thought_signature", error.RawError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anthropic_tool_loop_with_thinking_completes()
    {
        const string model = "anthropic/claude-sonnet-4.6";
        await using var harness = await ClientHarness.StartAsync(configure: Reasoning(model));
        using var chat = new ChatClientBuilder(new OpenRouterChatClient(harness.Client, model)).UseFunctionInvocation().Build();

        var response = await chat.GetResponseAsync([new ChatMessage(ChatRole.User, Ask)], ToolOptions(), Token);

        Assert.Contains("Tool get_weather returned: Sunny in " + Ask, response.Text, StringComparison.Ordinal);
        Assert.Equal(2, harness.ChatRequests.Count);
        var callId = response.Messages.SelectMany(message => message.Contents).OfType<FunctionCallContent>().Single().CallId;
        Assert.StartsWith("toolu_", callId, StringComparison.Ordinal);
        Assert.Equal("high", harness.ChatRequests[0].BodyJson!["reasoning"]?["effort"]?.GetValue<string>());
        // The conversation ends in the tool result, not an assistant turn (Anthropic with thinking refuses prefill). Which
        // reasoning fields the assistant turn keeps for Anthropic is the pipeline's replay rule (§12.3), not the adapter's.
        var replayed = harness.ChatRequests[1].BodyJson!["messages"]!.AsArray();
        Assert.Equal(["user", "assistant", "tool"], replayed.Select(message => message!["role"]!.GetValue<string>()));
        Assert.Equal(callId, replayed[1]!["tool_calls"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(callId, replayed[2]!["tool_call_id"]!.GetValue<string>());
        // Usage of both calls is summed by the invocation loop, cost included.
        var usage = response.Usage!;
        Assert.True(usage.AdditionalCounts?[OpenRouterPropertyNames.CostPicodollars] > 0);
    }
}
