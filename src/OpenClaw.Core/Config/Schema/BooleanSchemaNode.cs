using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenClaw.Core.Config.Schema;

/// <summary>A boolean, or one boolean literal (<c>thinking: false</c>).</summary>
internal sealed class BooleanSchemaNode : SchemaNode
{
    /// <summary>When set, the only accepted value.</summary>
    public bool? Constant { get; init; }

    public override string ExpectedType => Constant is { } constant ? (constant ? "true" : "false") : "boolean";

    public override bool AcceptsKind(JsonValueKind kind) => kind is JsonValueKind.True or JsonValueKind.False;

    protected override void ValidateValue(JsonNode? value, string path, ConfigValidationSink sink)
    {
        if (!JsonNodeValues.TryGetBoolean(value, out var flag))
        {
            ExpectedTypeIssue(value, path, sink);
        }
        else if (Constant is { } constant && flag != constant)
        {
            sink.Issue(path, $"Invalid input: expected {ExpectedType}");
        }
    }

    public override JsonObject DescribeJsonSchema(JsonSchemaWriter writer) =>
        Constant is { } constant ? new JsonObject { ["const"] = constant } : new JsonObject { ["type"] = "boolean" };
}
