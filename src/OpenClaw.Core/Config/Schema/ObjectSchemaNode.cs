using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenClaw.Core.Config.Schema;

/// <summary>
/// An object: named properties, and for other keys either a value schema (a map such as <c>agents.defaults.models</c>),
/// anything (an open section kept as written), or an <c>Unrecognized key</c> issue (strict, the default).
/// </summary>
internal sealed class ObjectSchemaNode : SchemaNode
{
    private readonly Dictionary<string, SchemaNode> _properties = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public ObjectSchemaNode(params (string Name, SchemaNode Schema)[] properties)
    {
        foreach (var (name, schema) in properties)
        {
            _properties.Add(name, schema);
            _order.Add(name);
        }
    }

    /// <summary>Keys that must be present.</summary>
    public IReadOnlyList<string> Required { get; init; } = [];

    /// <summary>The schema of keys not named in the properties (map values); null when such keys are not expected.</summary>
    public SchemaNode? OtherKeys { get; init; }

    /// <summary>Keys not named and not covered by <see cref="OtherKeys"/> are kept as written instead of reported.</summary>
    public bool AllowsUnknownKeys { get; init; }

    public override string ExpectedType => "object";

    public override bool AcceptsKind(JsonValueKind kind) => kind == JsonValueKind.Object;

    protected override void ValidateValue(JsonNode? value, string path, ConfigValidationSink sink)
    {
        if (value is not JsonObject obj)
        {
            ExpectedTypeIssue(value, path, sink);
            return;
        }
        foreach (var (key, child) in obj)
        {
            var childPath = ConfigPathText.AppendKey(path, key);
            if (SchemaFor(key) is { } schema)
            {
                schema.Validate(child, childPath, sink);
            }
            else
            {
                // The current release reports unknown keys on their parent: `messages: Unrecognized key: "tts"`.
                sink.Issue(path, $"Unrecognized key: \"{key}\"");
            }
        }
        foreach (var key in Required)
        {
            if (!obj.ContainsKey(key))
            {
                sink.Issue(ConfigPathText.AppendKey(path, key), $"Expected {_properties[key].ExpectedType}, received undefined");
            }
        }
    }

    private SchemaNode? SchemaFor(string key) =>
        _properties.TryGetValue(key, out var named) ? named : OtherKeys ?? (AllowsUnknownKeys ? AnySchemaNode.Instance : null);

    public override SchemaNode? Child(ConfigPathSegment segment) => segment.Key is { } key ? SchemaFor(key) : null;

    public override JsonObject DescribeJsonSchema(JsonSchemaWriter writer)
    {
        var schema = new JsonObject { ["type"] = "object" };
        if (_order.Count > 0)
        {
            var properties = new JsonObject();
            foreach (var name in _order)
            {
                properties[name] = writer.Describe(_properties[name]);
            }
            schema["properties"] = properties;
        }
        if (Required.Count > 0)
        {
            schema["required"] = new JsonArray([.. Required.Select(r => (JsonNode)JsonValue.Create(r))]);
        }
        if (OtherKeys is not null)
        {
            schema["additionalProperties"] = writer.Describe(OtherKeys);
        }
        else if (!AllowsUnknownKeys)
        {
            schema["additionalProperties"] = false;
        }
        return schema;
    }
}
