using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace OpenClaw.Agent.Media;

/// <summary>
/// Reads the arguments a model passed to a media tool. They arrive as <see cref="JsonElement"/>s from a function-invoking
/// client, or as plain .NET values from direct callers; a wrong type is an <see cref="ArgumentException"/> naming the
/// argument, which the model sees as the tool's error.
/// </summary>
internal static class MediaToolArguments
{
    public static string? String(AIFunctionArguments arguments, string name)
    {
        if (!arguments.TryGetValue(name, out var value))
        {
            return null;
        }
        var text = value switch
        {
            null => null,
            string s => s,
            JsonElement { ValueKind: JsonValueKind.String } element => element.GetString(),
            JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
            JsonElement { ValueKind: JsonValueKind.Number } element => element.GetRawText(),
            _ => throw new ArgumentException($"The {name} argument must be a string, got {Describe(value)}."),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    public static string RequiredString(AIFunctionArguments arguments, string name) =>
        String(arguments, name) ?? throw new ArgumentException($"The {name} argument is required.");

    public static double? Number(AIFunctionArguments arguments, string name)
    {
        if (!arguments.TryGetValue(name, out var value))
        {
            return null;
        }
        double? number = value switch
        {
            null => null,
            JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
            JsonElement { ValueKind: JsonValueKind.Number } element => element.GetDouble(),
            JsonElement { ValueKind: JsonValueKind.String } element => Parse(element.GetString(), name),
            string text => Parse(text, name),
            IConvertible convertible when value is not bool => convertible.ToDouble(CultureInfo.InvariantCulture),
            _ => throw new ArgumentException($"The {name} argument must be a number, got {Describe(value)}."),
        };
        return number is { } finite && !double.IsFinite(finite)
            ? throw new ArgumentException($"The {name} argument must be a finite number.")
            : number;
    }

    public static bool? Boolean(AIFunctionArguments arguments, string name)
    {
        if (!arguments.TryGetValue(name, out var value))
        {
            return null;
        }
        return value switch
        {
            null => null,
            bool flag => flag,
            JsonElement { ValueKind: JsonValueKind.True } => true,
            JsonElement { ValueKind: JsonValueKind.False } => false,
            JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
            JsonElement { ValueKind: JsonValueKind.String } element when bool.TryParse(element.GetString(), out var parsed) => parsed,
            string text when bool.TryParse(text, out var parsed) => parsed,
            _ => throw new ArgumentException($"The {name} argument must be true or false, got {Describe(value)}."),
        };
    }

    /// <summary>The time limit in milliseconds: a positive number.</summary>
    public static TimeSpan? TimeoutMs(AIFunctionArguments arguments, string name = "timeoutMs") =>
        Number(arguments, name) switch
        {
            null => null,
            > 0 and <= int.MaxValue and var milliseconds => TimeSpan.FromMilliseconds(milliseconds),
            var other => throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The {name} argument must be a positive number of milliseconds, got {other}.")),
        };

    /// <summary>
    /// An array of input images: each a path string, or an object <c>{path, role?}</c>. A single string is taken as a
    /// one-item array.
    /// </summary>
    public static IReadOnlyList<(string Path, string? Role)> Images(AIFunctionArguments arguments, string name)
    {
        if (!arguments.TryGetValue(name, out var value) || value is null)
        {
            return [];
        }
        var items = new List<(string, string?)>();
        switch (value)
        {
            case string path:
                items.Add((path, null));
                break;
            case JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined }:
                break;
            case JsonElement { ValueKind: JsonValueKind.String } element:
                items.Add((element.GetString()!, null));
                break;
            case JsonElement { ValueKind: JsonValueKind.Array } array:
                foreach (var item in array.EnumerateArray())
                {
                    items.Add(Image(item, name));
                }
                break;
            case IEnumerable<string> paths:
                items.AddRange(paths.Select(path => (path, (string?)null)));
                break;
            default:
                throw new ArgumentException($"The {name} argument must be an array of file paths, got {Describe(value)}.");
        }
        return items;
    }

    private static (string Path, string? Role) Image(JsonElement item, string name)
    {
        switch (item.ValueKind)
        {
            case JsonValueKind.String when !string.IsNullOrWhiteSpace(item.GetString()):
                return (item.GetString()!, null);
            case JsonValueKind.Object when item.TryGetProperty("path", out var path) && path.ValueKind == JsonValueKind.String
                && !string.IsNullOrWhiteSpace(path.GetString()):
                string? role = null;
                if (item.TryGetProperty("role", out var roleElement))
                {
                    role = roleElement.ValueKind switch
                    {
                        JsonValueKind.String => string.IsNullOrWhiteSpace(roleElement.GetString()) ? null : roleElement.GetString()!.Trim(),
                        JsonValueKind.Null => null,
                        _ => throw new ArgumentException($"The role of an item of {name} must be a string, got {roleElement.GetRawText()}."),
                    };
                }
                return (path.GetString()!, role);
            default:
                throw new ArgumentException($"Each item of {name} must be a file path or an object with a \"path\", got {item.GetRawText()}.");
        }
    }

    private static double Parse(string? text, string name) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new ArgumentException($"The {name} argument must be a number, got \"{text}\".");

    private static string Describe(object value) => value is JsonElement element ? element.GetRawText() : value.ToString() ?? value.GetType().Name;

    /// <summary>Parses a schema written as a literal once.</summary>
    public static JsonElement ParseSchema(string schema)
    {
        using var document = JsonDocument.Parse(schema);
        return document.RootElement.Clone();
    }
}
