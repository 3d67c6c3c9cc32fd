namespace OpenClaw.Core.Models;

/// <summary>
/// Turns what a user types (<c>openrouter/auto</c>, <c>openrouter/anthropic/claude-sonnet-4.6</c>, an alias such as
/// <c>OpenRouter</c>, a bare configured id) into a <see cref="ResolvedModelRef"/> (provider spec §2, CLI spec §3.1).
/// Case-insensitive: refs are lower-cased, aliases match ignoring case.
/// </summary>
public sealed class ModelRefResolver
{
    /// <param name="aliases">Alias → the ref it is declared on (<c>agents.defaults.models.&lt;ref&gt;.alias</c>).</param>
    /// <param name="configuredRefs">The refs configured anywhere (<c>agents.defaults.models</c> keys, default, fallbacks).</param>
    public ModelRefResolver(IReadOnlyDictionary<string, string> aliases, IEnumerable<string> configuredRefs) => throw new NotImplementedException();

    /// <summary>
    /// Resolves <paramref name="input"/>: trimmed; with a provider (split at the first <c>/</c>) it must be <c>openrouter</c>;
    /// without one it is tried as an alias, then as a unique configured model id, then as an OpenRouter id.
    /// Errors (<see cref="Errors.OpenClawException"/>, exact texts of CLI spec §3.2): empty or malformed →
    /// <c>Invalid model reference: &lt;raw&gt;</c>; another provider →
    /// <c>Unknown model provider "&lt;p&gt;". Install a plugin that declares it or configure it under models.providers before selecting "&lt;ref&gt;". Config was not changed.</c>
    /// </summary>
    public ResolvedModelRef Resolve(string input) => throw new NotImplementedException();

    /// <summary>Resolves a ref that is already in config (no alias lookup); null when it is not an OpenRouter ref.</summary>
    public static ResolvedModelRef? TryParseRef(string reference) => throw new NotImplementedException();
}
