using System.Diagnostics.CodeAnalysis;

namespace OpenClaw.OpenRouter.Reasoning;

/// <summary>
/// A thinking level as users type it (<c>--thinking</c>): <c>off, minimal, low, medium, high, xhigh, adaptive, max</c>.
/// String-backed so that a value from a newer config round-trips; <see cref="TryParse"/> accepts only the known ones.
/// </summary>
public readonly struct ThinkingLevel : IEquatable<ThinkingLevel>
{
    public ThinkingLevel(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value.Trim().ToLowerInvariant();
    }

    public static ThinkingLevel Off { get; } = new("off");
    public static ThinkingLevel Minimal { get; } = new("minimal");
    public static ThinkingLevel Low { get; } = new("low");
    public static ThinkingLevel Medium { get; } = new("medium");
    public static ThinkingLevel High { get; } = new("high");
    public static ThinkingLevel XHigh { get; } = new("xhigh");
    public static ThinkingLevel Adaptive { get; } = new("adaptive");
    public static ThinkingLevel Max { get; } = new("max");

    /// <summary>Every known level, in the order users see them.</summary>
    public static IReadOnlyList<ThinkingLevel> All { get; } = [Off, Minimal, Low, Medium, High, XHigh, Adaptive, Max];

    /// <summary>The lower-case name.</summary>
    public string Value => field ?? "off";

    /// <summary>Rank for clamping: <c>off &lt; minimal &lt; low &lt; medium &lt; high &lt; xhigh &lt; max</c>; <c>adaptive</c> ranks as medium; unknown as -1.</summary>
    public int Rank => Value switch
    {
        "off" => 0,
        "minimal" => 1,
        "low" => 2,
        "medium" or "adaptive" => 3,
        "high" => 4,
        "xhigh" => 5,
        "max" => 6,
        _ => -1,
    };

    /// <summary>Whether this is one of the eight known levels.</summary>
    public bool IsKnown => Rank >= 0;

    /// <summary>Parses a known level (case-insensitive, trimmed).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ThinkingLevel? level)
    {
        level = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var candidate = new ThinkingLevel(text);
        if (!candidate.IsKnown)
        {
            return false;
        }
        level = candidate;
        return true;
    }

    public bool Equals(ThinkingLevel other) => string.Equals(Value, other.Value, StringComparison.Ordinal);
    public override bool Equals(object? obj) => obj is ThinkingLevel other && Equals(other);
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);
    public override string ToString() => Value;
    public static bool operator ==(ThinkingLevel left, ThinkingLevel right) => left.Equals(right);
    public static bool operator !=(ThinkingLevel left, ThinkingLevel right) => !left.Equals(right);
}
