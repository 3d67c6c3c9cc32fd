namespace OpenClaw.OpenRouter.Chat;

/// <summary>
/// Why a completion ended, as the agent acts on it (provider spec §14.2): <c>stop</c>, <c>length</c>, <c>toolUse</c>,
/// <c>error</c>, <c>aborted</c>. String-backed like every vocabulary here.
/// </summary>
public readonly struct OpenRouterStopReason : IEquatable<OpenRouterStopReason>
{
    public OpenRouterStopReason(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    public static OpenRouterStopReason Stop { get; } = new("stop");
    public static OpenRouterStopReason Length { get; } = new("length");
    public static OpenRouterStopReason ToolUse { get; } = new("toolUse");
    public static OpenRouterStopReason Error { get; } = new("error");
    public static OpenRouterStopReason Aborted { get; } = new("aborted");

    /// <summary>The name.</summary>
    public string Value => field ?? "stop";

    /// <summary>
    /// Maps a <c>finish_reason</c> (§14.2): null/stop/end → stop; length → length; tool_calls/tool_call/function_call → toolUse;
    /// anything else (content_filter, network_error, error, unknown) → error.
    /// </summary>
    public static OpenRouterStopReason FromFinishReason(string? finishReason) => finishReason switch
    {
        null or "stop" or "end" => Stop,
        "length" => Length,
        "tool_calls" or "tool_call" or "function_call" => ToolUse,
        _ => Error,
    };

    public bool Equals(OpenRouterStopReason other) => string.Equals(Value, other.Value, StringComparison.Ordinal);
    public override bool Equals(object? obj) => obj is OpenRouterStopReason other && Equals(other);
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);
    public override string ToString() => Value;
    public static bool operator ==(OpenRouterStopReason left, OpenRouterStopReason right) => left.Equals(right);
    public static bool operator !=(OpenRouterStopReason left, OpenRouterStopReason right) => !left.Equals(right);
}
