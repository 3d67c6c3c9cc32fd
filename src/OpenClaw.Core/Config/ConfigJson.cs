using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenClaw.Core.Config;

/// <summary>How openclaw.json is written: 2-space indentation, characters kept readable (no <c>\u00e9</c>), a final newline.</summary>
internal static class ConfigJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(JsonNode node) => node.ToJsonString(Options) + "\n";

    public static byte[] SerializeUtf8(JsonNode node) => Encoding.UTF8.GetBytes(Serialize(node));
}
