namespace OpenClaw.OpenRouter.Chat;

/// <summary>
/// <c>finish_reason</c> as OpenRouter sent it. An open vocabulary: <c>error</c>, <c>""</c> and values added later round-trip
/// instead of crashing. <see cref="OpenRouterStopReason"/> is what the value means.
/// </summary>
public readonly struct OpenRouterFinishReason : IEquatable<OpenRouterFinishReason>
{
    public OpenRouterFinishReason(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    public static OpenRouterFinishReason Stop { get; } = new("stop");
    public static OpenRouterFinishReason Length { get; } = new("length");
    public static OpenRouterFinishReason ToolCalls { get; } = new("tool_calls");
    public static OpenRouterFinishReason ContentFilter { get; } = new("content_filter");
    public static OpenRouterFinishReason Error { get; } = new("error");

    /// <summary>The wire value, exactly as received.</summary>
    public string Value => field ?? "";

    public bool Equals(OpenRouterFinishReason other) => string.Equals(Value, other.Value, StringComparison.Ordinal);
    public override bool Equals(object? obj) => obj is OpenRouterFinishReason other && Equals(other);
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);
    public override string ToString() => Value;
    public static bool operator ==(OpenRouterFinishReason left, OpenRouterFinishReason right) => left.Equals(right);
    public static bool operator !=(OpenRouterFinishReason left, OpenRouterFinishReason right) => !left.Equals(right);
}
