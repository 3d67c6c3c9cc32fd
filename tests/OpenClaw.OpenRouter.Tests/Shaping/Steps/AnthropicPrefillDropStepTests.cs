using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Reasoning;
using OpenClaw.OpenRouter.Routing;
using OpenClaw.OpenRouter.Shaping;
using OpenClaw.OpenRouter.Shaping.Steps;
using static OpenClaw.OpenRouter.Tests.Shaping.PayloadContexts;

namespace OpenClaw.OpenRouter.Tests.Shaping.Steps;

public sealed class AnthropicPrefillDropStepTests
{
    private const string Claude = "anthropic/claude-sonnet-4.6";
    private const string User = """{"role":"user","content":"hi"}""";
    private const string Prefill = """{"role":"assistant","content":"Sure,"}""";

    private static string Warning(int count) =>
        $"removed {count} trailing assistant prefill message(s) because OpenRouter-routed Anthropic reasoning requires conversations to end with a user turn";

    private static ChatPayloadContext Drop(string messages, string reasoningFields = ""","reasoning":{"effort":"high"}""", string model = Claude,
        string? baseUrl = OpenRouterBaseUrl.Canonical)
    {
        var context = WithPayload(model, $$"""{"model":"m","messages":[{{messages}}]{{reasoningFields}}}""", baseUrl);
        new AnthropicPrefillDropStep().Apply(context);
        return context;
    }

    [Fact]
    public void DropsATrailingPrefillAndWarns()
    {
        var context = Drop($"{User},{Prefill}");

        AssertJson($"[{User}]", context.Payload["messages"]);
        Assert.Equal([Warning(1)], context.Warnings);
    }

    [Fact]
    public void DropsEveryTrailingPrefill()
    {
        var context = Drop($$"""{{User}},{"role":"assistant","content":"earlier"},{{User}},{{Prefill}},{"role":"assistant","content":[{"type":"text","text":"more"}]}""");

        AssertJson($$"""[{{User}},{"role":"assistant","content":"earlier"},{{User}}]""", context.Payload["messages"]);
        Assert.Equal([Warning(2)], context.Warnings);
    }

    [Theory]
    [InlineData("""{"role":"assistant","content":null,"tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":"{}"}}]}""")]
    [InlineData("""{"role":"assistant","content":[{"type":"tool_use","id":"c","name":"f","input":{}}]}""")]
    [InlineData("""{"role":"assistant","content":[{"type":"text","text":"x"},{"type":"toolCall","id":"c","name":"f"}]}""")]
    public void KeepsATrailingAssistantThatCallsATool(string assistant)
    {
        var context = Drop($"{User},{assistant}");

        AssertJson($"[{User},{assistant}]", context.Payload["messages"]);
        Assert.Empty(context.Warnings);
    }

    [Fact]
    public void EmptyToolCallsDoNotCount()
    {
        var context = Drop($$"""{{User}},{"role":"assistant","content":"x","tool_calls":[]}""");

        AssertJson($"[{User}]", context.Payload["messages"]);
    }

    [Fact]
    public void NothingToDropMeansNoWarning()
    {
        var context = Drop($"{Prefill},{User}");

        AssertJson($"[{Prefill},{User}]", context.Payload["messages"]);
        Assert.Empty(context.Warnings);
    }

    [Theory]
    [InlineData("")]
    [InlineData(""","reasoning":null""")]
    [InlineData(""","reasoning":false""")]
    [InlineData(""","reasoning":"" """)]
    [InlineData(""","reasoning":"off" """)]
    [InlineData(""","reasoning":"NONE" """)]
    [InlineData(""","reasoning":{"effort":"none"}""")]
    [InlineData(""","reasoning":{"effort":"Off"}""")]
    [InlineData(""","reasoning":{"enabled":false}""")]
    [InlineData(""","reasoning":{"effort":"high","enabled":false}""")]
    [InlineData(""","reasoning":{"effort":"none"},"reasoning_effort":"none" """)]
    [InlineData(""","reasoning_effort":null""")]
    [InlineData(""","reasoning_effort":"Off" """)]
    [InlineData(""","reasoning_effort":{"enabled":false}""")]
    public void KeptWhenReasoningIsDisabled(string reasoningFields)
    {
        var context = Drop($"{User},{Prefill}", reasoningFields);

        AssertJson($"[{User},{Prefill}]", context.Payload["messages"]);
        Assert.Empty(context.Warnings);
    }

