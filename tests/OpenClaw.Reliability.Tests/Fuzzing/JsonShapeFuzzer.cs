using System.Text;
using System.Text.Json.Nodes;

namespace OpenClaw.Reliability.Tests.Fuzzing;

/// <summary>
/// Structure-aware edits of a JSON answer: a member replaced by a value of another kind or an extreme number, a member removed,
/// a member the parsers read added with a strange value, a value wrapped in an array, a key given twice. Parsers that trust a
/// field's type or range fail here long before random bytes find them.
/// </summary>
internal static class JsonShapeFuzzer
{
    /// <summary>Values of every kind, and numbers at and past the edges of int, long, decimal and double.</summary>
    public static readonly string[] StrangeValues =
    [
        "null", "true", "false", "0", "-0", "-1", "1", "0.5", "-0.5", "2147483647", "2147483648", "-2147483649", "9223372036854775807",
        "9223372036854775808", "-9223372036854775809", "18446744073709551616", "1e28", "7.9228162514264337593543950335e28", "79228162514264337593543950336",
        "1e300", "-1e300", "1e308", "1e400", "-1e400", "1e-400", "4.9e-324", "123456789012345678901234567890.5", "1E+2",
        "\"\"", "\" \"", "\"x\"", "\"-1\"", "\"1e400\"", "\"0\"", "\"\\u0000\"", "\"\\ud800\"", "\"data:\"", "\"data:image/png;base64,\"",
        "\"data:image/png;base64,====\"", "\"data:;base64,AAAA\"", "\"data:image/png,AAAA\"", "\"https://example.com/a.png\"", "\"::::\"",
        "[]", "[null]", "[1,\"a\",{}]", "{}", "{\"\":null}", "{\"type\":null}", "{\"url\":{}}",
        string.Concat(Enumerable.Repeat("[", 60)) + string.Concat(Enumerable.Repeat("]", 60)),
        string.Concat(Enumerable.Repeat("{\"a\":", 40)) + "1" + string.Concat(Enumerable.Repeat("}", 40)),
    ];

    /// <summary>Returns the JSON text of <paramref name="original"/> after one to three structural edits.</summary>
    public static string Mutate(JsonNode original, Random random, IReadOnlyList<string> keys)
    {
        var root = original.DeepClone();
        var duplicates = new List<string>();
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits; e++)
        {
            var slots = new List<(JsonNode Parent, string? Key, int Index)>();
            Collect(root, slots);
            var kind = random.Next(6);
            if (slots.Count == 0 || kind == 5)
            {
                if (Containers(root).ToList() is { Count: > 0 } containers && containers[random.Next(containers.Count)] is JsonObject target)
                {
                    target[keys[random.Next(keys.Count)]] = Strange(random);
                }
                else
                {
                    duplicates.Add(keys[random.Next(keys.Count)]);
                }
                continue;
            }
            var (parent, key, index) = slots[random.Next(slots.Count)];
            switch (kind)
            {
                case 0 or 1:
                    Set(parent, key, index, Strange(random));
                    break;
                case 2 when parent is JsonObject obj:
                    obj.Remove(key!);
                    break;
                case 3:
                    var value = Get(parent, key, index)?.DeepClone();
                    Set(parent, key, index, new JsonArray(value));
                    break;
                default:
                    duplicates.Add(key ?? keys[random.Next(keys.Count)]);
                    break;
            }
        }
        var text = root.ToJsonString();
        for (var i = 0; i < StrangeValues.Length && text.Contains("\"@@strange-", StringComparison.Ordinal); i++)
        {
            text = text.Replace($"\"@@strange-{i}@@\"", StrangeValues[i], StringComparison.Ordinal);
        }
        // A key given twice: System.Text.Json keeps both in the text; readers differ on which wins.
        foreach (var key in duplicates)
        {
            var at = IndexOfNth(text, "{\"", random);
            if (at >= 0)
            {
                text = text.Insert(at + 1, $"\"{key}\":{StrangeValues[random.Next(StrangeValues.Length)]},");
            }
        }
        return text;
    }

    // A marker, swapped for the strange value's text once the node is written: some of them (a lone surrogate, 1e400) no
    // JsonNode can hold or write.
    private static JsonNode? Strange(Random random) => JsonValue.Create($"@@strange-{random.Next(StrangeValues.Length)}@@");

    private static int IndexOfNth(string text, string value, Random random)
    {
        var positions = new List<int>();
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
        {
            positions.Add(at);
        }
        return positions.Count == 0 ? -1 : positions[random.Next(positions.Count)];
    }

    private static void Collect(JsonNode? node, List<(JsonNode, string?, int)> slots)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    slots.Add((obj, key, -1));
                    Collect(child, slots);
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    slots.Add((array, null, i));
                    Collect(array[i], slots);
                }
                break;
        }
    }

    private static IEnumerable<JsonNode> Containers(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            yield return obj;
            foreach (var (_, child) in obj)
            {
                foreach (var inner in Containers(child))
                {
                    yield return inner;
                }
            }
        }
        else if (node is JsonArray array)
        {
            yield return array;
            foreach (var child in array)
            {
                foreach (var inner in Containers(child))
                {
                    yield return inner;
                }
            }
        }
    }

    private static JsonNode? Get(JsonNode parent, string? key, int index) => parent is JsonObject obj ? obj[key!] : ((JsonArray)parent)[index];

    private static void Set(JsonNode parent, string? key, int index, JsonNode? value)
    {
        if (parent is JsonObject obj)
        {
            obj[key!] = value;
        }
        else
        {
            ((JsonArray)parent)[index] = value;
        }
    }

    /// <summary>UTF-8 of a JSON text.</summary>
    public static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);
}
