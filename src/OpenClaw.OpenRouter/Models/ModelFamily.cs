using System.Text.RegularExpressions;

namespace OpenClaw.OpenRouter.Models;

/// <summary>The model-family detectors of provider spec §2.4. Each takes a model id or API id as the rule says.</summary>
public static partial class ModelFamily
{
    private static readonly string[] MistralPrefixes =
        ["mistralai/", "mistral/", "mistral-", "codestral-", "devstral-", "ministral-", "mixtral-", "pixtral-", "voxtral-"];

    /// <summary>DeepSeek V4 flash/pro, dated and <c>:variant</c> ids included; not the short alias (its API id matches after expansion).</summary>
    public static bool IsDeepSeekV4(string modelId) => DeepSeekV4Pattern().IsMatch(ModelIds.FamilyId(modelId));

    /// <summary>Family id starts with <c>anthropic/</c> (so <c>~anthropic/…</c> counts).</summary>
    public static bool IsAnthropic(string modelId) => ModelIds.FamilyId(modelId).StartsWith("anthropic/", StringComparison.Ordinal);

    /// <summary>The model id contains <c>gemini</c>, case-insensitively.</summary>
    public static bool IsGemini(string modelId) => modelId.Contains("gemini", StringComparison.OrdinalIgnoreCase);

    /// <summary>Mistral-family ids, which need strict 9-character tool-call ids.</summary>
    public static bool IsMistral(string modelId)
    {
        var family = ModelIds.FamilyId(modelId);
        foreach (var prefix in MistralPrefixes)
        {
            if (family.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Kimi models (tool-schema normalisation): the family id of the API id starts with <c>moonshot/</c> or <c>moonshotai/</c>.</summary>
    public static bool IsKimi(string modelId)
    {
        var family = ModelIds.FamilyId(ModelIds.ToApiId(modelId));
        return family.StartsWith("moonshot/", StringComparison.Ordinal) || family.StartsWith("moonshotai/", StringComparison.Ordinal);
    }

    /// <summary>The retired stealth route Hunter Alpha (<c>openrouter/hunter-alpha</c>, with or without a <c>:variant</c>); Healer Alpha does not qualify.</summary>
    public static bool IsHunterAlpha(string modelId)
    {
        var id = modelId.Trim().ToLowerInvariant();
        return id == "openrouter/hunter-alpha" || id.StartsWith("openrouter/hunter-alpha:", StringComparison.Ordinal);
    }

    /// <summary>The API id's first segment is <c>x-ai</c> (used for replay only).</summary>
    public static bool IsXai(string modelId)
    {
        var api = ModelIds.ToApiId(modelId);
        var slash = api.IndexOf('/', StringComparison.Ordinal);
        return (slash < 0 ? api : api[..slash]) == "x-ai";
    }

    /// <summary>Families whose prompt cache has a TTL consumers may prune by: anthropic, deepseek, moonshot(ai), zai/z-ai.</summary>
    public static bool IsCacheTtlEligible(string modelId) => CacheTtlPattern().IsMatch(ModelIds.FamilyId(modelId));

    /// <summary>The <c>openrouter/auto</c> router (family id <c>auto</c>).</summary>
    public static bool IsAutoRouter(string modelId) => ModelIds.FamilyId(modelId) == "auto";

    [GeneratedRegex(@"^deepseek/deepseek-v4-(flash|pro)(-\d{4,8})?(:[^/]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DeepSeekV4Pattern();

    [GeneratedRegex("^(anthropic|deepseek|moonshot|moonshotai|zai|z-ai)/", RegexOptions.CultureInvariant)]
    private static partial Regex CacheTtlPattern();
}
