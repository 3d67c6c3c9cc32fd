using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace OpenClaw.Agent.Tools;

/// <summary>
/// The built-in <c>current_time</c> tool: the current date and time from the turn's <see cref="TimeProvider"/>, as
/// <c>{"utc":"2026-11-24T10:15:00Z","local":"2026-11-24T11:15:00+01:00","timeZone":"&lt;id&gt;"}</c>. Optional parameter
/// <c>timeZone</c> (an IANA id; an unknown id is an error result naming it). Written as an <see cref="AIFunction"/>
/// subclass (no reflection) so it stays trim- and AOT-safe.
/// </summary>
/// <remarks>
/// The result is the JSON text. An unknown or malformed <c>timeZone</c> throws an <see cref="ArgumentException"/> naming it,
/// which a function-invoking client reports to the model as an error result.
/// </remarks>
public sealed class CurrentTimeTool : AIFunction
{
    /// <summary>The tool's name.</summary>
    public const string ToolName = "current_time";

    private static readonly JsonElement Schema = ParseSchema();

    private readonly TimeProvider _timeProvider;

    public CurrentTimeTool(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    public override string Name => ToolName;

    public override string Description => "Get the current date and time (UTC and local), optionally in a given IANA time zone.";

    /// <summary><c>{"type":"object","properties":{"timeZone":{"type":"string","description":"…"}},"additionalProperties":false}</c>.</summary>
    public override JsonElement JsonSchema => Schema;

    protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        cancellationToken.ThrowIfCancellationRequested();
        var requested = arguments.TryGetValue("timeZone", out var value) ? TimeZoneArgument(value) : null;
        var zone = requested is null ? _timeProvider.LocalTimeZone : FindZone(requested);
        var now = _timeProvider.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(now, zone);
        return ValueTask.FromResult<object?>(Format(now, local, zone.Id));
    }

    /// <summary>The result document for <paramref name="utc"/> seen in the zone <paramref name="zoneId"/> as <paramref name="local"/>.</summary>
    internal static string Format(DateTimeOffset utc, DateTimeOffset local, string zoneId)
    {
        using var buffer = new MemoryStream();
        // Relaxed escaping: the model reads "+01:00", not "\u002B01:00". Only ASCII digits, letters and zone ids go in.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("utc", utc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            writer.WriteString("local", local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
            writer.WriteString("timeZone", zoneId);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static string? TimeZoneArgument(object? value)
    {
        var text = value switch
        {
            null => null,
            string s => s,
            JsonElement { ValueKind: JsonValueKind.String } element => element.GetString(),
            JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
            _ => throw new ArgumentException($"The timeZone argument must be a string (an IANA id such as Europe/Berlin), got {Describe(value)}."),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private static string Describe(object value) => value is JsonElement element ? element.GetRawText() : value.ToString() ?? value.GetType().Name;

    private static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"Unknown time zone \"{id}\". Use an IANA id such as Europe/Berlin or America/New_York.", exception);
        }
    }

    private static JsonElement ParseSchema()
    {
        const string schema = """
            {"type":"object","properties":{"timeZone":{"type":"string","description":"An IANA time zone id such as Europe/Berlin. Defaults to the user's local time zone."}},"additionalProperties":false}
            """;
        using var document = JsonDocument.Parse(schema);
        return document.RootElement.Clone();
    }
}
