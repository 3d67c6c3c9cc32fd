using System.Text.Json;
using OpenClaw.OpenRouter.Errors;

namespace OpenClaw.OpenRouter.Media;

/// <summary>Parsing of media answers, where a body that is not JSON is a malformed answer of that operation.</summary>
internal static class MediaJson
{
    /// <summary>Parses <paramref name="body"/>; leading whitespace (OpenRouter's keep-alive before a slow body) is skipped.</summary>
    /// <exception cref="OpenRouterMalformedResponseException">Not JSON; the message is <paramref name="malformedMessage"/>.</exception>
    public static JsonDocument Parse(ReadOnlySpan<byte> body, string malformedMessage)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            return JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException exception)
        {
            throw new OpenRouterMalformedResponseException(malformedMessage, exception);
        }
    }
}
