using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenClaw.Core.Config;

/// <summary>
/// Reads scalars out of nodes whatever backs them: the JSON5 reader gives numbers over a <see cref="JsonElement"/> but
/// <c>Infinity</c>/<c>NaN</c> as doubles, and code that edits a document adds values of other CLR types.
/// </summary>
internal static class JsonNodeValues
{
    /// <summary>The JSON type name used in messages: <c>null</c>, <c>object</c>, <c>array</c>, <c>string</c>, <c>number</c>, <c>boolean</c>.</summary>
    public static string KindName(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Null => "null",
            _ => "unknown",
        },
    };

    public static JsonValueKind Kind(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    public static bool TryGetString(JsonNode? node, out string text)
    {
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.TryGetValue<string>(out var found))
        {
            text = found;
            return true;
        }
        text = "";
        return false;
    }

    public static string? GetString(JsonNode? node) => TryGetString(node, out var text) ? text : null;

    public static bool TryGetBoolean(JsonNode? node, out bool flag)
    {
        flag = false;
        if (node is not JsonValue value)
        {
            return false;
        }
        switch (value.GetValueKind())
        {
            case JsonValueKind.True:
                flag = true;
                return true;
            case JsonValueKind.False:
                return true;
            default:
                return false;
        }
    }

    /// <summary>The number as a double (non-finite values included), false for anything that is not a JSON number.</summary>
    public static bool TryGetNumber(JsonNode? node, out double number)
    {
        number = 0;
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }
        if (value.TryGetValue<JsonElement>(out var element))
        {
            return element.TryGetDouble(out number);
        }
        if (value.TryGetValue<double>(out number))
        {
            return true;
        }
        if (value.TryGetValue<long>(out var int64))
        {
            number = int64;
            return true;
        }
        if (value.TryGetValue<int>(out var int32))
        {
            number = int32;
            return true;
        }
        if (value.TryGetValue<decimal>(out var exact))
        {
            number = (double)exact;
            return true;
        }
        if (value.TryGetValue<float>(out var single))
        {
            number = single;
            return true;
        }
        if (value.TryGetValue<ulong>(out var unsigned64))
        {
            number = unsigned64;
            return true;
        }
        if (value.TryGetValue<uint>(out var unsigned32))
        {
            number = unsigned32;
            return true;
        }
        if (value.TryGetValue<short>(out var int16))
        {
            number = int16;
            return true;
        }
        if (value.TryGetValue<ushort>(out var unsigned16))
        {
            number = unsigned16;
            return true;
        }
        if (value.TryGetValue<byte>(out var unsigned8))
        {
            number = unsigned8;
            return true;
        }
        if (value.TryGetValue<sbyte>(out var int8))
        {
            number = int8;
            return true;
        }
        return false;
    }

    /// <summary>A finite whole number within <see cref="long"/>, as <c>timeoutMs</c> fields need.</summary>
    public static bool TryGetInt64(JsonNode? node, out long integer)
    {
        integer = 0;
        if (!TryGetNumber(node, out var number) || !double.IsFinite(number) || number != Math.Floor(number)
            || number < long.MinValue || number >= 9.2233720368547758E18)
        {
            return false;
        }
        integer = (long)number;
        return true;
    }

    /// <summary>How a non-finite number is named in messages, as JavaScript prints it.</summary>
    public static string NonFiniteName(double number) =>
        double.IsNaN(number) ? "NaN" : number > 0 ? "Infinity" : "-Infinity";
}
