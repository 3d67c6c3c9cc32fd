using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenClaw.Core.Config.Schema;

/// <summary>An array whose items all follow one schema.</summary>
internal sealed class ArraySchemaNode(SchemaNode items) : SchemaNode
{
    public SchemaNode Items { get; } = items;

    public override string ExpectedType => "array";

    public override bool AcceptsKind(JsonValueKind kind) => kind == JsonValueKind.Array;

    protected override void ValidateValue(JsonNode? value, string path, ConfigValidationSink sink)
    {
        if (value is not JsonArray array)
        {
            ExpectedTypeIssue(value, path, sink);
            return;
        }
        for (var index = 0; index < array.Count; index++)
        {
            Items.Validate(array[index], ConfigPathText.AppendIndex(path, index), sink);
        }
    }

    public override SchemaNode? Child(ConfigPathSegment segment)
    {
        if (segment.Index is not null)
        {
            return Items;
        }
        return int.TryParse(segment.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? Items : null;
    }

    public override JsonObject DescribeJsonSchema(JsonSchemaWriter writer) =>
        new() { ["type"] = "array", ["items"] = writer.Describe(Items) };
}
