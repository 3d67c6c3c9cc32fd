using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Models;

namespace OpenClaw.OpenRouter.Shaping.Steps;

/// <summary>
/// Provider spec §13: Kimi rejects a schema node that has both a <c>type</c> and an <c>anyOf</c>, so for <c>moonshot/</c> and
/// <c>moonshotai/</c> models the parent's type moves into each compatible branch. Other models' schemas go out unchanged.
/// The payload holds its own copy of every schema (rendering clones the caller's tools), so the rewrite is in place there.
/// </summary>
internal sealed class KimiToolSchemaStep : IChatPayloadStep
{
    private static readonly string[] MapKeywords = ["properties", "patternProperties", "dependentSchemas", "dependencies", "$defs", "definitions"];

    // default, enum, const and examples hold data, not schemas, and are deliberately absent.
    private static readonly string[] SchemaKeywords =
    [
        "items", "additionalItems", "prefixItems", "additionalProperties", "anyOf", "oneOf", "allOf", "if", "then", "else", "not",
        "contains", "propertyNames", "unevaluatedItems", "unevaluatedProperties", "contentSchema",
    ];

    private static readonly HashSet<string> TypeNames = new(StringComparer.Ordinal) { "string", "number", "integer", "boolean", "object", "array", "null" };

    public void Apply(ChatPayloadContext context)
    {
        if (!ModelFamily.IsKimi(context.ApiId) || context.Payload["tools"] is not JsonArray tools)
        {
            return;
        }
        foreach (var tool in tools)
        {
            if (tool?["function"]?["parameters"] is JsonObject parameters)
            {
                Normalize(parameters);
            }
        }
    }

    /// <summary>Rewrites <paramref name="schema"/> and its sub-schemas in place; a second run changes nothing.</summary>
    public static void Normalize(JsonObject schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        HoistType(schema);
        foreach (var keyword in MapKeywords)
        {
            if (schema[keyword] is JsonObject map)
            {
                foreach (var (_, value) in map)
                {
                    if (value is JsonObject child)
                    {
                        Normalize(child);
                    }
                }
            }
        }
        foreach (var keyword in SchemaKeywords)
        {
            switch (schema[keyword])
            {
                case JsonObject child:
                    Normalize(child);
                    break;
                case JsonArray children:
                    foreach (var item in children.OfType<JsonObject>())
                    {
                        Normalize(item);
                    }
                    break;
            }
        }
    }

    private static void HoistType(JsonObject schema)
    {
        if (!schema.TryGetPropertyValue("type", out var parentType) || TypesOf(parentType) is not { } parentTypes
            || schema["anyOf"] is not JsonArray { Count: > 0 } branches)
        {
            return;
        }
        foreach (var branch in branches)
        {
            if (branch is not JsonObject candidate || candidate.ContainsKey("$ref") || candidate.ContainsKey("anyOf") || candidate.ContainsKey("oneOf"))
            {
                return;
            }
            if (candidate.TryGetPropertyValue("type", out var branchType)
                && (TypesOf(branchType) is not { } own || !own.All(type => parentTypes.Contains(type) || (type == "integer" && parentTypes.Contains("number")))))
            {
                return;
            }
        }
        schema.Remove("type");
        foreach (var branch in branches.Cast<JsonObject>())
        {
            if (!branch.ContainsKey("type"))
            {
                branch.Insert(0, "type", parentType!.DeepClone());
            }
        }
    }

    /// <summary>The JSON-schema type names of a <c>type</c> value (a name or an array of names); <see langword="null"/> otherwise.</summary>
    private static List<string>? TypesOf(JsonNode? type)
    {
        if (JsonNodes.AsString(type) is { } single)
        {
            return TypeNames.Contains(single) ? [single] : null;
        }
        if (type is not JsonArray { Count: > 0 } array)
        {
            return null;
        }
        var names = new List<string>(array.Count);
        foreach (var item in array)
        {
            if (JsonNodes.AsString(item) is not { } name || !TypeNames.Contains(name))
            {
                return null;
            }
            names.Add(name);
        }
        return names;
    }
}
