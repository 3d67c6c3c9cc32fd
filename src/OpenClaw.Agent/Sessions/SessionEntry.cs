namespace OpenClaw.Agent.Sessions;

/// <summary>
/// One session's index row (CLI spec §10's <c>sessions.json</c> entry, kept in SQLite): identity, the saved thinking level and
/// running totals over every committed turn.
/// </summary>
public sealed record SessionEntry
{
    /// <summary>The session key.</summary>
    public required SessionKey Key { get; init; }

    /// <summary>
    /// The session id: the explicit id for <c>--session-id</c> sessions, a new GUID (<c>N</c> format) for an agent's main
    /// session (a new one after <c>sessions reset</c>).
    /// </summary>
    public required string SessionId { get; init; }

    /// <summary>When the session was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the last turn was committed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The thinking level saved by <c>--thinking</c>, reused by later turns without it.</summary>
    public string? ThinkingLevel { get; init; }

    /// <summary>The model ref that answered the last turn (canonical ref, e.g. <c>openrouter/anthropic/claude-sonnet-4.6</c>).</summary>
    public string? LastModel { get; init; }

    /// <summary>Committed turns.</summary>
    public int TurnCount { get; init; }

    /// <summary>Stored messages (user, assistant, tool results).</summary>
    public int MessageCount { get; init; }

    /// <summary>Uncached input tokens, summed over every call of every turn.</summary>
    public long InputTokens { get; init; }

    /// <summary>Output tokens, summed.</summary>
    public long OutputTokens { get; init; }

    /// <summary>Prompt-cache read tokens, summed.</summary>
    public long CacheReadTokens { get; init; }

    /// <summary>Prompt-cache write tokens, summed.</summary>
    public long CacheWriteTokens { get; init; }

    /// <summary>input + output + cache read + cache write.</summary>
    public long TotalTokens => InputTokens + OutputTokens + CacheReadTokens + CacheWriteTokens;

    /// <summary>Cost in US dollars, summed (OpenRouter's billed <c>usage.cost</c> where it reported one).</summary>
    public decimal CostUsd { get; init; }

    /// <summary>The context window of the model that answered the last turn.</summary>
    public int? ContextTokens { get; init; }
}
