namespace OpenClaw.OpenRouter.Models;

/// <summary>Model refs and ids (provider spec §2): the model id of a ref, the canonical ref, the API id on the wire, the family id.</summary>
public static class ModelIds
{
    private const string Prefix = "openrouter/";

    /// <summary>
    /// The model id of a user-facing ref (§2.1): <c>openrouter/auto</c> → <c>openrouter/auto</c>,
    /// <c>openrouter/anthropic/claude-sonnet-4.6</c> → <c>anthropic/claude-sonnet-4.6</c>. A ref without a provider is returned trimmed.
    /// </summary>
    public static string ModelIdOfRef(string modelRef)
    {
        ArgumentNullException.ThrowIfNull(modelRef);
        var trimmed = modelRef.Trim();
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return trimmed;
        }
        var provider = trimmed[..slash];
        var model = trimmed[(slash + 1)..];
        if (!provider.Equals("openrouter", StringComparison.OrdinalIgnoreCase))
        {
            return trimmed;
        }
        return model.Contains('/', StringComparison.Ordinal) ? model : Prefix + model;
    }

    /// <summary>The canonical ref of a model id (§2.2): the id itself when it starts with <c>openrouter/</c>, else <c>openrouter/</c> + id.</summary>
    public static string CanonicalRef(string modelId)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        return modelId.StartsWith(Prefix, StringComparison.Ordinal) ? modelId : Prefix + modelId;
    }

    /// <summary>
    /// The <c>model</c> value put on the wire (§2.3, <c>NormalizeApiModelId</c>): lower-cased and trimmed; one <c>openrouter/</c>
    /// prefix stripped when the rest is an <c>author/slug</c>; short DeepSeek aliases expanded; router ids
    /// (<c>openrouter/auto</c>, <c>openrouter/hunter-alpha</c>) kept whole.
    /// </summary>
    public static string ToApiId(string modelId)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        var id = modelId.Trim().ToLowerInvariant();
        if (!id.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return id;
        }
        var rest = id[Prefix.Length..];
        return rest switch
        {
            "deepseek-v4-flash" => "deepseek/deepseek-v4-flash",
            "deepseek-v4-pro" => "deepseek/deepseek-v4-pro",
            _ when rest.Contains('/', StringComparison.Ordinal) => rest,
            _ => id,
        };
    }

    /// <summary>The family id (§2.4): lower-cased, one leading <c>openrouter/</c> then one leading <c>~</c> stripped.</summary>
    public static string FamilyId(string modelId)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        var id = modelId.Trim().ToLowerInvariant();
        if (id.StartsWith(Prefix, StringComparison.Ordinal))
        {
            id = id[Prefix.Length..];
        }
        if (id.StartsWith('~'))
        {
            id = id[1..];
        }
        return id;
    }

    /// <summary>How messages print a model as "provider/model" (§2.2): <c>openrouter/</c> + model id, so <c>openrouter/openrouter/auto</c>.</summary>
    public static string CanonicalRefForDisplay(string modelId)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        return Prefix + modelId;
    }
}
