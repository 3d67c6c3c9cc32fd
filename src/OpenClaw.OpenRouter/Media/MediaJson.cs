using System.Text.Json;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Transport;

namespace OpenClaw.OpenRouter.Media;

/// <summary>Parsing of media answers, where a body that is not JSON is a malformed answer of that operation.</summary>
internal static class MediaJson
{
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
            if (!StrictJson.IsReadable(body))
            {
                throw new OpenRouterMalformedResponseException(malformedMessage);
            }
            return JsonDocument.Parse(body.ToArray(), StrictJson.Options);
        }
        catch (JsonException exception)
        {
            throw new OpenRouterMalformedResponseException(malformedMessage, exception);
        }
    }
}
