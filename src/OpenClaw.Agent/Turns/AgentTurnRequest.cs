using OpenClaw.Agent.Sessions;
using OpenClaw.OpenRouter.Reasoning;

namespace OpenClaw.Agent.Turns;

/// <summary>One turn to run.</summary>
public sealed record AgentTurnRequest
{
    /// <summary>The user's message.</summary>
    public required string Message { get; init; }

    /// <summary>The session the turn belongs to.</summary>
    public required SessionKey Session { get; init; }

    /// <summary>A model for this run only (canonical ref): strict, no fallback chain. <see langword="null"/> for primary + fallbacks.</summary>
    public string? ModelOverride { get; init; }

    /// <summary>
    /// An explicit thinking level (<c>--thinking</c>): rejected before any request when the first candidate does not support it
    /// (<see cref="ThinkingLevelNotSupportedException"/>), clamped for fallback candidates, saved on the session when the turn
    /// completes.
    /// </summary>
    public ThinkingLevel? Thinking { get; init; }

    /// <summary>The whole-turn deadline; <see langword="null"/> for <see cref="AgentSettings.TurnTimeout"/>.</summary>
    public TimeSpan? Timeout { get; init; }
}
