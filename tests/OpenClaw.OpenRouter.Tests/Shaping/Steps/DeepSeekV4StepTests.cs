using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Models;
using OpenClaw.OpenRouter.Reasoning;
using OpenClaw.OpenRouter.Routing;
using OpenClaw.OpenRouter.Shaping;
using OpenClaw.OpenRouter.Shaping.Steps;
using static OpenClaw.OpenRouter.Tests.Shaping.PayloadContexts;

namespace OpenClaw.OpenRouter.Tests.Shaping.Steps;

public sealed class DeepSeekV4StepTests
{
    private const string Flash = "deepseek/deepseek-v4-flash";
    private const string ToolCalls = """[{"id":"call_1","type":"function","function":{"name":"read","arguments":"{}"}}]""";

    private static readonly OpenRouterModelInfo UnknownEfforts = new() { Id = Flash, Reasoning = true };
    private static readonly OpenRouterModelInfo KnownEfforts = new() { Id = Flash, Reasoning = true, SupportedReasoningEfforts = [ReasoningEffort.None, ReasoningEffort.XHigh, ReasoningEffort.High] };
    private static readonly OpenRouterModelInfo Binary = new() { Id = Flash, Reasoning = true, SupportedReasoningEfforts = [] };

    private static ChatPayloadContext Patch(string payload, string? level = null, bool oneShot = false, OpenRouterModelInfo? info = null,
        string model = Flash, string? baseUrl = OpenRouterBaseUrl.Canonical)
    {
        var context = WithPayload(model, payload, baseUrl, info ?? UnknownEfforts, level: level is null ? null : new ThinkingLevel(level), oneShot: oneShot);
        new DeepSeekV4Step().Apply(context);
        return context;
    }

    [Fact]
    public void DeletesThinkingAndReasoningEffort()
    {
        var context = Patch("""{"model":"m","messages":[],"thinking":{"type":"enabled"},"reasoning_effort":"low","reasoning":{"effort":"high"}}""", "high");

        AssertJsonOrdered("""{"model":"m","messages":[],"reasoning":{"effort":"high"}}""", context.Payload);
    }

    [Theory]
    [InlineData(null, "high")]
    [InlineData("off", "none")]
    [InlineData("minimal", "high")]
    [InlineData("low", "high")]
    [InlineData("medium", "high")]
    [InlineData("high", "high")]
    [InlineData("adaptive", "high")]
    [InlineData("xhigh", "high")]
    [InlineData("max", "high")]
    public void AgentTurnsMapTheClampedLevel(string? level, string effort) =>
        AssertJson($$"""{"effort":"{{effort}}"}""", Patch("""{"reasoning":{"effort":"medium"}}""", level).Payload["reasoning"]);

    [Theory]
    [InlineData(null, "high")]
    [InlineData("off", "none")]
    [InlineData("low", "high")]
    [InlineData("high", "high")]
    [InlineData("xhigh", "xhigh")]
    [InlineData("max", "xhigh")]
    public void OneShotCompletionsMapTheRequestedLevel(string? level, string effort) =>
        AssertJson($$"""{"effort":"{{effort}}"}""", Patch("""{"reasoning":{"effort":"high"}}""", level, oneShot: true).Payload["reasoning"]);

    [Fact]
    public void OtherReasoningFieldsAreKept() =>
        AssertJsonOrdered("""{"max_tokens":2048,"exclude":true,"effort":"xhigh"}""",
            Patch("""{"reasoning":{"max_tokens":2048,"exclude":true}}""", "max", oneShot: true).Payload["reasoning"]);

    [Fact]
    public void AnAbsentReasoningIsAdded() =>
        AssertJson("""{"effort":"high"}""", Patch("""{"messages":[]}""").Payload["reasoning"]);

    [Theory]
    [InlineData("xhigh", """{"effort":"xhigh"}""")]
    [InlineData("off", """{"effort":"none"}""")]
    public void KnownEffortsAreLeftAlone(string level, string reasoning) =>
        AssertJson(reasoning, Patch($$"""{"reasoning":{{reasoning}}}""", level, info: KnownEfforts).Payload["reasoning"]);

