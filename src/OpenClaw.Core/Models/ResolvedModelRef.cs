namespace OpenClaw.Core.Models;

/// <summary>A model reference resolved from what the user typed.</summary>
/// <param name="CanonicalRef">The stored/displayed form (provider spec §2.2), e.g. <c>openrouter/auto</c>, <c>openrouter/anthropic/claude-sonnet-4.6</c>.</param>
/// <param name="ModelId">The model id (§2.1), e.g. <c>openrouter/auto</c>, <c>anthropic/claude-sonnet-4.6</c>.</param>
/// <param name="ApiId">What goes into the request's <c>model</c> field (§2.3).</param>
/// <param name="Alias">The alias the user typed, when the input was one.</param>
public sealed record ResolvedModelRef(string CanonicalRef, string ModelId, string ApiId, string? Alias = null)
{
    /// <summary>The "provider/model" form human-facing messages print (<c>openrouter/</c> + model id).</summary>
    public string DisplayRef => "openrouter/" + ModelId;
}
