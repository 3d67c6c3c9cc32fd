namespace OpenClaw.OpenRouter.Reasoning;

/// <summary>
/// A value of <c>reasoning.effort</c> on the wire or in the catalog's <c>supported_efforts</c>. An open vocabulary:
/// OpenRouter adds efforts without notice, so unknown values round-trip.
/// </summary>
public readonly struct ReasoningEffort : IEquatable<ReasoningEffort>
{
    public ReasoningEffort(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value.Trim().ToLowerInvariant();
    }

    public static ReasoningEffort None { get; } = new("none");
    public static ReasoningEffort Minimal { get; } = new("minimal");
    public static ReasoningEffort Low { get; } = new("low");
    public static ReasoningEffort Medium { get; } = new("medium");
    public static ReasoningEffort High { get; } = new("high");
    public static ReasoningEffort XHigh { get; } = new("xhigh");
    public static ReasoningEffort Max { get; } = new("max");

    /// <summary>The gateway's efforts above none, lowest first (what <c>supported_efforts: null</c> means).</summary>
    public static IReadOnlyList<ReasoningEffort> Gateway { get; } = [Minimal, Low, Medium, High, XHigh, Max];

    /// <summary>The wire value.</summary>
    public string Value => field ?? "none";

    /// <summary>Rank <c>none=0 &lt; minimal &lt; low &lt; medium &lt; high &lt; xhigh &lt; max</c>; unknown efforts rank -1.</summary>
    public int Rank => Value switch
    {
        "none" => 0,
        "minimal" => 1,
        "low" => 2,
        "medium" => 3,
        "high" => 4,
        "xhigh" => 5,
        "max" => 6,
        _ => -1,
    };

    public bool Equals(ReasoningEffort other) => string.Equals(Value, other.Value, StringComparison.Ordinal);
    public override bool Equals(object? obj) => obj is ReasoningEffort other && Equals(other);
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);
    public override string ToString() => Value;
    public static bool operator ==(ReasoningEffort left, ReasoningEffort right) => left.Equals(right);
    public static bool operator !=(ReasoningEffort left, ReasoningEffort right) => !left.Equals(right);
}
