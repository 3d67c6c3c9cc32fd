using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using OpenClaw.Agent.Transcript;
using OpenClaw.OpenRouter.AI;
using OpenClaw.OpenRouter.Chat;

namespace OpenClaw.Agent.Tests.Transcript;

public sealed class TranscriptMessagesTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 10, 0, 0, 123, TimeSpan.Zero);

    private const string GeminiSignature =
        """{"type":"reasoning.encrypted","data":"CiQBjz1rX9k+/w==","id":"tool_get_current_time_0","format":"google-gemini-v1","index":1}""";

    private static OpenRouterChatResult GeminiToolCall() => new()
    {
        Id = "gen-gemini-1",
        RequestedModel = "google/gemini-3.1-pro-preview",
        Model = "google/gemini-3.1-pro-preview",
        Provider = "Google",
        Thinking = [new ThinkingBlock("**Checking the clock**\nI should call the time tool.", "reasoning_details")],
        ReasoningDetails =
        [
            JsonNode.Parse("""{"type":"reasoning.text","text":"**Checking the clock**\nI should call the time tool.","format":"google-gemini-v1","index":0}"""),
            JsonNode.Parse(GeminiSignature),
        ],
        ToolCalls = [new OpenRouterToolCall("tool_get_current_time_0", "get_current_time", """{"timezone":"Europe/Paris"}""") { ThoughtSignature = GeminiSignature }],
        FinishReason = OpenRouterFinishReason.ToolCalls,
        StopReason = OpenRouterStopReason.ToolUse,
        Usage = new OpenRouterUsage
        {
            PromptTokens = 120, CompletionTokens = 40, ReasoningTokens = 25, Cost = 0.000512m, CostOrigin = OpenRouterUsage.ProviderBilled,
        },
    };

    private static OpenRouterChatResult GeminiAnswer() => new()
    {
        Id = "gen-gemini-2",
        RequestedModel = "google/gemini-3.1-pro-preview",
        Model = "google/gemini-3.1-pro-preview",
        Provider = "Google",
        Thinking = [new ThinkingBlock("The tool says 12:00.", "reasoning_details")],
        ReasoningDetails = [JsonNode.Parse("""{"type":"reasoning.text","text":"The tool says 12:00.","format":"google-gemini-v1","index":0}""")],
        Text = "It is 12:00 in Paris.",
        FinishReason = OpenRouterFinishReason.Stop,
    };

    private static OpenRouterChatResult DeepSeekAnswer() => new()
    {
        Id = "gen-deepseek-1",
        RequestedModel = "deepseek/deepseek-v4-flash",
        Model = "deepseek/deepseek-v4-flash-20260401",
        Provider = "DeepSeek",
        Thinking = [new ThinkingBlock("The user greets me; answer briefly.", "reasoning_content")],
        Text = "Hello! How can I help?",
        FinishReason = OpenRouterFinishReason.Stop,
        Usage = new OpenRouterUsage { PromptTokens = 1000, CompletionTokens = 20, CacheReadTokens = 900, Cost = 0.012896m, CostOrigin = OpenRouterUsage.ProviderBilled },
    };

    private static OpenRouterChatResult AnthropicToolCall() => new()
    {
        Id = "gen-anthropic-1",
        RequestedModel = "anthropic/claude-sonnet-4.6",
        Model = "anthropic/claude-sonnet-4.6",
        Provider = "Anthropic",
        Thinking = [new ThinkingBlock("I need the current time.", "reasoning")],
        ReasoningDetails =
        [
            JsonNode.Parse("""{"type":"reasoning.text","text":"I need the current time.","signature":"EqQBCkgIBxABGAIiQL","format":"anthropic-claude-v1","index":0}"""),
        ],
        Text = "Let me check.",
        ToolCalls = [new OpenRouterToolCall("toolu_01A", "get_current_time", "{}")],
        FinishReason = OpenRouterFinishReason.ToolCalls,
        StopReason = OpenRouterStopReason.ToolUse,
        Usage = new OpenRouterUsage { PromptTokens = 500, CompletionTokens = 60, CacheWriteTokens = 400, Cost = 0.0033m, CostOrigin = OpenRouterUsage.Estimated },
    };

    /// <summary>Compares JSON text and key order exactly, ignoring only the whitespace of <paramref name="expected"/>.</summary>
    private static void AssertJson(string expected, JsonNode actual) =>
        Assert.Equal(TranscriptJson.Serialize(JsonNode.Parse(expected)!), TranscriptJson.Serialize(actual));

    private static IReadOnlyList<OpenRouterMessage> Replay(params JsonObject[] stored) =>
        ChatMessageMapper.ToOpenRouterMessages(TranscriptMessages.ToChatMessages(stored));

    [Fact]
    public void A_user_message_has_role_text_block_and_utc_timestamp()
    {
        var message = TranscriptMessages.User("What time is it?", new DateTimeOffset(2026, 5, 1, 12, 0, 0, 123, TimeSpan.FromHours(2)));

        AssertJson("""{"role":"user","content":[{"type":"text","text":"What time is it?"}],"timestamp":"2026-05-01T10:00:00.123Z"}""", message);
    }

    [Fact]
    public void A_tool_result_has_call_id_tool_name_text_and_error_flag()
    {
        var message = TranscriptMessages.ToolResult("call_1", "get_current_time", "12:00", isError: true, Now);

        AssertJson(
            """
            {"role":"toolResult","toolCallId":"call_1","toolName":"get_current_time","content":[{"type":"text","text":"12:00"}],
             "isError":true,"timestamp":"2026-05-01T10:00:00.123Z"}
            """,
            message);
    }

    [Fact]
    public void A_gemini_tool_call_keeps_reasoning_details_thinking_and_the_thought_signature()
    {
        var message = TranscriptMessages.Assistant(GeminiToolCall(), Now);

        var signature = JsonValue.Create(GeminiSignature).ToJsonString();
        AssertJson(
            $$$"""
            {"role":"assistant",
             "content":[
               {"type":"thinking","thinking":"**Checking the clock**\nI should call the time tool.","thinkingSignature":"reasoning_details"},
               {"type":"toolCall","id":"tool_get_current_time_0","name":"get_current_time","arguments":{"timezone":"Europe/Paris"},
                "thoughtSignature":{{{signature}}}}],
             "api":"openai-completions","provider":"openrouter","model":"google/gemini-3.1-pro-preview",
             "requestedModel":"google/gemini-3.1-pro-preview","upstreamProvider":"Google","responseId":"gen-gemini-1",
             "usage":{"input":120,"output":40,"cacheRead":0,"cacheWrite":0,"reasoningTokens":25,"totalTokens":160,
                      "cost":{"total":0.000512,"totalOrigin":"provider-billed"}},
             "stopReason":"toolUse","finishReason":"tool_calls",
             "reasoningDetails":[
               {"type":"reasoning.text","text":"**Checking the clock**\nI should call the time tool.","format":"google-gemini-v1","index":0},
               {{{GeminiSignature}}}],
             "timestamp":"2026-05-01T10:00:00.123Z"}
            """,
            message);
    }

    [Fact]
    public void A_deepseek_answer_keeps_reasoning_content_text_and_cache_usage()
    {
        var message = TranscriptMessages.Assistant(DeepSeekAnswer(), Now);

        AssertJson(
            """
            {"role":"assistant",
             "content":[
               {"type":"thinking","thinking":"The user greets me; answer briefly.","thinkingSignature":"reasoning_content"},
               {"type":"text","text":"Hello! How can I help?"}],
             "api":"openai-completions","provider":"openrouter","model":"deepseek/deepseek-v4-flash-20260401",
             "requestedModel":"deepseek/deepseek-v4-flash","upstreamProvider":"DeepSeek","responseId":"gen-deepseek-1",
             "usage":{"input":100,"output":20,"cacheRead":900,"cacheWrite":0,"totalTokens":1020,
                      "cost":{"total":0.012896,"totalOrigin":"provider-billed"}},
             "stopReason":"stop","finishReason":"stop","timestamp":"2026-05-01T10:00:00.123Z"}
            """,
            message);
    }

    [Fact]
    public void The_cost_is_a_json_number_with_the_exact_decimal()
    {
        var message = TranscriptMessages.Assistant(DeepSeekAnswer(), Now);

        var total = message["usage"]!["cost"]!["total"]!;
        Assert.Equal(JsonValueKind.Number, total.GetValueKind());
        Assert.Equal(0.012896m, total.GetValue<decimal>());
    }

    [Fact]
    public void An_answer_without_usage_finish_reason_or_ids_omits_them()
    {
        var message = TranscriptMessages.Assistant(new OpenRouterChatResult { Text = "Hi" }, Now);

        AssertJson(
            """
            {"role":"assistant","content":[{"type":"text","text":"Hi"}],"api":"openai-completions","provider":"openrouter",
             "stopReason":"stop","timestamp":"2026-05-01T10:00:00.123Z"}
            """,
            message);
    }

    [Fact]
    public void An_error_result_records_stop_reason_and_error_message()
    {
        var result = new OpenRouterChatResult
        {
            RequestedModel = "openai/gpt-5",
            FinishReason = OpenRouterFinishReason.ContentFilter,
            StopReason = OpenRouterStopReason.Error,
            ErrorMessage = "Provider finish_reason: content_filter",
        };

        var message = TranscriptMessages.Assistant(result, Now);

        AssertJson(
            """
            {"role":"assistant","content":[],"api":"openai-completions","provider":"openrouter","requestedModel":"openai/gpt-5",
             "stopReason":"error","finishReason":"content_filter","errorMessage":"Provider finish_reason: content_filter",
             "timestamp":"2026-05-01T10:00:00.123Z"}
            """,
            message);
    }

    [Fact]
    public void Tool_arguments_that_are_not_an_object_are_stored_as_the_raw_string()
    {
        var result = new OpenRouterChatResult
        {
            ToolCalls =
            [
                new OpenRouterToolCall("call_1", "list", "[1,2]"),
                new OpenRouterToolCall("call_2", "broken", "{\"a\":"),
                new OpenRouterToolCall("call_3", "empty", ""),
            ],
            StopReason = OpenRouterStopReason.ToolUse,
        };

        var message = TranscriptMessages.Assistant(result, Now);

        var arguments = message["content"]!.AsArray().Select(block => block!["arguments"]!).ToList();
        Assert.All(arguments, argument => Assert.Equal(JsonValueKind.String, argument.GetValueKind()));
        Assert.Equal(["[1,2]", "{\"a\":", ""], arguments.Select(argument => argument.GetValue<string>()));

        var replayed = Replay(TranscriptMessages.User("go", Now), message)[1];
        Assert.Equal(["[1,2]", "{\"a\":", ""], replayed.ToolCalls!.Select(call => call.Arguments));
    }

    [Fact]
    public void Replay_of_an_assistant_message_orders_thinking_signatures_text_and_calls()
    {
        var stored = TranscriptMessages.Assistant(GeminiToolCall() with { Text = "Checking." }, Now);

        var message = Assert.Single(TranscriptMessages.ToChatMessages([stored]));

        Assert.Equal(ChatRole.Assistant, message.Role);
        Assert.Collection(message.Contents,
            content =>
            {
                var thinking = Assert.IsType<TextReasoningContent>(content);
                Assert.Equal("**Checking the clock**\nI should call the time tool.", thinking.Text);
                Assert.Equal("reasoning_details", thinking.AdditionalProperties?[OpenRouterPropertyNames.SourceField]);
            },
            content =>
            {
                var signature = Assert.IsType<TextReasoningContent>(content);
                Assert.Equal("", signature.Text);
                Assert.Equal(GeminiSignature, signature.ProtectedData);
            },
            content => Assert.Equal("Checking.", Assert.IsType<TextContent>(content).Text),
            content =>
            {
                var call = Assert.IsType<FunctionCallContent>(content);
                Assert.Equal("tool_get_current_time_0", call.CallId);
                Assert.Equal("get_current_time", call.Name);
                var timezone = Assert.IsType<JsonElement>(call.Arguments!["timezone"]);
                Assert.Equal("Europe/Paris", timezone.GetString());
            });
    }

    [Fact]
    public void A_gemini_tool_loop_replays_thinking_calls_and_signatures_through_the_openrouter_mapper()
    {
        var toolCall = GeminiToolCall();
        var answer = GeminiAnswer();

        var replayed = Replay(
            TranscriptMessages.User("What time is it in Paris?", Now),
            TranscriptMessages.Assistant(toolCall, Now),
            TranscriptMessages.ToolResult("tool_get_current_time_0", "get_current_time", "12:00", isError: false, Now),
            TranscriptMessages.Assistant(answer, Now));

        Assert.Equal([OpenRouterRole.User, OpenRouterRole.Assistant, OpenRouterRole.Tool, OpenRouterRole.Assistant], replayed.Select(m => m.Role));
        Assert.Equal("What time is it in Paris?", replayed[0].Text);

        Assert.Equal(toolCall.Thinking, replayed[1].Thinking);
        Assert.Equal(toolCall.ToolCalls, replayed[1].ToolCalls);
        Assert.Equal(GeminiSignature, replayed[1].ToolCalls![0].ThoughtSignature);
        Assert.Null(replayed[1].Text);

        Assert.Equal("tool_get_current_time_0", replayed[2].ToolCallId);
        Assert.Equal("12:00", replayed[2].Text);

        Assert.Equal(answer.Thinking, replayed[3].Thinking);
        Assert.Equal("It is 12:00 in Paris.", replayed[3].Text);
        Assert.True(replayed[3].ToolCalls is null or { Count: 0 });
    }

    [Fact]
    public void A_deepseek_answer_replays_its_reasoning_content_thinking()
    {
        var answer = DeepSeekAnswer();

        var replayed = Replay(TranscriptMessages.User("Hi", Now), TranscriptMessages.Assistant(answer, Now));

        Assert.Equal(answer.Thinking, replayed[1].Thinking);
        Assert.Equal("Hello! How can I help?", replayed[1].Text);
    }

    [Fact]
    public void An_anthropic_tool_call_replays_thinking_text_and_a_call_without_signature()
    {
        var toolCall = AnthropicToolCall();

        var replayed = Replay(TranscriptMessages.User("Time?", Now), TranscriptMessages.Assistant(toolCall, Now));

        Assert.Equal(toolCall.Thinking, replayed[1].Thinking);
        Assert.Equal("Let me check.", replayed[1].Text);
        var call = Assert.Single(replayed[1].ToolCalls!);
        Assert.Equal(new OpenRouterToolCall("toolu_01A", "get_current_time", "{}"), call);
    }

    [Fact]
    public void Error_entries_are_not_replayed_but_the_user_message_before_them_is()
    {
        var error = TranscriptMessages.Assistant(
            new OpenRouterChatResult { StopReason = OpenRouterStopReason.Error, ErrorMessage = "Provider finish_reason: error", Text = "partial" }, Now);

        var replayed = TranscriptMessages.ToChatMessages(
        [
            TranscriptMessages.User("first", Now),
            error,
            TranscriptMessages.User("second", Now),
            TranscriptMessages.Assistant(DeepSeekAnswer(), Now),
        ]);

        Assert.Equal([ChatRole.User, ChatRole.User, ChatRole.Assistant], replayed.Select(m => m.Role));
        Assert.Equal(["first", "second", "Hello! How can I help?"], replayed.Select(m => m.Text));
    }

    [Fact]
    public void Replay_survives_a_json_text_round_trip()
    {
        var stored = new[]
        {
            TranscriptMessages.User("What time is it in Paris?", Now),
            TranscriptMessages.Assistant(GeminiToolCall(), Now),
        }.Select(message => (JsonObject)JsonNode.Parse(TranscriptJson.Serialize(message))!).ToArray();

        var replayed = Replay(stored);

        Assert.Equal(GeminiToolCall().ToolCalls, replayed[1].ToolCalls);
        Assert.Equal(GeminiToolCall().Thinking, replayed[1].Thinking);
    }

    [Fact]
    public void TextOf_joins_text_blocks_and_ignores_thinking_and_calls()
    {
        var assistant = TranscriptMessages.Assistant(AnthropicToolCall(), Now);
        var twoBlocks = new JsonObject
        {
            ["role"] = "user",
            ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = "one" }, new JsonObject { ["type"] = "text", ["text"] = "two" }),
        };

        Assert.Equal("Let me check.", TranscriptMessages.TextOf(assistant));
        Assert.Equal("one\ntwo", TranscriptMessages.TextOf(twoBlocks));
        Assert.Equal("12:00", TranscriptMessages.TextOf(TranscriptMessages.ToolResult("c", "t", "12:00", false, Now)));
        Assert.Equal("", TranscriptMessages.TextOf(TranscriptMessages.Assistant(GeminiToolCall(), Now)));
    }
}
