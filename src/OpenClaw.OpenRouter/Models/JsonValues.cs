using System.Globalization;
using System.Text.Json;

namespace OpenClaw.OpenRouter.Models;

/// <summary>
/// Lenient reads of OpenRouter's JSON: fields may be missing or null, and numbers sometimes arrive as strings
/// (per-token prices always do), so every accessor answers <see langword="null"/> instead of throwing.
/// </summary>
internal static class JsonValues
{
    /// <summary>The property's value, or <see langword="null"/> when <paramref name="obj"/> is not an object, lacks it or holds JSON null.</summary>
    public static JsonElement? Property(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static JsonElement? Object(JsonElement obj, string name) =>
        Property(obj, name) is { ValueKind: JsonValueKind.Object } value ? value : null;

    public static JsonElement? Array(JsonElement obj, string name) =>
        Property(obj, name) is { ValueKind: JsonValueKind.Array } value ? value : null;

    public static string? String(JsonElement obj, string name) =>
        Property(obj, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static bool? Boolean(JsonElement obj, string name) => Property(obj, name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.String } text when bool.TryParse(text.GetString()?.Trim(), out var parsed) => parsed,
        _ => null,
    };

    public static decimal? Decimal(JsonElement obj, string name) => Property(obj, name) is { } value ? AsDecimal(value) : null;

    /// <summary>A whole number; fractional values are truncated (token counts are sometimes serialised as <c>12.0</c>).</summary>
    public static long? Int64(JsonElement obj, string name)
    {
        if (Property(obj, name) is not { } value)
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var whole))
        {
            return whole;
        }
        return AsDecimal(value) is { } number && number >= long.MinValue && number <= long.MaxValue ? (long)decimal.Truncate(number) : null;
    }

    /// <summary>Milliseconds as a duration.</summary>
    public static TimeSpan? Milliseconds(JsonElement obj, string name) =>
        Decimal(obj, name) is { } ms && ms >= 0 && ms <= (decimal)TimeSpan.MaxValue.TotalMilliseconds / 2
            ? TimeSpan.FromMilliseconds((double)ms)
            : null;

    /// <summary>An ISO-8601 timestamp, or Unix seconds when sent as a number.</summary>
    public static DateTimeOffset? Timestamp(JsonElement obj, string name)
    {
        switch (Property(obj, name))
        {
            case { ValueKind: JsonValueKind.String } text
                when DateTimeOffset.TryParse(text.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed):
                return parsed;
            case { ValueKind: JsonValueKind.Number } number when number.TryGetInt64(out var seconds)
                && seconds >= DateTimeOffset.MinValue.ToUnixTimeSeconds() && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds():
                return DateTimeOffset.FromUnixTimeSeconds(seconds);
            default:
                return null;
        }
    }

    /// <summary>A number, or a string holding one (invariant culture, exponent allowed).</summary>
    public static decimal? AsDecimal(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                if (value.TryGetDecimal(out var exact))
                {
                    return exact;
                }
                return value.TryGetDouble(out var approx) && double.IsFinite(approx) && Math.Abs(approx) < (double)decimal.MaxValue ? (decimal)approx : null;
            case JsonValueKind.String:
                return decimal.TryParse(value.GetString()?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
            default:
                return null;
        }
    }
}
