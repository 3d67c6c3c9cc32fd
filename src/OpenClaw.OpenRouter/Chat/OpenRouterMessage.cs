using System.Text.Json.Nodes;

namespace OpenClaw.OpenRouter.Chat;

/// <summary>
/// One conversation message before request shaping. Assistant messages keep thinking and tool-call thought signatures in
/// structured form; the request pipeline decides how they are replayed for the target model (provider spec §12).
/// </summary>
public sealed record OpenRouterMessage
{
    /// <summary>The role.</summary>
    public required OpenRouterRole Role { get; init; }

    /// <summary>Plain string content (for a system message with a cache boundary: the stable part).</summary>
    public string? Text { get; init; }

    /// <summary>Multi-part content; when set it is sent instead of <see cref="Text"/>.</summary>
    public IReadOnlyList<OpenRouterContentPart>? Parts { get; init; }

    /// <summary>
    /// System messages only: the dynamic part after the cache boundary. Sent as a second text block when Anthropic cache
    /// markers apply, otherwise joined to <see cref="Text"/> with a newline.
    /// </summary>
    public string? DynamicSuffix { get; init; }

    /// <summary>Assistant messages: the tool calls made.</summary>
    public IReadOnlyList<OpenRouterToolCall>? ToolCalls { get; init; }

    /// <summary>Assistant messages: the thinking of the turn, with the field each block came from.</summary>
    public IReadOnlyList<ThinkingBlock>? Thinking { get; init; }

    /// <summary>Tool messages: the id of the call this answers.</summary>
    public string? ToolCallId { get; init; }

    /// <summary>The per-turn runtime-context user message: never receives a <c>cache_control</c> marker.</summary>
    public bool CacheOptOut { get; init; }

    /// <summary>The message belongs to an earlier turn loaded from history (Gemini thought signatures are dropped there, §12.4).</summary>
    public bool FromEarlierTurn { get; init; }

    /// <summary>Fields written onto the wire message as they are (an escape hatch, e.g. <c>name</c>).</summary>
    public JsonObject? ExtraFields { get; init; }

    /// <summary>A system message.</summary>
    public static OpenRouterMessage System(string text, string? dynamicSuffix = null) =>
        new() { Role = OpenRouterRole.System, Text = text, DynamicSuffix = dynamicSuffix };

    /// <summary>A user text message.</summary>
    public static OpenRouterMessage User(string text) => new() { Role = OpenRouterRole.User, Text = text };

    /// <summary>A user message with parts.</summary>
    public static OpenRouterMessage User(IReadOnlyList<OpenRouterContentPart> parts) => new() { Role = OpenRouterRole.User, Parts = parts };

    /// <summary>An assistant message.</summary>
    public static OpenRouterMessage Assistant(string? text, IReadOnlyList<OpenRouterToolCall>? toolCalls = null, IReadOnlyList<ThinkingBlock>? thinking = null) =>
        new() { Role = OpenRouterRole.Assistant, Text = text, ToolCalls = toolCalls, Thinking = thinking };

    /// <summary>The assistant message that replays a completed result (text, thinking, tool calls with their signatures).</summary>
    public static OpenRouterMessage FromResult(OpenRouterChatResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new()
        {
            Role = OpenRouterRole.Assistant,
            Text = result.Text.Length == 0 ? null : result.Text,
            ToolCalls = result.ToolCalls.Count == 0 ? null : result.ToolCalls,
            Thinking = result.Thinking.Count == 0 ? null : result.Thinking,
        };
    }

    /// <summary>A tool result message.</summary>
    public static OpenRouterMessage ToolResult(string toolCallId, string text) => new() { Role = OpenRouterRole.Tool, ToolCallId = toolCallId, Text = text };
}
