using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using OpenClaw.Core.Config.Schema;

namespace OpenClaw.Core.Config;

/// <summary>
/// A key path as <c>config get|set|unset</c> take it: dots and brackets, e.g. <c>agents.defaults.model.primary</c>,
/// <c>models.providers.openrouter.models[0].id</c>, <c>agents.defaults.models["openrouter/auto"].alias</c>.
/// </summary>
public sealed class ConfigPath
{
    private ConfigPath(IReadOnlyList<ConfigPathSegment> segments, string text)
    {
        Segments = segments;
        Text = text;
    }

    public IReadOnlyList<ConfigPathSegment> Segments { get; }

    /// <summary>The path as the user wrote it.</summary>
    public string Text { get; }

    /// <summary>Parses a path; an empty or malformed path throws <see cref="ConfigException"/> <c>Invalid config path: &lt;text&gt;</c>.</summary>
    public static ConfigPath Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var segments = new List<ConfigPathSegment>();
        var position = 0;
        while (position < text.Length)
        {
            if (text[position] == '[')
            {
                segments.Add(ReadBracket(text, ref position));
            }
            else
            {
                if (segments.Count > 0)
                {
                    // After the first segment a plain key must be introduced by a dot.
                    if (text[position] != '.')
                    {
                        throw Invalid(text);
                    }
                    position++;
                }
                segments.Add(ReadBareKey(text, ref position));
            }
        }
        if (segments.Count == 0)
        {
            throw Invalid(text);
        }
        return new ConfigPath(segments, text);
    }

    private static ConfigPathSegment ReadBareKey(string text, ref int position)
    {
        var start = position;
        while (position < text.Length && text[position] is not ('.' or '[' or ']' or '"' or '\'') && !char.IsWhiteSpace(text[position]))
        {
            position++;
        }
        if (position == start || (position < text.Length && text[position] is not ('.' or '[')))
        {
            throw Invalid(text);
        }
        return ConfigPathSegment.ForKey(text[start..position]);
    }

    private static ConfigPathSegment ReadBracket(string text, ref int position)
    {
        position++;
        if (position >= text.Length)
        {
            throw Invalid(text);
        }
        ConfigPathSegment segment;
        if (text[position] is '"' or '\'')
        {
            var quote = text[position++];
            var key = new StringBuilder();
            while (true)
            {
                if (position >= text.Length)
                {
                    throw Invalid(text);
                }
                var c = text[position++];
                if (c == quote)
                {
                    break;
                }
                if (c == '\\')
                {
                    if (position >= text.Length)
                    {
                        throw Invalid(text);
                    }
                    c = text[position++];
                }
                key.Append(c);
            }
            segment = ConfigPathSegment.ForKey(key.ToString());
        }
        else
        {
            var start = position;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                position++;
            }
            if (position == start || !int.TryParse(text.AsSpan(start, position - start), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                throw Invalid(text);
            }
            segment = ConfigPathSegment.ForIndex(index);
        }
        if (position >= text.Length || text[position] != ']')
        {
            throw Invalid(text);
        }
        position++;
        if (position < text.Length && text[position] is not ('.' or '['))
        {
            throw Invalid(text);
        }
        return segment;
    }

    private static ConfigException Invalid(string text) => new($"Invalid config path: {text}");

    /// <summary>The value at this path, false when any step is missing (a present <c>null</c> is found, value null).</summary>
    public bool TryGet(JsonNode? root, out JsonNode? value)
    {
        var current = root;
        foreach (var segment in Segments)
        {
            if (!TryStep(current, segment, out current))
            {
                value = null;
                return false;
            }
        }
        value = current;
        return true;
    }

    private static bool TryStep(JsonNode? container, ConfigPathSegment segment, out JsonNode? child)
    {
        child = null;
        switch (container)
        {
            case JsonObject obj:
                return obj.TryGetPropertyValue(KeyOf(segment), out child);
            case JsonArray array when IndexOf(segment) is { } index && index < array.Count:
                child = array[index];
                return true;
            default:
                return false;
        }
    }

    /// <summary>Sets the value, creating missing objects on the way; throws <see cref="ConfigException"/> when a step is not an object/array.</summary>
    /// <remarks>
    /// A model selection written as a plain string is shorthand for <c>{primary: "…"}</c> and is expanded on the way, so
    /// <c>agents.defaults.model.fallbacks</c> can be set on <c>model: "openrouter/auto"</c> without losing the primary.
    /// </remarks>
    public void Set(JsonObject root, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (value?.Parent is not null)
        {
            value = value.DeepClone();
        }
        JsonNode container = root;
        var reached = "";
        for (var i = 0; i < Segments.Count; i++)
        {
            var segment = Segments[i];
            var last = i == Segments.Count - 1;
            if (last)
            {
                Store(container, segment, value, reached);
                return;
            }
            TryStep(container, segment, out var next);
            if (next is not (JsonObject or JsonArray))
            {
                if (next is not null)
                {
                    next = ExpandShorthand(i, next)
                        ?? throw new ConfigException($"Cannot set {Text}: {Describe(Append(reached, segment))} is {Article(next)}, not an object or array.");
                }
                else
                {
                    // A missing step becomes the container the next segment needs.
                    next = Segments[i + 1].Index is not null ? new JsonArray() : new JsonObject();
                }
                Store(container, segment, next, reached);
            }
            reached = Append(reached, segment);
            container = next;
        }
    }

    private void Store(JsonNode container, ConfigPathSegment segment, JsonNode? value, string reached)
    {
        switch (container)
        {
            case JsonObject obj:
                obj[KeyOf(segment)] = value;
                return;
            case JsonArray array when IndexOf(segment) is { } index:
                if (index < array.Count)
                {
                    array[index] = value;
                }
                else if (index == array.Count)
                {
                    array.Add(value);
                }
                else
                {
                    throw new ConfigException(string.Create(CultureInfo.InvariantCulture,
                        $"Cannot set {Text}: index {index} is past the end of {Describe(reached)} (length {array.Count}); use index {array.Count} to append."));
                }
                return;
            default:
                throw new ConfigException($"Cannot set {Text}: {Describe(reached)} is an array, so the next step must be an index.");
        }
    }

    /// <summary>The object a string at segment <paramref name="index"/> is shorthand for, or null when it is just a string.</summary>
    private JsonObject? ExpandShorthand(int index, JsonNode value) =>
        JsonNodeValues.TryGetString(value, out var text) && ConfigSchemaDefinition.At(Segments.Take(index + 1))?.StringShorthandFor is { } key
            ? new JsonObject { [key] = text }
            : null;

    /// <summary>Removes the key or array element; false when it was not there.</summary>
    public bool Remove(JsonObject root)
    {
        ArgumentNullException.ThrowIfNull(root);
        JsonNode? container = root;
        for (var i = 0; i < Segments.Count - 1; i++)
        {
            if (!TryStep(container, Segments[i], out container))
            {
                return false;
            }
        }
        var segment = Segments[^1];
        switch (container)
        {
            case JsonObject obj:
                return obj.Remove(KeyOf(segment));
            case JsonArray array when IndexOf(segment) is { } index && index < array.Count:
                array.RemoveAt(index);
                return true;
            default:
                return false;
        }
    }

    /// <summary>An index step on an object names the key with that number, as JavaScript would.</summary>
    private static string KeyOf(ConfigPathSegment segment) =>
        segment.Key ?? segment.Index!.Value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A key step on an array works when it is a number (<c>models.0.id</c>).</summary>
    private static int? IndexOf(ConfigPathSegment segment) =>
        segment.Index ?? (int.TryParse(segment.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : null);

    private static string Append(string path, ConfigPathSegment segment) =>
        segment.Key is { } key ? ConfigPathText.AppendKey(path, key) : ConfigPathText.AppendIndex(path, segment.Index!.Value);

    private static string Describe(string path) => path.Length == 0 ? "the config root" : path;

    private static string Article(JsonNode? node) => JsonNodeValues.KindName(node) switch
    {
        "array" => "an array",
        "object" => "an object",
        var kind => $"a {kind}",
    };

    public override string ToString() => Text;
}
