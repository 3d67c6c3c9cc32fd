namespace OpenClaw.Agent.Fallbacks;

/// <summary>One candidate model that failed during a turn.</summary>
/// <param name="ModelRef">The candidate's canonical ref (<c>openrouter/anthropic/claude-sonnet-4.6</c>).</param>
/// <param name="Message">The error message (OpenRouter's, e.g. <c>429 Rate limit exceeded</c>).</param>
/// <param name="Reason">The classification, or <see langword="null"/> when unclassified.</param>
public sealed record ModelAttempt(string ModelRef, string Message, FailoverReason? Reason);
