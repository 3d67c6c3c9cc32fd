using System.Text.Json.Nodes;

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
    public static ConfigPath Parse(string text) => throw new NotImplementedException();

    /// <summary>The value at this path, false when any step is missing (a present <c>null</c> is found, value null).</summary>
    public bool TryGet(JsonNode? root, out JsonNode? value) => throw new NotImplementedException();

    /// <summary>Sets the value, creating missing objects on the way; throws <see cref="ConfigException"/> when a step is not an object/array.</summary>
    public void Set(JsonObject root, JsonNode? value) => throw new NotImplementedException();

    /// <summary>Removes the key or array element; false when it was not there.</summary>
    public bool Remove(JsonObject root) => throw new NotImplementedException();

    public override string ToString() => Text;
}
