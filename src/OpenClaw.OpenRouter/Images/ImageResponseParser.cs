using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Streaming;
using OpenClaw.OpenRouter.Transport;
using OpenClaw.OpenRouter.Media;

namespace OpenClaw.OpenRouter.Images;

/// <summary>
/// Reads the chat-completions answer of an image generation (provider spec §15.1), strictly: a shape the spec does not allow is
/// <see cref="MalformedMessage"/>, an answer without any image <see cref="MissingImageMessage"/>, and an <c>error</c> in the body
/// (top level or in a choice) the typed <see cref="OpenRouterException"/> of its code.
/// </summary>
internal static partial class ImageResponseParser
{
    public const string MalformedMessage = "OpenRouter image generation response malformed";

    public const string MissingImageMessage = "OpenRouter image generation response missing image data";

    private const string DefaultMediaType = "image/png";

    /// <summary>Parses a 200 answer.</summary>
    /// <param name="body">The body as received.</param>
    /// <param name="apiModelId">The model id sent, reported as <see cref="OpenRouterImageResult.Model"/>.</param>
    /// <param name="headerGenerationId"><c>X-Generation-Id</c>, used when the body has no <c>id</c>.</param>
    /// <exception cref="OpenRouterMalformedResponseException">Not JSON, a wrong shape, or no image.</exception>
    /// <exception cref="OpenRouterException">The body carries an <c>error</c>.</exception>
    public static OpenRouterImageResult Parse(ReadOnlySpan<byte> body, string apiModelId, string? headerGenerationId = null)
    {
        using (var document = MediaJson.Parse(body, MalformedMessage))
        {
            return Parse(document.RootElement, apiModelId, headerGenerationId);
        }
    }

