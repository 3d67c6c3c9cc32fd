using System.Text.Json.Nodes;

namespace OpenClaw.OpenRouter.Shaping;

/// <summary>
/// Provider spec §6.4: params from the provider, the model and the call, lowest precedence first, merged by a shallow spread;
/// <c>provider</c> is the shallow merge of the three <c>provider</c> objects. Dangerous keys are dropped everywhere.
/// </summary>
public static class ParamsMerger
{
    private static readonly string[] DangerousKeys = ["__proto__", "prototype", "constructor"];

    /// <summary>Merges the sources; returns the params without <c>provider</c> and the merged provider object (or null).</summary>
    public static (JsonObject Params, JsonObject? Provider) Merge(params ReadOnlySpan<JsonObject?> sources)
    {
        var merged = new JsonObject();
        JsonObject? provider = null;
        foreach (var source in sources)
        {
            if (Sanitize(source) is not JsonObject clean)
            {
                continue;
            }
            foreach (var (key, value) in clean)
            {
                if (key == "provider")
                {
                    if (value is JsonObject routing && routing.Count > 0)
                    {
                        provider ??= [];
                        foreach (var (routingKey, routingValue) in routing)
                        {
                            provider[routingKey] = routingValue?.DeepClone();
                        }
                    }
                    continue;
                }
                merged[key] = value?.DeepClone();
            }
        }
        return (merged, provider);
    }

    /// <summary>
    /// The same merge as one params object (<c>provider</c> included), for an application that layers its own params sources
    /// before handing them to <see cref="OpenRouterClientOptions.ProviderParams"/>; null when nothing is left.
    /// </summary>
    public static JsonObject? Combine(params ReadOnlySpan<JsonObject?> sources)
    {
        var (merged, provider) = Merge(sources);
        if (provider is not null)
        {
            merged["provider"] = provider;
        }
        return merged.Count == 0 ? null : merged;
    }

    /// <summary>A copy without dangerous keys (recursively); empty objects count as absent.</summary>
    public static JsonObject? Sanitize(JsonObject? source)
    {
        if (source is null)
        {
            return null;
        }
        var clean = new JsonObject();
        foreach (var (key, value) in source)
        {
            if (Array.IndexOf(DangerousKeys, key) >= 0)
            {
                continue;
            }
            switch (value)
            {
                case JsonObject nested:
                    if (Sanitize(nested) is { } nestedClean)
                    {
                        clean[key] = nestedClean;
                    }
                    break;
                default:
                    clean[key] = value?.DeepClone();
                    break;
            }
        }
        return clean.Count == 0 ? null : clean;
    }
}
