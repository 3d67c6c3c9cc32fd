using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenClaw.Core.Config.Schema;

/// <summary>
/// Anything (inside opaque sections), kept as written. Only non-finite numbers are refused: JSON cannot store them, so
/// the file could not be written back.
/// </summary>
internal sealed class AnySchemaNode : SchemaNode
{
    public static AnySchemaNode Instance { get; } = new();

    public override string ExpectedType => "any";

    public override bool AcceptsKind(JsonValueKind kind) => true;

    protected override void ValidateValue(JsonNode? value, string path, ConfigValidationSink sink) => RefuseNonFinite(value, path, sink);

    public static void RefuseNonFinite(JsonNode? value, string path, ConfigValidationSink sink)
    {
        switch (value)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    RefuseNonFinite(child, ConfigPathText.AppendKey(path, key), sink);
                }
                break;
            case JsonArray array:
                for (var index = 0; index < array.Count; index++)
                {
                    RefuseNonFinite(array[index], ConfigPathText.AppendIndex(path, index), sink);
                }
                break;
            default:
                if (JsonNodeValues.TryGetNumber(value, out var number) && !double.IsFinite(number))
                {
                    sink.Issue(path, $"Expected a finite number, received {JsonNodeValues.NonFiniteName(number)}");
                }
                break;
        }
    }

    public override SchemaNode? Child(ConfigPathSegment segment) => this;

    public override JsonObject DescribeJsonSchema(JsonSchemaWriter writer) => [];
}
