using System.Text.Json.Nodes;

namespace OpenClaw.Cli.Commands.Models;

/// <summary>One line of <c>models list</c>.</summary>
public sealed record ModelListRow(string Key, string Name, string Input, int? ContextWindow, bool Available, IReadOnlyList<string> Tags)
{
    /// <summary>The row as <c>models list --json</c> prints it.</summary>
    public JsonObject ToJson() => new()
    {
        ["key"] = Key,
        ["name"] = Name,
        ["input"] = Input,
        ["contextWindow"] = ContextWindow,
        ["local"] = false,
        ["available"] = Available,
        ["tags"] = new JsonArray([.. Tags.Select(tag => (JsonNode)JsonValue.Create(tag))]),
    };
}
