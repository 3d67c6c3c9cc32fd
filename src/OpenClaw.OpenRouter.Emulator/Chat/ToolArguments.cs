using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Emulator.Http;

namespace OpenClaw.OpenRouter.Emulator.Chat;

/// <summary>Deterministic arguments that satisfy a tool's JSON schema: strings carry the user's words, so a
/// tool call made for "draw a red fox" gets <c>{"prompt":"draw a red fox"}</c>.</summary>
internal static class ToolArguments
{
    public static string For(JsonNode? schema, string userText)
        => (ValueFor(schema, userText, depth: 0) as JsonObject ?? []).ToJsonString();

    private static JsonNode? ValueFor(JsonNode? schema, string userText, int depth)
    {
        if (schema is not JsonObject obj || depth > 8)
        {
            return new JsonObject();
        }
        if (obj["enum"] is JsonArray { Count: > 0 } choices)
        {
            return choices[0]?.DeepClone();
        }
        if (obj.ContainsKey("const"))
        {
            return obj["const"]?.DeepClone();
        }
        if (obj["default"] is { } fallback)
        {
            return fallback.DeepClone();
        }
        var type = obj["type"] switch
        {
            JsonArray types => types.Select(JsonHttp.String).FirstOrDefault(t => t is not null and not "null"),
            var single => JsonHttp.String(single),
        };
        if (type is null && (obj["anyOf"] ?? obj["oneOf"]) is JsonArray { Count: > 0 } branches)
        {
            return ValueFor(branches[0], userText, depth + 1);
        }
        switch (type)
        {
            case "string":
                return userText;
            case "integer":
            case "number":
                return JsonHttp.Number(obj["minimum"]) is { } minimum ? JsonValue.Create(Math.Ceiling(minimum)) : JsonValue.Create(1);
            case "boolean":
                return false;
            case "array":
                return new JsonArray();
            default:
                var result = new JsonObject();
                var properties = obj["properties"] as JsonObject;
                var required = (obj["required"] as JsonArray)?.Select(JsonHttp.String).OfType<string>().ToHashSet() ?? [];
                foreach (var (name, propertySchema) in properties ?? [])
                {
                    if (required.Count == 0 ? properties!.Count == 1 : required.Contains(name))
                    {
                        result[name] = ValueFor(propertySchema, userText, depth + 1);
                    }
                }
                return result;
        }
    }
}
