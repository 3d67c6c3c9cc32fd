using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenClaw.OpenRouter.Shaping;

/// <summary>
/// How JSON is written on the wire: compact, and escaped only where JSON requires it (like JavaScript's
/// <c>JSON.stringify</c>), so quotes inside strings are <c>\"</c> and non-ASCII text and base64 <c>+</c> stay as they are.
/// </summary>
internal static class WireJson
{
    public static JsonSerializerOptions Options { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = false };

    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    public static string Serialize(JsonNode? node) => node?.ToJsonString(Options) ?? "null";

    public static byte[] SerializeToUtf8(JsonNode node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            node.WriteTo(writer);
        }
        return buffer.ToArray();
    }
}
