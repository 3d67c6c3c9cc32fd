using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Reasoning;
using OpenClaw.OpenRouter.Routing;
using OpenClaw.OpenRouter.Shaping;
using OpenClaw.OpenRouter.Shaping.Steps;
using static OpenClaw.OpenRouter.Tests.Shaping.PayloadContexts;

namespace OpenClaw.OpenRouter.Tests.Shaping.Steps;

public sealed class ReplaySanitiseStepTests
{
    private const string ToolCalls = """[{"id":"call_1","type":"function","function":{"name":"read","arguments":"{}"}}]""";

    /// <summary>Runs the step over one assistant message (after a user message) and returns it.</summary>
    private static JsonObject Sanitise(string model, string assistant, string? baseUrl = OpenRouterBaseUrl.Canonical)
    {
        var context = WithPayload(model, $$"""{"model":"x","messages":[{"role":"user","content":"hi"},{{assistant}}]}""", baseUrl);
        new ReplaySanitiseStep().Apply(context);
        return Wire(context, 1);
    }

    [Theory]
    [InlineData(OpenRouterBaseUrl.Canonical)]
    [InlineData(OtherOpenRouterUrl)]
    [InlineData(LocalProxy)]
    [InlineData(CustomProxy)]
    public void StringReasoningDetailsBecomesReasoningAtTheEnd(string baseUrl)
    {
        var message = Sanitise("deepseek/deepseek-v4-flash",
            $$"""{"role":"assistant","content":null,"reasoning_details":"thinking","tool_calls":{{ToolCalls}}}""", baseUrl);

        AssertJsonOrdered($$"""{"role":"assistant","content":null,"tool_calls":{{ToolCalls}},"reasoning":"thinking"}""", message);
    }

    [Fact]
    public void StringReasoningDetailsNeverOverwritesReasoning() =>
        AssertJsonOrdered("""{"role":"assistant","content":"a","reasoning":"kept"}""",
            Sanitise("openai/gpt-5.5", """{"role":"assistant","content":"a","reasoning":"kept","reasoning_details":"dropped"}"""));

    [Fact]
    public void StringReasoningDetailsFillsANullReasoning() =>
        AssertJsonOrdered("""{"role":"assistant","content":"a","reasoning":"moved"}""",
            Sanitise("openai/gpt-5.5", """{"role":"assistant","reasoning":null,"content":"a","reasoning_details":"moved"}"""));

    [Fact]
    public void ArrayReasoningDetailsIsKept()
    {
        const string Message = """{"role":"assistant","content":null,"reasoning_details":[{"type":"reasoning.encrypted","data":"x","id":"call_1"}],"tool_calls":[]}""";

        AssertJsonOrdered(Message, Sanitise("google/gemini-3.1-pro-preview", Message));
    }

    [Theory]
    [InlineData("""{"type":"reasoning.text"}""")]
    [InlineData("42")]
    [InlineData("true")]
    [InlineData("null")]
    public void NonArrayReasoningDetailsIsRemoved(string details) =>
        AssertJsonOrdered("""{"role":"assistant","content":"a"}""",
            Sanitise("openai/gpt-5.5", $$"""{"role":"assistant","content":"a","reasoning_details":{{details}}}"""));

    [Theory]
    [InlineData("\"\"")]
    [InlineData("null")]
    [InlineData("7")]
    [InlineData("""{"text":"x"}""")]
    [InlineData("""["x"]""")]
    public void EmptyOrNonStringReasoningFieldsAreRemoved(string value)
    {
        AssertJsonOrdered("""{"role":"assistant","content":"a"}""",
            Sanitise("openai/gpt-5.5", $$"""{"role":"assistant","content":"a","reasoning":{{value}}}"""));
        AssertJsonOrdered("""{"role":"assistant","content":"a"}""",
            Sanitise("openai/gpt-5.5", $$"""{"role":"assistant","content":"a","reasoning_content":{{value}}}"""));
    }

    [Fact]
    public void NonEmptyReasoningFieldsAreKept()
    {
        const string Message = """{"role":"assistant","content":"a","reasoning_content":"rc","reasoning":"r"}""";

        AssertJsonOrdered(Message, Sanitise("moonshotai/kimi-k2.6", Message));
    }

    [Fact]
    public void ReasoningTextBecomesReasoningWhenNoOtherTextField() =>
        AssertJsonOrdered("""{"role":"assistant","content":"a","reasoning":"t"}""",
            Sanitise("openai/gpt-5.5", """{"role":"assistant","reasoning_text":"t","content":"a"}"""));

