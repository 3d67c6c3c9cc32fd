using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenClaw.Core.Json5;

/// <summary>Reads JSON5 text into <see cref="JsonNode"/>s.</summary>
public static class Json5Reader
{
    /// <summary>Parses one JSON5 value; throws <see cref="Json5Exception"/> naming the position of the first error.</summary>
    public static JsonNode? Parse(string text, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Placeholder until the JSON5 tokenizer lands: the JSONC subset.
        try
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException exception)
        {
            throw new Json5Exception(sourceName, (int)(exception.LineNumber ?? 0) + 1, (int)(exception.BytePositionInLine ?? 0) + 1, exception.Message);
        }
    }
}
