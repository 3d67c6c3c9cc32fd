using OpenClaw.OpenRouter.Routing;

namespace OpenClaw.OpenRouter.Models;

/// <summary>
/// The static catalog rows shipped with the provider (provider spec §1): known without a key or a network call, and bound to
/// the canonical base URL — a proxy behind a custom base may serve different models under the same ids.
/// </summary>
public static class BundledModels
{
    /// <summary><c>openrouter/auto</c>. Deliberately not reasoning-capable here, unlike the live catalog's "Auto Router" row (§6.1).</summary>
    public static OpenRouterModelInfo Auto { get; } = new()
    {
        Id = "openrouter/auto",
        Name = "OpenRouter Auto",
        Reasoning = false,
        Input = ["text", "image"],
        Pricing = ModelPricing.Free,
        ContextWindow = 200_000,
        MaxTokens = 8192,
    };

    /// <summary><c>moonshotai/kimi-k2.6</c>; its reasoning efforts are unknown.</summary>
    public static OpenRouterModelInfo KimiK26 { get; } = new()
    {
        Id = "moonshotai/kimi-k2.6",
        Name = "MoonshotAI: Kimi K2.6",
        Reasoning = true,
        Input = ["text", "image"],
        Pricing = new ModelPricing(0.8m, 3.5m, 0.2m, 0m),
        ContextWindow = 262_144,
        MaxTokens = 262_144,
    };

    /// <summary><c>moonshotai/kimi-k2.5</c>; its reasoning efforts are unknown.</summary>
    public static OpenRouterModelInfo KimiK25 { get; } = new()
    {
        Id = "moonshotai/kimi-k2.5",
        Name = "MoonshotAI: Kimi K2.5",
        Reasoning = true,
        Input = ["text", "image"],
        Pricing = new ModelPricing(0.44m, 2m, 0.22m, 0m),
        ContextWindow = 262_144,
        MaxTokens = 262_144,
    };

    /// <summary>Every bundled row, in the order of the spec's table.</summary>
    public static IReadOnlyList<OpenRouterModelInfo> All { get; } = [Auto, KimiK26, KimiK25];

    /// <summary>The bundled row whose API id equals that of <paramref name="id"/> (so refs like <c>openrouter/moonshotai/kimi-k2.6</c> match), or <see langword="null"/>.</summary>
    public static OpenRouterModelInfo? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var apiId = ModelIds.ToApiId(id);
        foreach (var row in All)
        {
            if (string.Equals(ModelIds.ToApiId(row.Id), apiId, StringComparison.Ordinal))
            {
                return row;
            }
        }
        return null;
    }

    /// <summary>
    /// Whether the bundled rows describe the models behind <paramref name="route"/>: a verified route, or one whose base URL is
    /// canonical or not configured (the default base is canonical). An invalid base URL never qualifies.
    /// </summary>
    public static bool AppliesTo(OpenRouterRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        if (route.IsVerified)
        {
            return true;
        }
        return route.BaseUrl is null
            ? route.Endpoint != EndpointClass.Invalid
            : OpenRouterBaseUrl.IsCanonical(route.BaseUrl.OriginalString);
    }
}