    [Fact]
    public void BinaryEffortsAreLeftAlone() =>
        AssertJson("""{"enabled":true}""", Patch("""{"reasoning":{"enabled":true}}""", "high", info: Binary).Payload["reasoning"]);

    [Fact]
    public void ThinkingOnBackfillsAssistantAnswers()
    {
        var context = Patch($$$"""
            {"messages":[
              {"role":"user","content":"q"},
              {"role":"assistant","content":null,"tool_calls":{{{ToolCalls}}},"reasoning":"r1"},
              {"role":"tool","tool_call_id":"call_1","content":"x"},
              {"role":"assistant","content":"a","reasoning":"r2"},
              {"role":"assistant","content":"b","tool_calls":[]},
              {"role":"assistant","content":"c","reasoning_content":"kept"},
              {"role":"assistant","content":"d","reasoning_content":null},
              {"role":"user","content":"q2"}],
             "reasoning":{"effort":"high"}}
            """, "high");

        AssertJsonOrdered($$"""
            [{"role":"user","content":"q"},
             {"role":"assistant","content":null,"tool_calls":{{ToolCalls}},"reasoning":"r1"},
             {"role":"tool","tool_call_id":"call_1","content":"x"},
             {"role":"assistant","content":"a","reasoning":"r2","reasoning_content":""},
             {"role":"assistant","content":"b","tool_calls":[],"reasoning_content":""},
             {"role":"assistant","content":"c","reasoning_content":"kept"},
             {"role":"assistant","content":"d","reasoning_content":null},
             {"role":"user","content":"q2"}]
            """, context.Payload["messages"]);
    }

    [Fact]
    public void KnownEffortsStillBackfill() =>
        AssertJson("""[{"role":"assistant","content":"a","reasoning_content":""}]""",
            Patch("""{"messages":[{"role":"assistant","content":"a"}],"reasoning":{"effort":"xhigh"}}""", "xhigh", info: KnownEfforts).Payload["messages"]);

    [Fact]
    public void ThinkingOffStripsReasoningContentEverywhere()
    {
        var context = Patch($$$"""
            {"messages":[
              {"role":"user","content":"q","reasoning_content":"odd"},
              {"role":"assistant","content":null,"tool_calls":{{{ToolCalls}}},"reasoning_content":"r1"},
              {"role":"assistant","content":"a","reasoning":"r2","reasoning_content":""}],
             "reasoning":{"effort":"high"}}
            """, "off");

        AssertJson("""{"effort":"none"}""", context.Payload["reasoning"]);
        AssertJson($$"""
            [{"role":"user","content":"q"},
             {"role":"assistant","content":null,"tool_calls":{{ToolCalls}}},
             {"role":"assistant","content":"a","reasoning":"r2"}]
            """, context.Payload["messages"]);
    }

    [Theory]
    [InlineData("""{"enabled":false}""")]
    [InlineData("""{"effort":"None"}""")]
    public void KnownEffortsThatDisableThinkingStrip(string reasoning) =>
        AssertJson("""[{"role":"assistant","content":"a"}]""",
            Patch($$"""{"messages":[{"role":"assistant","content":"a","reasoning_content":"x"}],"reasoning":{{reasoning}}}""", info: KnownEfforts).Payload["messages"]);

    [Theory]
    [InlineData("openrouter/deepseek-v4-flash")]
    [InlineData("openrouter/deepseek/deepseek-v4-pro")]
    [InlineData("deepseek/deepseek-v4-flash-0731")]
    [InlineData("deepseek/deepseek-v4-pro:nitro")]
    public void AppliesToEveryDeepSeekV4Id(string model) =>
        AssertJson("""[{"role":"assistant","content":"a","reasoning_content":""}]""",
            Patch("""{"messages":[{"role":"assistant","content":"a"}]}""", "high", model: model).Payload["messages"]);

    [Theory]
    [InlineData("deepseek/deepseek-v3.1", OpenRouterBaseUrl.Canonical)]
    [InlineData("deepseek/deepseek-r1", OpenRouterBaseUrl.Canonical)]
    [InlineData(Flash, OtherOpenRouterUrl)]
    [InlineData(Flash, LocalProxy)]
    [InlineData(Flash, CustomProxy)]
    public void UntouchedElsewhere(string model, string baseUrl)
    {
        const string Payload = """{"messages":[{"role":"assistant","content":"a"}],"thinking":{"type":"enabled"},"reasoning":{"effort":"medium"}}""";

        AssertJsonOrdered(Payload, Patch(Payload, "xhigh", oneShot: true, model: model, baseUrl: baseUrl).Payload);
    }

