using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace OpenClaw.OpenRouter.AI;

/// <summary>
/// Turns the loosely typed values MEAI carries (<c>AdditionalProperties</c>, function arguments and results) into JSON nodes
/// without the reflection serializer, so the library stays trimmable and AOT-compatible.
/// </summary>
internal static class AIJsonNodes
{
    /// <summary>
    /// JSON nodes and elements are copied; primitives, dictionaries and sequences are converted; anything else goes through
    /// <see cref="AIJsonUtilities.DefaultOptions"/> when it knows the type, and is written as its string otherwise.
    /// </summary>
    public static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        JsonElement element => FromElement(element),
        JsonDocument document => FromElement(document.RootElement),
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        int number => JsonValue.Create(number),
        long number => JsonValue.Create(number),
        double number => JsonValue.Create(number),
        float number => JsonValue.Create(number),
        decimal number => JsonValue.Create(number),
        short number => JsonValue.Create(number),
        byte number => JsonValue.Create(number),
        sbyte number => JsonValue.Create(number),
        uint number => JsonValue.Create(number),
        ulong number => JsonValue.Create(number),
        ushort number => JsonValue.Create(number),
        char character => JsonValue.Create(character.ToString()),
        Guid guid => JsonValue.Create(guid.ToString()),
        DateTimeOffset time => JsonValue.Create(time.ToString("O", CultureInfo.InvariantCulture)),
        DateTime time => JsonValue.Create(time.ToString("O", CultureInfo.InvariantCulture)),
        Uri uri => JsonValue.Create(uri.OriginalString),
        Enum enumeration => JsonValue.Create(enumeration.ToString()),
        IEnumerable<KeyValuePair<string, object?>> pairs => FromPairs(pairs),
        IEnumerable<KeyValuePair<string, string>> pairs => FromPairs(pairs.Select(pair => new KeyValuePair<string, object?>(pair.Key, pair.Value))),
        IDictionary dictionary => FromDictionary(dictionary),
        IEnumerable sequence => FromSequence(sequence),
        _ => ViaDefaultOptions(value),
    };

    /// <summary>A copy of <paramref name="element"/> that no longer depends on its document.</summary>
    public static JsonNode? FromElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => JsonObject.Create(element.Clone()),
        JsonValueKind.Array => JsonArray.Create(element.Clone()),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => JsonValue.Create(element.Clone()),
    };

    /// <summary>Parses JSON text into an object, or <see langword="null"/> when it is not one.</summary>
    public static JsonObject? TryParseObject(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The string in a string node, else <see langword="null"/>.</summary>
    public static string? AsString(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static JsonObject FromPairs(IEnumerable<KeyValuePair<string, object?>> pairs)
    {
        var json = new JsonObject();
        foreach (var (key, value) in pairs)
        {
            json[key] = ToNode(value);
        }
        return json;
    }

    private static JsonObject FromDictionary(IDictionary dictionary)
    {
        var json = new JsonObject();
        foreach (DictionaryEntry entry in dictionary)
        {
            json[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? ""] = ToNode(entry.Value);
        }
        return json;
    }

    private static JsonArray FromSequence(IEnumerable sequence)
    {
        var json = new JsonArray();
        foreach (var item in sequence)
        {
            json.Add(ToNode(item));
        }
        return json;
    }

    private static JsonNode? ViaDefaultOptions(object value)
    {
        try
        {
            // Non-generic overload with an explicit JsonTypeInfo: no reflection-based serialization is requested here; under
            // AOT an unknown type makes GetTypeInfo throw and the value falls back to its string.
            return JsonSerializer.SerializeToNode(value, AIJsonUtilities.DefaultOptions.GetTypeInfo(value.GetType()));
        }
        catch (Exception exception) when (exception is NotSupportedException or InvalidOperationException or ArgumentException)
        {
            return JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture));
        }
    }
}
