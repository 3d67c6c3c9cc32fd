using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenClaw.Core.Tests.Json5;

/// <summary>Writes nodes as compact JSON that leaves non-ASCII and quotes unescaped, so expected texts in tests stay readable.</summary>
internal static class Json5TestJson
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(JsonNode? node) => node is null ? "null" : node.ToJsonString(Readable);
}