    /// <summary>The tool turn and its follow-up as the agent replays them: thinking arrived in <c>reasoning_details</c>.</summary>
    private static List<OpenRouterMessage> ToolTurnThenFollowUp() =>
    [
        OpenRouterMessage.User("read a.txt"),
        OpenRouterMessage.Assistant(null, [new OpenRouterToolCall("call_1", "read", "{}")], [new ThinkingBlock("I should read it.", "reasoning_details")]),
        OpenRouterMessage.ToolResult("call_1", "contents"),
        OpenRouterMessage.Assistant("It says contents.", thinking: [new ThinkingBlock("Summarise.", "reasoning_details")]),
        OpenRouterMessage.User("thanks"),
    ];

    private static ChatPayloadContext RunPipeline(string level, OpenRouterModelInfo info, string? baseUrl = OpenRouterBaseUrl.Canonical)
    {
        var context = For(Flash, ToolTurnThenFollowUp(), baseUrl, info, level: new ThinkingLevel(level),
            tools: [new OpenRouterTool("read", "Read a file", null)]);
        ChatRequestPipeline.Run(context);
        return context;
    }

    [Fact]
    public void PipelineToolTurnThenFollowUp()
    {
        var context = RunPipeline("high", UnknownEfforts);

        AssertJsonOrdered($$"""{"role":"assistant","content":null,"tool_calls":{{ToolCalls}},"reasoning":"I should read it."}""", Wire(context, 1));
        AssertJsonOrdered("""{"role":"assistant","content":"It says contents.","reasoning":"Summarise.","reasoning_content":""}""", Wire(context, 3));
        AssertJsonOrdered("""{"effort":"high"}""", context.Payload["reasoning"]);
    }

    [Theory]
    [InlineData("xhigh", """{"effort":"high"}""")]
    [InlineData("low", """{"effort":"high"}""")]
    [InlineData("off", """{"effort":"none"}""")]
    public void PipelineAgentEffortsWithUnknownEfforts(string level, string reasoning) =>
        AssertJson(reasoning, RunPipeline(level, UnknownEfforts).Payload["reasoning"]);

    [Theory]
    [InlineData("high", """{"effort":"high"}""")]
    [InlineData("xhigh", """{"effort":"xhigh"}""")]
    [InlineData("off", """{"effort":"none"}""")]
    public void PipelineAgentEffortsWithCatalogEfforts(string level, string reasoning) =>
        AssertJson(reasoning, RunPipeline(level, KnownEfforts).Payload["reasoning"]);

    [Fact]
    public void PipelineThinkingOffSendsNoBackfill()
    {
        var context = RunPipeline("off", UnknownEfforts);

        AssertJsonOrdered("""{"role":"assistant","content":"It says contents.","reasoning":"Summarise."}""", Wire(context, 3));
    }

    [Fact]
    public void PipelineBehindAProxySendsNoBackfill()
    {
        var context = RunPipeline("high", UnknownEfforts, LocalProxy);

        AssertJsonOrdered($$"""{"role":"assistant","content":null,"tool_calls":{{ToolCalls}},"reasoning":"I should read it."}""", Wire(context, 1));
        AssertJsonOrdered("""{"role":"assistant","content":"It says contents.","reasoning":"Summarise."}""", Wire(context, 3));
    }

    [Theory]
    [InlineData("max", """{"effort":"xhigh"}""")]
    [InlineData("xhigh", """{"effort":"xhigh"}""")]
    [InlineData("low", """{"effort":"high"}""")]
    [InlineData("off", """{"effort":"none"}""")]
    public void PipelineOneShotCompletions(string level, string reasoning)
    {
        var context = For(Flash, [OpenRouterMessage.User("hi")], info: UnknownEfforts, level: new ThinkingLevel(level), oneShot: true);

        ChatRequestPipeline.Run(context);

        AssertJson(reasoning, context.Payload["reasoning"]);
    }
}