    [Theory]
    [InlineData(""","reasoning":{"effort":"high"}""")]
    [InlineData(""","reasoning":{}""")]
    [InlineData(""","reasoning":{"enabled":true}""")]
    [InlineData(""","reasoning":{"max_tokens":2048}""")]
    [InlineData(""","reasoning":true""")]
    [InlineData(""","reasoning":"high" """)]
    [InlineData(""","reasoning":1""")]
    [InlineData(""","reasoning":{"effort":"none"},"reasoning_effort":"high" """)]
    [InlineData(""","reasoning_effort":"medium" """)]
    public void DroppedWhenReasoningIsEnabled(string reasoningFields)
    {
        var context = Drop($"{User},{Prefill}", reasoningFields);

        AssertJson($"[{User}]", context.Payload["messages"]);
    }

    [Theory]
    [InlineData("openrouter/~anthropic/claude-opus-latest")]
    [InlineData("openrouter/anthropic/claude-opus-4-8")]
    [InlineData("ANTHROPIC/claude-haiku-4.5")]
    public void AppliesToEveryAnthropicFamilyId(string model) =>
        AssertJson($"[{User}]", Drop($"{User},{Prefill}", model: model).Payload["messages"]);

    [Theory]
    [InlineData("openai/gpt-5.5")]
    [InlineData("deepseek/deepseek-v4-flash")]
    public void OtherModelsKeepTheirPrefill(string model) =>
        AssertJson($"[{User},{Prefill}]", Drop($"{User},{Prefill}", model: model).Payload["messages"]);

    [Theory]
    [InlineData("https://openrouter.ai/v1/", true)]
    [InlineData("https://openrouter.ai/api/v1///", true)]
    [InlineData(null, true)]
    [InlineData(OtherOpenRouterUrl, false)]
    [InlineData(LocalProxy, false)]
    [InlineData(CustomProxy, false)]
    public void OnlyOnAVerifiedRoute(string? baseUrl, bool drops)
    {
        var context = Drop($"{User},{Prefill}", baseUrl: baseUrl);

        Assert.Equal(drops ? 1 : 2, context.WireMessages.Count);
        Assert.Equal(drops ? 1 : 0, context.Warnings.Count);
    }

    [Fact]
    public void PipelineDropsThePrefillWithThinkingOn()
    {
        var context = For(Claude, [OpenRouterMessage.User("hi"), OpenRouterMessage.Assistant("Sure,")], level: ThinkingLevel.High);

        ChatRequestPipeline.Run(context);

        // The cache marker sits on the user turn, which is what the conversation now ends with.
        AssertJson("""[{"role":"user","content":[{"type":"text","text":"hi","cache_control":{"type":"ephemeral"}}]}]""", context.Payload["messages"]);
        Assert.Equal([Warning(1)], context.Warnings);
    }

    [Fact]
    public void PipelineKeepsThePrefillWithThinkingOff()
    {
        var context = For(Claude, [OpenRouterMessage.User("hi"), OpenRouterMessage.Assistant("Sure,")], level: ThinkingLevel.Off);

        ChatRequestPipeline.Run(context);

        AssertJson("""{"effort":"none"}""", context.Payload["reasoning"]);
        AssertJson("""[{"role":"user","content":[{"type":"text","text":"hi","cache_control":{"type":"ephemeral"}}]},{"role":"assistant","content":"Sure,"}]""",
            context.Payload["messages"]);
        Assert.Empty(context.Warnings);
    }
}
