using System.Text.Json.Nodes;

namespace OpenClaw.Agent.Sessions;

/// <summary>What one completed turn adds to a session; committed in a single transaction or not at all.</summary>
public sealed record SessionTurnRecord
{
    /// <summary>The turn's messages in order: the user message, then assistant messages and tool results.</summary>
    public required IReadOnlyList<JsonObject> Messages { get; init; }

    /// <summary>A thinking level to save on the session (from <c>--thinking</c>); <see langword="null"/> keeps the saved one.</summary>
    public string? SaveThinkingLevel { get; init; }

    /// <summary>The canonical ref of the model that answered.</summary>
    public string? Model { get; init; }

    /// <summary>The answering model's context window.</summary>
    public int? ContextTokens { get; init; }

    /// <summary>Uncached input tokens of the turn (every call).</summary>
    public long InputTokens { get; init; }

    /// <summary>Output tokens of the turn.</summary>
    public long OutputTokens { get; init; }

    /// <summary>Cache read tokens of the turn.</summary>
    public long CacheReadTokens { get; init; }

    /// <summary>Cache write tokens of the turn.</summary>
    public long CacheWriteTokens { get; init; }

    /// <summary>Cost of the turn in US dollars.</summary>
    public decimal CostUsd { get; init; }
}
