using System.Text.Json;
using System.Text.Unicode;
using OpenClaw.OpenRouter.Errors;

namespace OpenClaw.OpenRouter.Media;

/// <summary>Parsing of media answers, where a body that is not JSON is a malformed answer of that operation.</summary>
internal static class MediaJson
{
    /// <summary>
    /// A key given twice makes an answer ambiguous, and a <see cref="System.Text.Json.Nodes.JsonObject"/> built from it throws
    /// <see cref="ArgumentException"/> when read; such JSON is refused as it is parsed.
    /// </summary>
    public static JsonDocumentOptions Options { get; } = new() { AllowDuplicateProperties = false };

    /// <summary>Parses <paramref name="body"/>; leading whitespace (OpenRouter's keep-alive before a slow body) is skipped.</summary>
    /// <exception cref="OpenRouterMalformedResponseException">
    /// Not JSON, or JSON whose strings are not well-formed Unicode (bytes that are not UTF-8, an escaped lone surrogate such as
    /// <c>\ud800</c>): <see cref="JsonDocument"/> accepts those and only fails when a string is read, deep in the parser. The
    /// message is <paramref name="malformedMessage"/>.
    /// </exception>
    public static JsonDocument Parse(ReadOnlySpan<byte> body, string malformedMessage)
    {
        try
        {
            if (!Utf8.IsValid(body) || HasUnreadableString(body))
            {
                throw new OpenRouterMalformedResponseException(malformedMessage);
            }
            return JsonDocument.Parse(body.ToArray(), Options);
        }
        catch (JsonException exception)
        {
            throw new OpenRouterMalformedResponseException(malformedMessage, exception);
        }
    }

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