    private static OpenRouterImageResult Parse(JsonElement root, string apiModelId, string? headerGenerationId)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Malformed();
        }
        var id = root.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String && idElement.GetString() is { Length: > 0 } bodyId
            ? bodyId
            : headerGenerationId;
        // An error wins over anything else the body says (API §2.3: check for `error` before reading `choices`).
        ThrowIfError(root, id);

        var collected = new List<(byte[] Data, string MediaType, string? RevisedPrompt)>();
        var text = new StringBuilder();
        if (root.TryGetProperty("choices", out var choices) && choices.ValueKind != JsonValueKind.Null)
        {
            if (choices.ValueKind != JsonValueKind.Array)
            {
                throw Malformed();
            }
            foreach (var choice in choices.EnumerateArray())
            {
                if (choice.ValueKind != JsonValueKind.Object)
                {
                    throw Malformed();
                }
                ThrowIfError(choice, id);
                if (choice.TryGetProperty("message", out var message) && message.ValueKind != JsonValueKind.Null)
                {
                    ReadMessage(message, collected, text);
                }
            }
        }
        if (collected.Count == 0)
        {
            throw new OpenRouterMalformedResponseException(MissingImageMessage);
        }

        var images = new OpenRouterGeneratedImage[collected.Count];
        for (var i = 0; i < images.Length; i++)
        {
            var (data, mediaType, revisedPrompt) = collected[i];
            images[i] = new OpenRouterGeneratedImage
            {
                Data = data,
                MediaType = mediaType,
                FileName = FileName(i + 1, mediaType),
                RevisedPrompt = revisedPrompt,
            };
        }
        var trimmed = text.ToString().Trim();
        return new OpenRouterImageResult
        {
            Images = images,
            Model = apiModelId,
            Id = id,
            Text = trimmed.Length > 0 ? trimmed : null,
            Usage = ReadUsage(root, apiModelId),
            Provider = root.TryGetProperty("provider", out var provider) && provider.ValueKind == JsonValueKind.String && provider.GetString() is { Length: > 0 } name ? name : null,
        };
    }

    /// <summary><c>image-&lt;n&gt;.&lt;ext&gt;</c>: <c>jpg</c> for JPEG, <c>webp</c>, <c>gif</c>, else <c>png</c>.</summary>
    public static string FileName(int number, string mediaType) =>
        string.Create(CultureInfo.InvariantCulture, $"image-{number}.{Extension(mediaType)}");

    /// <summary>The file extension of a media type: <c>jpg</c> for <c>image/jpeg</c> (and <c>image/jpg</c>), <c>webp</c>, <c>gif</c>, else <c>png</c>.</summary>
    public static string Extension(string mediaType) => mediaType.Trim().ToLowerInvariant() switch
    {
        "image/jpeg" or "image/jpg" or "image/pjpeg" => "jpg",
        "image/webp" => "webp",
        "image/gif" => "gif",
        _ => "png",
    };

    /// <summary>
    /// Decodes a <c>data:&lt;mime&gt;;base64,&lt;data&gt;</c> URL. Parameters between the media type and <c>;base64</c> are ignored;
    /// an empty media type means <c>image/png</c>. Returns <see langword="false"/> for anything else, and for empty or invalid data.
    /// </summary>
    public static bool TryDecodeDataUrl(string url, out byte[] data, out string mediaType)
    {
        data = [];
        mediaType = DefaultMediaType;
        if (!url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var comma = url.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0)
        {
            return false;
        }
        var header = url.AsSpan(5, comma - 5);
        if (!header.EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        header = header[..^";base64".Length];
        var semicolon = header.IndexOf(';');
        var type = (semicolon < 0 ? header : header[..semicolon]).Trim();
        if (!TryDecodeBase64(url.AsSpan(comma + 1), out data))
        {
            return false;
        }
        mediaType = type.IsEmpty ? DefaultMediaType : type.ToString().ToLowerInvariant();
        return true;
    }

    /// <summary>Decodes base64 (whitespace allowed, padding required); empty data is not an image.</summary>
    public static bool TryDecodeBase64(ReadOnlySpan<char> text, out byte[] data)
    {
        data = [];
        var trimmed = text.Trim();
        if (trimmed.IsEmpty)
        {
            return false;
        }
        var buffer = new byte[(trimmed.Length / 4 * 3) + 3];
        if (!Convert.TryFromBase64Chars(trimmed, buffer, out var written) || written == 0)
        {
            return false;
        }
        data = buffer.AsSpan(0, written).ToArray();
        return true;
    }

    /// <summary>The media type the bytes announce (PNG, JPEG, GIF, WebP signatures), or <see langword="null"/>.</summary>
    public static string? SniffMediaType(ReadOnlySpan<byte> data) =>
        data.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : data.StartsWith("GIF87a"u8) || data.StartsWith("GIF89a"u8) ? "image/gif"
        : data.Length >= 12 && data.StartsWith("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8) ? "image/webp"
        : null;

    private static void ReadMessage(JsonElement message, List<(byte[], string, string?)> images, StringBuilder text)
    {
        if (message.ValueKind != JsonValueKind.Object)
        {
            throw Malformed();
        }
        if (message.TryGetProperty("images", out var list) && list.ValueKind != JsonValueKind.Null)
        {
            if (list.ValueKind != JsonValueKind.Array)
            {
                throw Malformed();
            }
            foreach (var entry in list.EnumerateArray())
            {
                if (entry.ValueKind != JsonValueKind.Object)
                {
                    throw Malformed();
                }
                var url = ImageUrlOf(entry) ?? throw Malformed();
                var (data, mediaType) = DecodeStrict(url);
                images.Add((data, mediaType, NonEmptyString(entry, "revised_prompt")));
            }
        }
        if (!message.TryGetProperty("content", out var content))
        {
            return;
        }
        switch (content.ValueKind)
        {
            case JsonValueKind.Null:
                return;
            case JsonValueKind.String:
                ReadContentString(content.GetString()!, images, text);
                return;
            case JsonValueKind.Array:
                foreach (var part in content.EnumerateArray())
                {
                    ReadContentPart(part, images, text);
                }
                return;
            default:
                throw Malformed();
        }
    }

    /// <summary>Every <c>data:image/&lt;x&gt;;base64,…</c> in the text, leniently: a match that does not decode is skipped. The rest is text.</summary>
    private static void ReadContentString(string content, List<(byte[], string, string?)> images, StringBuilder text)
    {
        var found = false;
        foreach (Match match in EmbeddedDataUrl().Matches(content))
        {
            found = true;
            if (TryDecodeBase64(match.Groups["data"].ValueSpan, out var data))
            {
                images.Add((data, "image/" + match.Groups["subtype"].Value.ToLowerInvariant(), null));
            }
        }
        // Text beside embedded images loses the data URLs (and a Markdown image wrapped around one), so it stays readable.
        Append(text, found ? EmbeddedDataUrl().Replace(content, "") : content);
    }

    private static void ReadContentPart(JsonElement part, List<(byte[], string, string?)> images, StringBuilder text)
    {
        if (part.ValueKind != JsonValueKind.Object)
        {
            throw Malformed();
        }
        var type = part.TryGetProperty("type", out var typeElement) && typeElement.ValueKind == JsonValueKind.String ? typeElement.GetString() : null;
        if (type == "text")
        {
            if (part.TryGetProperty("text", out var partText) && partText.ValueKind == JsonValueKind.String)
            {
                Append(text, partText.GetString()!);
            }
            return;
        }
        if (type is "image_url" or "imageUrl" || (type is null && (part.TryGetProperty("image_url", out _) || part.TryGetProperty("imageUrl", out _))))
        {
            var url = ImageUrlOf(part) ?? throw Malformed();
            var (data, mediaType) = DecodeStrict(url);
            images.Add((data, mediaType, NonEmptyString(part, "revised_prompt")));
            return;
        }
        if (type == "b64_json" || (type is null && part.TryGetProperty("b64_json", out _)))
        {
            if (!part.TryGetProperty("b64_json", out var b64) || b64.ValueKind != JsonValueKind.String || !TryDecodeBase64(b64.GetString(), out var data))
            {
                throw Malformed();
            }
            var mediaType = NonEmptyString(part, "media_type") ?? NonEmptyString(part, "mime_type") ?? NonEmptyString(part, "mimeType")
                ?? SniffMediaType(data) ?? DefaultMediaType;
            images.Add((data, mediaType.ToLowerInvariant(), NonEmptyString(part, "revised_prompt")));
            return;
        }
        if (InlineDataOf(part, type) is { } inline)
        {
            if (inline.ValueKind != JsonValueKind.Object || !inline.TryGetProperty("data", out var b64)
                || b64.ValueKind != JsonValueKind.String || !TryDecodeBase64(b64.GetString(), out var data))
            {
                throw Malformed();
            }
            var mediaType = NonEmptyString(inline, "mimeType") ?? NonEmptyString(inline, "mime_type") ?? DefaultMediaType;
            images.Add((data, mediaType.ToLowerInvariant(), null));
        }
        // Any other part type says nothing about images.
    }

    /// <summary><c>inlineData</c> / <c>inline_data</c> (Gemini's form), typed or not.</summary>
    private static JsonElement? InlineDataOf(JsonElement part, string? type)
    {
        if (part.TryGetProperty("inline_data", out var snake))
        {
            return snake;
        }
        if (part.TryGetProperty("inlineData", out var camel))
        {
            return camel;
        }
        // A part that says it is inline data but carries none is malformed.
        return type is "inline_data" or "inlineData" ? default(JsonElement) : null;
    }

    /// <summary>The URL of an <c>image_url</c> (or <c>imageUrl</c>) member: an object's <c>url</c>, or the string itself.</summary>
    private static string? ImageUrlOf(JsonElement entry)
    {
        if (!entry.TryGetProperty("image_url", out var member) && !entry.TryGetProperty("imageUrl", out member))
        {
            return null;
        }
        if (member.ValueKind == JsonValueKind.Object && member.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String)
        {
            return url.GetString();
        }
        return member.ValueKind == JsonValueKind.String ? member.GetString() : null;
    }

    private static (byte[] Data, string MediaType) DecodeStrict(string url) =>
        TryDecodeDataUrl(url, out var data, out var mediaType) ? (data, mediaType) : throw Malformed();

    private static void ThrowIfError(JsonElement element, string? generationId)
    {
        if (!element.TryGetProperty("error", out var error) || error.ValueKind == JsonValueKind.Null)
        {
            return;
        }
        var details = error.ValueKind switch
        {
            JsonValueKind.Object => ErrorResponseReader.FromErrorObject(JsonObject.Create(error)!, generationId),
            JsonValueKind.String => new OpenRouterErrorDetails { ErrorMessage = error.GetString(), GenerationId = generationId },
            _ => throw Malformed(),
        };
        throw OpenRouterException.Create(details with
        {
            StatusCode = 200,
            InBand = true,
            Operation = ImageRequestBody.Operation,
            RequestId = details.Metadata?["request_id"] is JsonValue value && value.TryGetValue(out string? requestId) && requestId.Length > 0 ? requestId : null,
        });
    }

    /// <summary><c>usage</c>, read by the chat accumulator so tokens and the billed cost follow the same rules as chat (§14.4).</summary>
    private static OpenRouterUsage? ReadUsage(JsonElement root, string apiModelId)
    {
        if (!root.TryGetProperty("usage", out var usage) || usage.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("usage");
            usage.WriteTo(writer);
            writer.WriteEndObject();
        }
        using var chunk = JsonDocument.Parse(buffer.ToArray());
        var accumulator = new ChatResponseAccumulator(apiModelId);
        accumulator.ApplyChunk(chunk.RootElement);
        return accumulator.Build().Usage;
    }

    private static string? NonEmptyString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private static void Append(StringBuilder text, string value)
    {
        if (value.Length == 0)
        {
            return;
        }
        if (text.Length > 0)
        {
            text.Append('\n');
        }
        text.Append(value);
    }

    private static OpenRouterMalformedResponseException Malformed() => new(MalformedMessage);

    // Optionally inside a Markdown image, `![alt](data:image/png;base64,…)`, so the text left over has no empty wrapper.
    [GeneratedRegex(@"(?<open>!\[[^\]\r\n]*\]\(\s*)?data:image/(?<subtype>[A-Za-z0-9.+-]+);base64,(?<data>[A-Za-z0-9+/]+={0,2})(?(open)\s*\))", RegexOptions.CultureInvariant)]
    private static partial Regex EmbeddedDataUrl();
}
