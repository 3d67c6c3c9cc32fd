using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenClaw.OpenRouter.Shaping;

/// <summary>Small, allocation-free questions about <see cref="JsonNode"/> values that config and payloads need everywhere.</summary>
internal static class JsonNodes
{
    public static string? AsString(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static bool TryGetNumber(JsonNode? node, out double number)
    {
        number = 0;
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number)
        {
            // A parsed node holds a JsonElement and converts to double; one built in code (new JsonObject { ["maxTokens"] = 1234 })
            // holds its CLR number, which converts only to its own type, so its JSON text is read instead.
            if (!value.TryGetValue(out number))
            {
                number = double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
            }
            return double.IsFinite(number);
        }
        return false;
    }

    public static bool IsTrue(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.True;

    /// <summary>The first of <paramref name="keys"/> the object has as its own property (present, even if null).</summary>
    public static bool TryGetFirst(JsonObject obj, ReadOnlySpan<string> keys, out JsonNode? node)
    {
        foreach (var key in keys)
        {
            if (obj.TryGetPropertyValue(key, out node))
            {
                return true;
            }
        }
        node = null;
        return false;
    }

    /// <summary>A detached copy (a node can have only one parent).</summary>
    public static JsonNode? Clone(JsonNode? node) => node?.DeepClone();
}
