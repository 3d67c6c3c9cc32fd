using System.Text.Json.Nodes;

namespace OpenClaw.Cli.Commands.Models;

/// <summary>The edits <c>models …</c> commands make to <c>agents.defaults</c>, keeping everything else as it is.</summary>
public static class ModelConfigEdits
{
    /// <summary><c>agents.defaults</c>, created when missing.</summary>
    public static JsonObject Defaults(JsonObject root) => Object(Object(root, "agents"), "defaults");

    /// <summary><c>agents.defaults.model</c> as an object (a plain-string model becomes <c>{primary}</c>).</summary>
    public static JsonObject ModelSelection(JsonObject root, string key = "model")
    {
        var defaults = Defaults(root);
        switch (defaults[key])
        {
            case JsonObject selection:
                return selection;
            case JsonValue value when value.TryGetValue<string>(out var primary):
                var converted = new JsonObject { ["primary"] = primary };
                defaults[key] = converted;
                return converted;
            default:
                var created = new JsonObject();
                defaults[key] = created;
                return created;
        }
    }

    /// <summary>Adds an empty <c>agents.defaults.models[ref]</c> entry unless one exists; true when added.</summary>
    public static bool EnsureModelEntry(JsonObject root, string canonicalRef)
    {
        var models = Object(Defaults(root), "models");
        if (models.ContainsKey(canonicalRef))
        {
            return false;
        }
        models[canonicalRef] = new JsonObject();
        return true;
    }

    /// <summary>The fallbacks array of a model selection, created when missing.</summary>
    public static JsonArray Fallbacks(JsonObject selection)
    {
        if (selection["fallbacks"] is JsonArray array)
        {
            return array;
        }
        var created = new JsonArray();
        selection["fallbacks"] = created;
        return created;
    }

    /// <summary>The strings of a JSON array.</summary>
    public static List<string> Strings(JsonArray array) =>
        [.. array.Select(item => item is JsonValue value && value.TryGetValue<string>(out var text) ? text : null).OfType<string>()];

    /// <summary>A child object, created when missing (or not an object).</summary>
    public static JsonObject Object(JsonObject parent, string key)
    {
        if (parent[key] is JsonObject existing)
        {
            return existing;
        }
        var created = new JsonObject();
        parent[key] = created;
        return created;
    }
}