    [Fact]
    public void ReasoningTextFillsAReasoningThatWasEmpty() =>
        AssertJsonOrdered("""{"role":"assistant","content":"a","reasoning":"t"}""",
            Sanitise("openai/gpt-5.5", """{"role":"assistant","reasoning":"","content":"a","reasoning_text":"t"}"""));

    [Theory]
    [InlineData("""{"role":"assistant","content":"a","reasoning":"r","reasoning_text":"t"}""", """{"role":"assistant","content":"a","reasoning":"r"}""")]
    [InlineData("""{"role":"assistant","content":"a","reasoning_content":"rc","reasoning_text":"t"}""", """{"role":"assistant","content":"a","reasoning_content":"rc"}""")]
    [InlineData("""{"role":"assistant","content":"a","reasoning_text":""}""", """{"role":"assistant","content":"a"}""")]
    [InlineData("""{"role":"assistant","content":"a","reasoning_text":{"x":1}}""", """{"role":"assistant","content":"a"}""")]
    public void ReasoningTextIsRemovedOtherwise(string message, string expected) =>
        AssertJsonOrdered(expected, Sanitise("openai/gpt-5.5", message));

    [Theory]
    [InlineData("anthropic/claude-sonnet-4.6")]
    [InlineData("openrouter/anthropic/claude-opus-4-8")]
    [InlineData("openrouter/~anthropic/claude-opus-latest")]
    [InlineData("x-ai/grok-4")]
    [InlineData("openrouter/x-ai/grok-4-fast")]
    public void AnthropicAndXaiAssistantMessagesCarryNoReasoningFields(string model) =>
        AssertJsonOrdered($$"""{"role":"assistant","content":null,"tool_calls":{{ToolCalls}}}""",
            Sanitise(model, $$"""
                {"role":"assistant","content":null,"reasoning":"r","reasoning_content":"rc","reasoning_details":[{"type":"reasoning.text","text":"t"}],
                 "tool_calls":{{ToolCalls}},"reasoning_text":"t"}
                """));

    [Fact]
    public void OnlyAssistantMessagesAreTouched()
    {
        var context = WithPayload("anthropic/claude-sonnet-4.6", """
            {"messages":[{"role":"user","content":"hi","reasoning":"user field"},{"role":"tool","tool_call_id":"c","content":"x","reasoning_details":"s"}]}
            """);

        new ReplaySanitiseStep().Apply(context);

        AssertJson("""[{"role":"user","content":"hi","reasoning":"user field"},{"role":"tool","tool_call_id":"c","content":"x","reasoning_details":"s"}]""",
            context.Payload["messages"]);
    }

    [Fact]
    public void AnthropicPipelineReplayCarriesNoReasoningFields()
    {
        var context = For("anthropic/claude-sonnet-4.6",
        [
            OpenRouterMessage.User("read a.txt"),
            OpenRouterMessage.Assistant(null, [new OpenRouterToolCall("toolu_01", "read", "{}") { ThoughtSignature = """{"type":"reasoning.encrypted","data":"x","id":"toolu_01"}""" }],
                [new ThinkingBlock("Reading.", "reasoning_details")]),
            OpenRouterMessage.ToolResult("toolu_01", "contents"),
            OpenRouterMessage.Assistant("Done.", thinking: [new ThinkingBlock("Finished.", "reasoning")]),
            OpenRouterMessage.User("thanks"),
        ], level: ThinkingLevel.High);

        ChatRequestPipeline.Run(context);

        AssertJsonOrdered("""{"role":"assistant","content":null,"tool_calls":[{"id":"toolu_01","type":"function","function":{"name":"read","arguments":"{}"}}]}""",
            Wire(context, 1));
        AssertJsonOrdered("""{"role":"assistant","content":"Done."}""", Wire(context, 3));
    }

    [Fact]
    public void PipelineReplaysThinkingUnderItsSourceField()
    {
        var context = For("moonshotai/kimi-k2.6",
        [
            OpenRouterMessage.User("q"),
            OpenRouterMessage.Assistant("a1", thinking: [new ThinkingBlock("one", "reasoning_content"), new ThinkingBlock("two", "reasoning")]),
            OpenRouterMessage.User("q2"),
            OpenRouterMessage.Assistant("a2", thinking: [new ThinkingBlock("three", "reasoning_text")]),
            OpenRouterMessage.User("q3"),
        ], level: ThinkingLevel.High);

        ChatRequestPipeline.Run(context);

        AssertJsonOrdered("""{"role":"assistant","content":"a1","reasoning_content":"one\ntwo"}""", Wire(context, 1));
        AssertJsonOrdered("""{"role":"assistant","content":"a2","reasoning":"three"}""", Wire(context, 3));
    }
}
