using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenClaw.Core.Config.Schema;

/// <summary>
/// One node of the declarative config schema. The same tree validates documents, answers which paths exist and is
/// written out as JSON Schema, so the three can never disagree.
/// </summary>
internal abstract class SchemaNode
{
    /// <summary>Shown in the JSON Schema.</summary>
    public string? Description { get; init; }

    /// <summary>Set on legacy keys: still accepted, but each use is reported as this warning.</summary>
    public string? DeprecationWarning { get; init; }

    /// <summary>When set, the JSON Schema writes this node once under <c>$defs</c> and refers to it elsewhere.</summary>
    public string? DefinitionName { get; init; }

    /// <summary>
    /// Set when a string value is shorthand for an object with this one key (a model selection <c>"ref"</c> means
    /// <c>{primary: "ref"}</c>), so a path into the object can expand the string instead of failing.
    /// </summary>
    public string? StringShorthandFor { get; init; }

    /// <summary>The type named in <c>Expected &lt;type&gt;, received &lt;type&gt;</c>.</summary>
    public abstract string ExpectedType { get; }

    /// <summary>Whether a value of this JSON kind is meant for this node (a union picks its branch by it).</summary>
    public abstract bool AcceptsKind(JsonValueKind kind);

    public void Validate(JsonNode? value, string path, ConfigValidationSink sink)
    {
        if (DeprecationWarning is not null)
        {
            sink.Warning(path, DeprecationWarning);
        }
        ValidateValue(value, path, sink);
    }

    protected abstract void ValidateValue(JsonNode? value, string path, ConfigValidationSink sink);

    /// <summary>The schema of a child key or item, or null when the schema has no such child.</summary>
    public virtual SchemaNode? Child(ConfigPathSegment segment) => null;

    /// <summary>This node's JSON Schema without the shared annotations, which <see cref="JsonSchemaWriter"/> adds.</summary>
    public abstract JsonObject DescribeJsonSchema(JsonSchemaWriter writer);

    protected void ExpectedTypeIssue(JsonNode? value, string path, ConfigValidationSink sink) =>
        sink.Issue(path, $"Expected {ExpectedType}, received {JsonNodeValues.KindName(value)}");
}
