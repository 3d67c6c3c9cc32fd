using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenClaw.Core.Config.Schema;

/// <summary>
/// One of several shapes (a model selection is a string or an object). The value's JSON kind picks the branch, so the
/// issues reported are those of the shape the author evidently meant.
/// </summary>
internal sealed class UnionSchemaNode(params SchemaNode[] options) : SchemaNode
{
    private IReadOnlyList<SchemaNode> Options { get; } = options;

    public override string ExpectedType => string.Join(" or ", Options.Select(o => o.ExpectedType).Distinct());

    public override bool AcceptsKind(JsonValueKind kind) => Options.Any(o => o.AcceptsKind(kind));

    protected override void ValidateValue(JsonNode? value, string path, ConfigValidationSink sink)
    {
        var kind = JsonNodeValues.Kind(value);
        var option = Options.FirstOrDefault(o => o.AcceptsKind(kind));
        if (option is null)
        {
            ExpectedTypeIssue(value, path, sink);
            return;
        }
        option.Validate(value, path, sink);
    }

    public override SchemaNode? Child(ConfigPathSegment segment) =>
        Options.Select(o => o.Child(segment)).FirstOrDefault(child => child is not null);

    public override JsonObject DescribeJsonSchema(JsonSchemaWriter writer) =>
        new() { ["anyOf"] = new JsonArray([.. Options.Select(o => (JsonNode)writer.Describe(o))]) };
}
