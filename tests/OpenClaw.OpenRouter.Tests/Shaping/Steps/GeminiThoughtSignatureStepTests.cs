using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Reasoning;
using OpenClaw.OpenRouter.Shaping;
using OpenClaw.OpenRouter.Shaping.Steps;
using static OpenClaw.OpenRouter.Tests.Shaping.PayloadContexts;

namespace OpenClaw.OpenRouter.Tests.Shaping.Steps;

public sealed class GeminiThoughtSignatureStepTests
{
    private const string Gemini = "google/gemini-3.1-pro-preview";
    private const string Signature = """{"type":"reasoning.encrypted","data":"EjQKMgFyyNp8","id":"tool_0","format":"google-gemini-v1","index":1}""";

    private static OpenRouterMessage ToolCallMessage(string? signature, bool earlier) =>
        OpenRouterMessage.Assistant(null,
            [new OpenRouterToolCall("tool_0", "read", """{"path":"a.txt"}""") { ThoughtSignature = signature }],
            [new ThinkingBlock("Reading the file.", "reasoning_details")]) with { FromEarlierTurn = earlier };

    private static string? SignatureAfter(string model, string? signature, bool earlier)
    {
        var context = For(model, [OpenRouterMessage.User("go"), ToolCallMessage(signature, earlier)]);
        new GeminiThoughtSignatureStep().Apply(context);
        return context.Messages[1].ToolCalls![0].ThoughtSignature;
    }

    [Fact]
    public void EarlierTurnJsonSignaturesAreDropped() =>
        Assert.Null(SignatureAfter(Gemini, Signature, earlier: true));

    [Fact]
    public void CurrentTurnSignaturesAreKept() =>
        Assert.Equal(Signature, SignatureAfter(Gemini, Signature, earlier: false));

    [Theory]
    [InlineData("EjQKMgFyyNp8")]
    [InlineData("EjQKMgFyyNp8AQ==")]
    [InlineData("EjQKMgFyyNp8AQ")]
    [InlineData("Ej-_MgFyyNp8")]
    public void EarlierTurnBase64SignaturesAreKept(string signature) =>
        Assert.Equal(signature, SignatureAfter(Gemini, signature, earlier: true));

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("abcde")]
    [InlineData("QQ=x")]
    [InlineData("QR==")]
    [InlineData("Ej+_MgFy")]
    public void EarlierTurnNonBase64SignaturesAreDropped(string signature) =>
        Assert.Null(SignatureAfter(Gemini, signature, earlier: true));

    [Theory]
    [InlineData("openrouter/google/gemini-2.5-flash")]
    [InlineData("google/GEMINI-3-pro")]
    public void AppliesToEveryIdContainingGemini(string model) =>
        Assert.Null(SignatureAfter(model, Signature, earlier: true));

    [Theory]
    [InlineData("anthropic/claude-sonnet-4.6")]
    [InlineData("openai/gpt-5.5")]
    public void OtherModelsKeepTheirSignatures(string model) =>
        Assert.Equal(Signature, SignatureAfter(model, Signature, earlier: true));

    [Fact]
    public void MessagesWithoutADroppedSignatureAreNotCopied()
    {
        var context = For(Gemini, [OpenRouterMessage.User("go"), ToolCallMessage("EjQKMgFyyNp8", earlier: true), ToolCallMessage(Signature, earlier: false)]);
        var before = context.Messages.ToArray();

        new GeminiThoughtSignatureStep().Apply(context);

        Assert.Equal<OpenRouterMessage>(before, context.Messages, ReferenceEqualityComparer.Instance);
    }

    [Fact]
    public void InTurnToolLoopReplaysTheSignatureListInsteadOfTheText()
    {
        var context = For(Gemini,
        [
            OpenRouterMessage.User("read a.txt"),
            ToolCallMessage(Signature, earlier: false),
            OpenRouterMessage.ToolResult("tool_0", "contents"),
        ], level: ThinkingLevel.Medium);

        ChatRequestPipeline.Run(context);

        AssertJsonOrdered(
            """{"role":"assistant","content":null,"reasoning_details":[""" + Signature + """],"tool_calls":[{"id":"tool_0","type":"function","function":{"name":"read","arguments":"{\"path\":\"a.txt\"}"}}]}""",
            Wire(context, 1));
    }

    [Fact]
    public void NextTurnReplaysThinkingTextAndNoSignature()
    {
        var context = For(Gemini,
        [
            OpenRouterMessage.User("read a.txt"),
            ToolCallMessage(Signature, earlier: true),
            OpenRouterMessage.ToolResult("tool_0", "contents") with { FromEarlierTurn = true },
            OpenRouterMessage.Assistant("It says contents.", thinking: [new ThinkingBlock("Summarising.", "reasoning_details")]) with { FromEarlierTurn = true },
            OpenRouterMessage.User("thanks"),
        ], level: ThinkingLevel.Medium);

        ChatRequestPipeline.Run(context);

        AssertJsonOrdered(
            """{"role":"assistant","content":null,"tool_calls":[{"id":"tool_0","type":"function","function":{"name":"read","arguments":"{\"path\":\"a.txt\"}"}}],"reasoning":"Reading the file."}""",
            Wire(context, 1));
        AssertJsonOrdered("""{"role":"assistant","content":"It says contents.","reasoning":"Summarising."}""", Wire(context, 3));
    }

    [Theory]
    [InlineData("QUJD", true)]
    [InlineData("QUJD\n RUZH", true)]
    [InlineData("QUI=", true)]
    [InlineData("QUI", true)]
    [InlineData("-_-_", true)]
    [InlineData("====", false)]
    [InlineData("Q", false)]
    [InlineData("{\"a\":1}", false)]
    [InlineData("   ", false)]
    public void IsBase64Signature(string value, bool expected) =>
        Assert.Equal(expected, GeminiThoughtSignatureStep.IsBase64Signature(value));
}
