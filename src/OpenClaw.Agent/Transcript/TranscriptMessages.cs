using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using OpenClaw.OpenRouter.Chat;

namespace OpenClaw.Agent.Transcript;

/// <summary>
/// The stored form of conversation messages (CLI spec §10) and its replay into <see cref="ChatMessage"/>s for the next turn.
/// </summary>
/// <remarks>
/// <para>Shapes (keys in this order; absent values omitted):</para>
/// <list type="bullet">
/// <item>user: <c>{"role":"user","content":[{"type":"text","text":"…"}],"timestamp":"&lt;ISO-8601 UTC&gt;"}</c></item>
/// <item>assistant: <c>{"role":"assistant","content":[blocks],"api":"openai-completions","provider":"openrouter",
/// "model":"&lt;model that answered&gt;","requestedModel":"&lt;API id sent&gt;","upstreamProvider":"&lt;e.g. Anthropic&gt;",
/// "responseId":"gen-…","usage":{input,output,cacheRead,cacheWrite,reasoningTokens?,totalTokens,cost:{total,totalOrigin}},
/// "stopReason":"stop|length|toolUse|error","finishReason":"&lt;as sent&gt;","reasoningDetails":[…verbatim items…],
/// "errorMessage"?, "timestamp"}</c>. Blocks, in this order: one <c>{"type":"thinking","thinking":"…","thinkingSignature":"&lt;source field&gt;"}</c>
/// per <see cref="ThinkingBlock"/>; <c>{"type":"text","text":"…"}</c> when the text is non-empty; one
/// <c>{"type":"toolCall","id","name","arguments":&lt;parsed JSON object, or the raw string when not an object&gt;,"thoughtSignature"?:"&lt;serialized reasoning.encrypted item&gt;"}</c>
/// per tool call.</item>
/// <item>tool result: <c>{"role":"toolResult","toolCallId":"…","toolName":"…","content":[{"type":"text","text":"…"}],"isError":false,"timestamp"}</c></item>
/// </list>
/// <para>
/// Replay (<see cref="ToChatMessages"/>): user → <c>ChatRole.User</c> text; assistant → <c>ChatRole.Assistant</c> with a
/// <see cref="TextReasoningContent"/> per thinking block (its source field in
/// <c>AdditionalProperties["openrouter.source_field"]</c>), a <see cref="TextReasoningContent"/> with empty text and
/// <c>ProtectedData</c> = the thought signature for each tool call that has one, the <see cref="TextContent"/>, and a
/// <see cref="FunctionCallContent"/> per call (arguments parsed to a dictionary; a non-object arguments text kept in
/// <c>AdditionalProperties["openrouter.raw_arguments"]</c>); toolResult → <c>ChatRole.Tool</c> with a
/// <see cref="FunctionResultContent"/> (result = the text). Assistant entries with <c>stopReason:"error"</c> are not replayed.
/// The OpenRouter library then applies each model family's replay rules (provider spec §12).
/// </para>
/// </remarks>
public static class TranscriptMessages
{
    /// <summary>A user message.</summary>
    public static JsonObject User(string text, DateTimeOffset timestamp) => throw new NotImplementedException();

    /// <summary>An assistant message from one completed model call, keeping everything OpenRouter returned.</summary>
    public static JsonObject Assistant(OpenRouterChatResult result, DateTimeOffset timestamp) => throw new NotImplementedException();

    /// <summary>A tool result.</summary>
    public static JsonObject ToolResult(string toolCallId, string toolName, string text, bool isError, DateTimeOffset timestamp) =>
        throw new NotImplementedException();

    /// <summary>The stored messages as MEAI messages for the next request (see remarks).</summary>
    public static IReadOnlyList<ChatMessage> ToChatMessages(IEnumerable<JsonObject> messages) => throw new NotImplementedException();

    /// <summary>The visible text of a stored message (text blocks joined), for <c>sessions show</c>.</summary>
    public static string TextOf(JsonObject message) => throw new NotImplementedException();
}
