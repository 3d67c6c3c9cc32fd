using System.Text.Json.Nodes;

namespace OpenClaw.Core.Config.Schema;

/// <summary>Turns a <see cref="SchemaNode"/> tree into a draft 2020-12 JSON Schema, sharing named nodes through <c>$defs</c>.</summary>
internal sealed class JsonSchemaWriter
{
    private const string DraftUri = "https://json-schema.org/draft/2020-12/schema";
    private readonly SortedDictionary<string, JsonObject?> _definitions = new(StringComparer.Ordinal);

    public static JsonObject WriteDocument(SchemaNode root, string title)
    {
        var writer = new JsonSchemaWriter();
        var body = writer.Describe(root, allowReference: false);
        var document = new JsonObject
        {
            ["$schema"] = DraftUri,
            ["title"] = title,
        };
        foreach (var (key, value) in body)
        {
            document[key] = value?.DeepClone();
        }
        if (writer._definitions.Count > 0)
        {
            var definitions = new JsonObject();
            foreach (var (name, schema) in writer._definitions)
            {
                definitions[name] = schema;
            }
            document["$defs"] = definitions;
        }
        return document;
    }

    /// <summary>The schema of <paramref name="node"/>, or a <c>$ref</c> to its shared definition.</summary>
    public JsonObject Describe(SchemaNode node) => Describe(node, allowReference: true);

    private JsonObject Describe(SchemaNode node, bool allowReference)
    {
        if (allowReference && node.DefinitionName is { } name)
        {
            if (!_definitions.ContainsKey(name))
            {
                // Reserve the name first so a node that (indirectly) contains itself refers instead of recursing.
                _definitions[name] = null;
                _definitions[name] = Annotated(node);
            }
            return new JsonObject { ["$ref"] = $"#/$defs/{name}" };
        }
        return Annotated(node);
    }

    private JsonObject Annotated(SchemaNode node)
    {
        var schema = node.DescribeJsonSchema(this);
        if (node.Description is { } description)
        {
            schema["description"] = description;
        }
        if (node.DeprecationWarning is not null)
        {
            schema["deprecated"] = true;
        }
        return schema;
    }
}
