using System.Text.Json.Nodes;

namespace OpenClaw.OpenRouter.Chat;

/// <summary>
/// What one streamed chunk added. Only the members the chunk carried are set. Completed tool calls arrive once, whole, in
/// <see cref="ToolCalls"/>; text and thinking that arrived while a tool call was open follow it (provider spec §14.1).
/// </summary>
public sealed record OpenRouterChatUpdate
{
    /// <summary>The generation id.</summary>
    public string? ResponseId { get; init; }

    /// <summary>The model that answers (<c>chunk.model</c>).</summary>
    public string? Model { get; init; }

    /// <summary>The upstream provider (<c>chunk.provider</c>).</summary>
    public string? Provider { get; init; }

    /// <summary>Visible text added.</summary>
    public string? Text { get; init; }

    /// <summary>Thinking text added, with its source field.</summary>
    public ThinkingBlock? Thinking { get; init; }

    /// <summary><c>reasoning_details</c> items of this chunk, verbatim.</summary>
    public JsonArray? ReasoningDetails { get; init; }

    /// <summary>Tool calls completed by this chunk.</summary>
    public IReadOnlyList<OpenRouterToolCall>? ToolCalls { get; init; }

    /// <summary>Images of this chunk, verbatim.</summary>
    public JsonArray? Images { get; init; }

    /// <summary>The finish reason, on the chunk that carried one.</summary>
    public OpenRouterFinishReason? FinishReason { get; init; }

    /// <summary>Usage, on the chunk that carried it (the last one).</summary>
    public OpenRouterUsage? Usage { get; init; }

    /// <summary>On the last update of a stream only: the whole result (text, thinking, tool calls, usage with cost).</summary>
    public OpenRouterChatResult? Completed { get; init; }
}
