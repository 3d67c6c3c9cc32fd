using System.Text.RegularExpressions;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Shaping;
using OpenClaw.OpenRouter.Shaping.Steps;
using static OpenClaw.OpenRouter.Tests.Shaping.PayloadContexts;

namespace OpenClaw.OpenRouter.Tests.Shaping.Steps;

public sealed partial class ToolCallIdStepTests
{
    private static List<OpenRouterMessage> Rewrite(string model, params string[] ids)
    {
        var messages = new List<OpenRouterMessage> { OpenRouterMessage.User("go") };
        messages.Add(OpenRouterMessage.Assistant(null, [.. ids.Select(id => new OpenRouterToolCall(id, "read", "{}"))]));
        messages.AddRange(ids.Select(id => OpenRouterMessage.ToolResult(id, "ok")));
        var context = For(model, messages);
        new ToolCallIdStep().Apply(context);
        return context.Messages;
    }

    private static string[] CallIds(List<OpenRouterMessage> messages) => [.. messages[1].ToolCalls!.Select(call => call.Id)];

    private static string[] ResultIds(List<OpenRouterMessage> messages) => [.. messages.Skip(2).Select(message => message.ToolCallId!)];

    [Fact]
    public void PipeIdsAreCutAtThePipeAndSanitised()
    {
        var messages = Rewrite("openai/gpt-5.5", "call_ab+c/d=e|fc_0123456789+/==", "toolu_01.plain");

        Assert.Equal(["call_ab_c_d_e", "toolu_01.plain"], CallIds(messages));
        Assert.Equal(CallIds(messages), ResultIds(messages));
    }

    [Fact]
    public void PipeIdsKeepAtMostFortyCharacters()
    {
        var messages = Rewrite("anthropic/claude-sonnet-4.6", new string('a', 50) + "|item");

        Assert.Equal(new string('a', 40), CallIds(messages)[0]);
        Assert.Equal(new string('a', 40), ResultIds(messages)[0]);
    }

    [Fact]
    public void IdsWithoutAPipeAreLeftAlone()
    {
        var context = For("openai/gpt-5.5", [OpenRouterMessage.Assistant(null, [new OpenRouterToolCall("call_1", "read", "{}")]), OpenRouterMessage.ToolResult("call_1", "ok")]);
        var before = context.Messages.ToArray();

        new ToolCallIdStep().Apply(context);

        Assert.Same(before[0], context.Messages[0]);
        Assert.Same(before[1], context.Messages[1]);
    }

    [Fact]
    public void PipeIdsThatCutToTheSameIdStayDistinct()
    {
        var messages = Rewrite("openai/gpt-5.5", "call_1|fc_a", "call_1|fc_b", "call_1");

        var ids = CallIds(messages);
        Assert.Equal("call_1", ids[0]);
        Assert.Equal(3, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^[A-Za-z0-9_-]{1,40}$", id));
        Assert.Equal(ids, ResultIds(messages));
    }

    [Theory]
    [InlineData("mistralai/mistral-large-2512")]
    [InlineData("openrouter/mistralai/devstral-2512")]
    [InlineData("codestral-2508")]
    public void MistralIdsAreNineAlphanumericCharacters(string model)
    {
        var messages = Rewrite(model, "call_0123456789abcdef", "call_0123456789abcdXX", "x", "toolu_01|fc+/=", "abcDEF123");

        var ids = CallIds(messages);
        Assert.All(ids, id => Assert.Matches(MistralId(), id));
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.Equal(ids, ResultIds(messages));
        Assert.Equal("call01234", ids[0]);
        Assert.Equal("abcDEF123", ids[4]);
    }

    [Fact]
    public void MistralIdsAreDeterministicAndStableAsTheHistoryGrows()
    {
        var first = CallIds(Rewrite("mistralai/mistral-large-2512", "call_a", "call_0123456789"));
        var again = CallIds(Rewrite("mistralai/mistral-large-2512", "call_a", "call_0123456789", "call_0123456789b"));

        Assert.Equal(first, again[..2]);
        Assert.NotEqual(again[1], again[2]);
    }

    [Fact]
    public void MistralRewritesCallsAndResultsConsistentlyAcrossTurns()
    {
        var context = For("mistralai/mistral-large-2512",
        [
            OpenRouterMessage.User("go"),
            OpenRouterMessage.Assistant(null, [new OpenRouterToolCall("call_first_one", "read", "{}")]),
            OpenRouterMessage.ToolResult("call_first_one", "ok"),
            OpenRouterMessage.Assistant("done"),
            OpenRouterMessage.User("again"),
            OpenRouterMessage.Assistant(null, [new OpenRouterToolCall("call_second", "write", "{}"), new OpenRouterToolCall("call_first_one", "read", "{}")]),
            OpenRouterMessage.ToolResult("call_second", "ok"),
            OpenRouterMessage.ToolResult("call_first_one", "ok"),
        ]);

        ChatRequestPipeline.Run(context);

        AssertJson("""[{"id":"callfirst","type":"function","function":{"name":"read","arguments":"{}"}}]""", Wire(context, 1)["tool_calls"]);
        Assert.Equal("callfirst", (string?)Wire(context, 2)["tool_call_id"]);
        AssertJson("""
            [{"id":"callsecon","type":"function","function":{"name":"write","arguments":"{}"}},
             {"id":"callfirst","type":"function","function":{"name":"read","arguments":"{}"}}]
            """, Wire(context, 5)["tool_calls"]);
        Assert.Equal("callsecon", (string?)Wire(context, 6)["tool_call_id"]);
        Assert.Equal("callfirst", (string?)Wire(context, 7)["tool_call_id"]);
    }

    [Fact]
    public void ThoughtSignaturesAndOtherFieldsSurviveTheRewrite()
    {
        var call = new OpenRouterToolCall("call_1|fc_1", "read", """{"path":"a"}""") { ThoughtSignature = """{"id":"call_1|fc_1"}""" };
        var context = For("openai/gpt-5.5", [OpenRouterMessage.Assistant("text", [call]) with { FromEarlierTurn = true }]);

        new ToolCallIdStep().Apply(context);

        var rewritten = Assert.Single(context.Messages[0].ToolCalls!);
        Assert.Equal(call with { Id = "call_1" }, rewritten);
        Assert.True(context.Messages[0].FromEarlierTurn);
        Assert.Equal("text", context.Messages[0].Text);
    }

    [GeneratedRegex("^[A-Za-z0-9]{9}$")]
    private static partial Regex MistralId();
}
