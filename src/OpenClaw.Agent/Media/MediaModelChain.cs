using OpenClaw.Core.Config;
using OpenClaw.Core.Models;

namespace OpenClaw.Agent.Media;

/// <summary>Which models a media call tries, in order, and for how long each may run.</summary>
public static class MediaModelChain
{
    private const string Provider = "openrouter";

    /// <summary>
    /// The candidates: a per-call <paramref name="callModel"/> alone (exact: no fallbacks), else the configured primary (or
    /// <paramref name="defaultModel"/>) then the configured fallbacks, duplicates (same API id) removed.
    /// </summary>
    /// <exception cref="Core.Errors.OpenClawException">A ref is malformed (<c>Invalid model reference: …</c>).</exception>
    public static IReadOnlyList<ResolvedModelRef> Candidates(string? callModel, ModelSelection configured, string defaultModel, ModelRefResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(configured);
        ArgumentException.ThrowIfNullOrWhiteSpace(defaultModel);
        ArgumentNullException.ThrowIfNull(resolver);
        if (!string.IsNullOrWhiteSpace(callModel))
        {
            return [Resolve(callModel, resolver)];
        }
        var candidates = new List<ResolvedModelRef>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reference in configured.Fallbacks.Prepend(string.IsNullOrWhiteSpace(configured.Primary) ? defaultModel : configured.Primary))
        {
            if (string.IsNullOrWhiteSpace(reference))
            {
                continue;
            }
            var resolved = Resolve(reference, resolver);
            if (seen.Add(resolved.ApiId))
            {
                candidates.Add(resolved);
            }
        }
        return candidates;
    }

    /// <summary>
    /// Resolves a media model ref: <c>openrouter/google/…</c> and bare aliases as everywhere (provider spec §2); an id with
    /// another first segment (<c>google/gemini-3.1-flash-image-preview</c>) is taken as an OpenRouter API id, since media
    /// generation here goes through OpenRouter only.
    /// </summary>
    public static ResolvedModelRef Resolve(string reference, ModelRefResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(resolver);
        var trimmed = reference.Trim();
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && !trimmed[..slash].Equals(Provider, StringComparison.OrdinalIgnoreCase))
        {
            trimmed = Provider + "/" + trimmed;
        }
        return resolver.Resolve(trimmed);
    }

    /// <summary>The time limit: the call's <paramref name="callTimeout"/>, else the configured <c>timeoutMs</c>, else <see langword="null"/> (the library default).</summary>
    public static TimeSpan? Timeout(TimeSpan? callTimeout, ModelSelection configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        return callTimeout ?? (configured.TimeoutMs is { } milliseconds && milliseconds > 0 ? TimeSpan.FromMilliseconds(milliseconds) : null);
    }
}
