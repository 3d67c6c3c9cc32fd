using System.Text.Json.Nodes;
using OpenClaw.Cli.Hosting;

namespace OpenClaw.Cli.Commands.Config;

/// <summary>
/// Maps whose entries a careless <c>config set</c> would silently lose (CLI spec §5): model entries, providers, provider
/// model rows, auth profiles and plugins. Dropping entries needs <c>--replace</c>.
/// </summary>
public static class ProtectedMaps
{
    /// <summary>Throws when an entry of a protected map present in <paramref name="before"/> is missing in <paramref name="after"/>.</summary>
    public static void EnsureNothingDropped(JsonObject before, JsonObject after)
    {
        Check(Find(before, "agents", "defaults", "models"), Find(after, "agents", "defaults", "models"), "agents.defaults.models");
        var providersBefore = Find(before, "models", "providers");
        var providersAfter = Find(after, "models", "providers");
        Check(providersBefore, providersAfter, "models.providers");
        if (providersBefore is JsonObject providers)
        {
            foreach (var (id, provider) in providers)
            {
                Check(provider?["models"], providersAfter?[id]?["models"], $"models.providers.{id}.models");
            }
        }
        Check(Find(before, "auth", "profiles"), Find(after, "auth", "profiles"), "auth.profiles");
        Check(Find(before, "plugins", "entries"), Find(after, "plugins", "entries"), "plugins.entries");
    }

    private static JsonNode? Find(JsonObject root, params string[] keys)
    {
        JsonNode? node = root;
        foreach (var key in keys)
        {
            node = node is JsonObject obj && obj.TryGetPropertyValue(key, out var child) ? child : null;
        }
        return node;
    }

    private static void Check(JsonNode? before, JsonNode? after, string path)
    {
        var lost = Entries(before).Except(Entries(after), StringComparer.Ordinal).ToList();
        if (lost.Count > 0)
        {
            throw new CliException(
                $"Refusing to drop existing entries of {path}: {string.Join(", ", lost)}. Use --merge to add entries, or --replace to overwrite {path}.");
        }
    }

    private static IEnumerable<string> Entries(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Select(pair => pair.Key),
        JsonArray array => array.Select(item => item?["id"] is JsonValue id && id.TryGetValue<string>(out var text) ? text : null).OfType<string>(),
        _ => [],
    };
}
