using System.Text.Json;
using System.Text.Unicode;

namespace OpenClaw.OpenRouter.Transport;

/// <summary>
/// What every OpenRouter answer must be before it is parsed: JSON that can be read back whole. <see cref="JsonDocument"/>
/// accepts bytes that are not UTF-8, an escaped lone surrogate (<c>\ud800</c>) and a key given twice, and only fails later —
/// when a string is read, or when a kept item (reasoning details, images) is turned into nodes or written back — far from
/// the answer that caused it. Chat chunks, whole chat answers, account reads and media answers all check here first.
/// </summary>
internal static class StrictJson
{
    /// <summary>
    /// Parse options: a key given twice makes an answer ambiguous, and a <see cref="System.Text.Json.Nodes.JsonObject"/> built from it throws
    /// <see cref="ArgumentException"/> when read; such JSON is refused as it is parsed.
    /// </summary>
    public static JsonDocumentOptions Options { get; } = new() { AllowDuplicateProperties = false };

    /// <summary>Whether <paramref name="body"/> is UTF-8 whose strings can all be read (it may still not be JSON).</summary>
    public static bool IsReadable(ReadOnlySpan<byte> body) => Utf8.IsValid(body) && !HasUnreadableString(body);

    /// <summary>True when a string or property name escapes half a surrogate pair without the other half.</summary>
    public static bool HasUnreadableString(ReadOnlySpan<byte> body)
    {
        // Only an escape of a surrogate (\uD800-\uDFFF) can make a string unreadable; most bodies have none.
        if (!ContainsSurrogateEscape(body))
        {
            return false;
        }
        var reader = new Utf8JsonReader(body);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
                {
                    reader.GetString();
                }
            }
        }
        catch (InvalidOperationException)
        {
            return true;
        }
        catch (JsonException)
        {
            // Not JSON at all: the parse reports it.
        }
        return false;
    }

    private static bool ContainsSurrogateEscape(ReadOnlySpan<byte> body)
    {
        for (var at = body.IndexOf("\\u"u8); at >= 0 && at + 3 < body.Length; at = NextEscape(body, at))
        {
            if (body[at + 2] is (byte)'d' or (byte)'D' && body[at + 3] is (>= (byte)'8' and <= (byte)'9') or (>= (byte)'a' and <= (byte)'f') or (>= (byte)'A' and <= (byte)'F'))
            {
                return true;
            }
        }
        return false;
    }

    private static int NextEscape(ReadOnlySpan<byte> body, int at)
    {
        var next = body[(at + 2)..].IndexOf("\\u"u8);
        return next < 0 ? -1 : at + 2 + next;
    }
}
