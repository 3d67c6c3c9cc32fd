namespace OpenClaw.OpenRouter.Chat;

/// <summary>A message role on the wire. Open: unknown roles round-trip.</summary>
public readonly struct OpenRouterRole : IEquatable<OpenRouterRole>
{
    public OpenRouterRole(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    public static OpenRouterRole System { get; } = new("system");
    public static OpenRouterRole Developer { get; } = new("developer");
    public static OpenRouterRole User { get; } = new("user");
    public static OpenRouterRole Assistant { get; } = new("assistant");
    public static OpenRouterRole Tool { get; } = new("tool");

    /// <summary>The wire value.</summary>
    public string Value => field ?? "user";

    public bool Equals(OpenRouterRole other) => string.Equals(Value, other.Value, StringComparison.Ordinal);
    public override bool Equals(object? obj) => obj is OpenRouterRole other && Equals(other);
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);
    public override string ToString() => Value;
    public static bool operator ==(OpenRouterRole left, OpenRouterRole right) => left.Equals(right);
    public static bool operator !=(OpenRouterRole left, OpenRouterRole right) => !left.Equals(right);
}
