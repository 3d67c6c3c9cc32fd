using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenClaw.Agent.Transcript;

/// <summary>How transcript JSON is written and read, without the reflection serializer (trim/AOT friendly).</summary>
internal static class TranscriptJson
{
    /// <summary>The transcript's timestamp format: ISO-8601 UTC with milliseconds and a <c>Z</c>.</summary>
    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    // Escaped only where JSON requires it, so stored text stays readable in the database (non-ASCII, quotes, base64 '+').
    private static readonly JsonSerializerOptions CompactOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = false };

    /// <summary>Compact JSON text of <paramref name="node"/>.</summary>
    public static string Serialize(JsonNode node) => node.ToJsonString(CompactOptions);

    /// <summary>A transcript timestamp.</summary>
    public static string FormatTimestamp(DateTimeOffset timestamp) =>
        timestamp.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    /// <summary>The string in a string node, else <see langword="null"/>.</summary>
    public static string? AsString(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>The message's <c>timestamp</c>, when it is a parseable ISO-8601 string.</summary>
    public static DateTimeOffset? TimestampOf(JsonObject message) =>
        AsString(message["timestamp"]) is { } text
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var timestamp)
            ? timestamp
            : null;
}
