using OpenClaw.Core.Errors;
using OpenClaw.OpenRouter.Models;

namespace OpenClaw.Core.Models;

/// <summary>
/// Turns what a user types (<c>openrouter/auto</c>, <c>openrouter/anthropic/claude-sonnet-4.6</c>, an alias such as
/// <c>OpenRouter</c>, a bare configured id) into a <see cref="ResolvedModelRef"/> (provider spec §2, CLI spec §3.1).
/// Case-insensitive: refs are lower-cased, aliases match ignoring case.
/// </summary>
public sealed class ModelRefResolver
{
    private const string Provider = "openrouter";

    private readonly List<KeyValuePair<string, ResolvedModelRef>> _aliases = [];
    private readonly List<ResolvedModelRef> _configured = [];

    /// <param name="aliases">Alias → the ref it is declared on (<c>agents.defaults.models.&lt;ref&gt;.alias</c>).</param>
    /// <param name="configuredRefs">The refs configured anywhere (<c>agents.defaults.models</c> keys, default, fallbacks).</param>
    public ModelRefResolver(IReadOnlyDictionary<string, string> aliases, IEnumerable<string> configuredRefs)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        ArgumentNullException.ThrowIfNull(configuredRefs);
        foreach (var (alias, reference) in aliases)
        {
            // An alias on another provider's ref cannot be selected here; skipping it keeps one stray entry from breaking resolution.
            if (!string.IsNullOrWhiteSpace(alias) && reference is not null && TryParseRef(reference) is { } target)
            {
                _aliases.Add(new(alias.Trim(), target with { Alias = alias.Trim() }));
            }
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reference in configuredRefs)
        {
            if (reference is not null && TryParseRef(reference) is { } parsed && seen.Add(parsed.ModelId))
            {
                _configured.Add(parsed);
            }
        }
    }

    /// <summary>
    /// Resolves <paramref name="input"/>: trimmed; with a provider (split at the first <c>/</c>) it must be <c>openrouter</c>;
    /// without one it is tried as an alias, then as a unique configured model id, then as an OpenRouter id.
    /// Errors (<see cref="Errors.OpenClawException"/>, exact texts of CLI spec §3.2): empty or malformed →
    /// <c>Invalid model reference: &lt;raw&gt;</c>; another provider →
    /// <c>Unknown model provider "&lt;p&gt;". Install a plugin that declares it or configure it under models.providers before selecting "&lt;ref&gt;". Config was not changed.</c>
    /// </summary>
    public ResolvedModelRef Resolve(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var trimmed = input.Trim();
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 && trimmed.Length > 0 && FindAlias(trimmed) is { } aliased)
        {
            return aliased;
        }
        if (!IsWellFormed(trimmed))
        {
            throw new OpenClawException($"Invalid model reference: {input}");
        }
        if (slash < 0)
        {
            return FindConfigured(trimmed.ToLowerInvariant()) ?? FromModelRef(Provider + "/" + trimmed.ToLowerInvariant());
        }
        var provider = trimmed[..slash];
        if (!provider.Equals(Provider, StringComparison.OrdinalIgnoreCase))
        {
            // The provider id is printed normalised (lower-case), as the current release does; the ref as the user typed it.
            throw new OpenClawException(
                $"Unknown model provider \"{provider.ToLowerInvariant()}\". Install a plugin that declares it or configure it under models.providers before selecting \"{trimmed}\". Config was not changed.");
        }
        return FromModelRef(trimmed.ToLowerInvariant());
    }

    /// <summary>Resolves a ref that is already in config (no alias lookup); null when it is not an OpenRouter ref.</summary>
    public static ResolvedModelRef? TryParseRef(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var trimmed = reference.Trim();
        if (!IsWellFormed(trimmed))
        {
            return null;
        }
        var lowered = trimmed.ToLowerInvariant();
        var slash = lowered.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return FromModelRef(Provider + "/" + lowered);
        }
        return lowered[..slash] == Provider ? FromModelRef(lowered) : null;
    }

    /// <summary>
    /// Non-empty, no empty segment (so no leading or trailing <c>/</c> and no <c>//</c>), and only the characters model ids
    /// use: ASCII letters and digits, <c>. _ : ~ / + - @</c>. Whitespace is outside that set.
    /// </summary>
    private static bool IsWellFormed(string trimmed)
    {
        if (trimmed.Length == 0 || trimmed[0] == '/' || trimmed[^1] == '/' || trimmed.Contains("//", StringComparison.Ordinal))
        {
            return false;
        }
        foreach (var character in trimmed)
        {
            if (!char.IsAsciiLetterOrDigit(character) && !"._:~/+-@".Contains(character, StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    /// <param name="openRouterRef">A well-formed, lower-cased ref whose provider is <c>openrouter</c>.</param>
    private static ResolvedModelRef FromModelRef(string openRouterRef)
    {
        var modelId = ModelIds.ModelIdOfRef(openRouterRef);
        return new ResolvedModelRef(ModelIds.CanonicalRef(modelId), modelId, ModelIds.ToApiId(modelId));
    }

    /// <summary>An exact-case match first, so two aliases that differ only in case still each resolve to their own ref.</summary>
    private ResolvedModelRef? FindAlias(string typed)
    {
        foreach (var (alias, target) in _aliases)
        {
            if (alias.Equals(typed, StringComparison.Ordinal))
            {
                return target;
            }
        }
        foreach (var (alias, target) in _aliases)
        {
            if (alias.Equals(typed, StringComparison.OrdinalIgnoreCase))
            {
                return target;
            }
        }
        return null;
    }

    /// <summary>The one configured ref whose model id is <paramref name="bareId"/> or ends with <c>/bareId</c>; null when none or several match.</summary>
    private ResolvedModelRef? FindConfigured(string bareId)
    {
        var suffix = "/" + bareId;
        ResolvedModelRef? match = null;
        foreach (var candidate in _configured)
        {
            if (candidate.ModelId == bareId || candidate.ModelId.EndsWith(suffix, StringComparison.Ordinal))
            {
                if (match is not null)
                {
                    return null;
                }
                match = candidate;
            }
        }
        return match;
    }
}
