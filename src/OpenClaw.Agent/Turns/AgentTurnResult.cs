using OpenClaw.Agent.Fallbacks;

namespace OpenClaw.Agent.Turns;

/// <summary>A completed turn (CLI spec §4's <c>--json</c> document is built from it).</summary>
public sealed record AgentTurnResult
{
    /// <summary>The reply: the final assistant text, then the truncation notice when <see cref="StopReason"/> is <c>length</c>.</summary>
    public required IReadOnlyList<AgentPayload> Payloads { get; init; }

    /// <summary>The session id the turn was committed to.</summary>
    public required string SessionId { get; init; }

    /// <summary>The session key.</summary>
    public required string SessionKey { get; init; }

    /// <summary>The canonical ref of the candidate that answered.</summary>
    public required string ModelRef { get; init; }

    /// <summary>The API id sent for it (<c>openrouter/auto</c>, <c>anthropic/claude-sonnet-4.6</c>).</summary>
    public required string Model { get; init; }

    /// <summary>The model that actually answered the last call (what <c>openrouter/auto</c> routed to); <see cref="Model"/> when not reported.</summary>
    public required string ResponseModel { get; init; }

    /// <summary>The upstream provider of the last call (<c>Anthropic</c>), when reported.</summary>
    public string? UpstreamProvider { get; init; }

    /// <summary>The answering model's context window.</summary>
    public int? ContextTokens { get; init; }

    /// <summary>Every model call of the turn summed (a tool loop makes several).</summary>
    public required AgentUsage Usage { get; init; }

    /// <summary>The last model call's usage.</summary>
    public required AgentUsage LastCallUsage { get; init; }

    /// <summary><c>stop | length | toolUse | error</c> of the last call.</summary>
    public required string StopReason { get; init; }

    /// <summary>The last call's <c>finish_reason</c> as sent.</summary>
    public string? FinishReason { get; init; }

    /// <summary>
    /// The thinking level the first request used after resolution and clamping — the first request of the candidate that
    /// answered (a fallback's level may be clamped lower than the primary's).
    /// </summary>
    public required string Thinking { get; init; }

    /// <summary>Model calls made (including failed candidates).</summary>
    public int ModelCalls { get; init; }

    /// <summary>Candidates that failed before the one that answered.</summary>
    public IReadOnlyList<ModelAttempt> FailedAttempts { get; init; } = [];

    /// <summary>Wall time of the turn.</summary>
    public TimeSpan Duration { get; init; }
}
