using System.Text.Json.Nodes;
using OpenClaw.Core.State;

namespace OpenClaw.Core.Credentials;

/// <summary>Finds the OpenRouter API key (provider spec §3.1): profile → <c>OPENROUTER_API_KEY</c> → config <c>apiKey</c>.</summary>
public static class ApiKeyResolver
{
    public const string EnvironmentVariable = "OPENROUTER_API_KEY";

    /// <summary>
    /// The first key found, or null:
    /// 1. OpenRouter api_key profiles of <paramref name="authStore"/> in <paramref name="order"/> (default: <c>openrouter:default</c>
    ///    first, then the other <c>openrouter</c> profiles by id); a profile's <c>key</c>, or its <c>keyRef</c> of source
    ///    <c>env</c> resolved through <paramref name="environment"/>; empty keys are skipped;
    /// 2. <c>OPENROUTER_API_KEY</c> from <paramref name="environment"/> (its source says which layer);
    /// 3. <paramref name="configApiKey"/> (<c>models.providers.openrouter.apiKey</c>, already <c>${VAR}</c>-substituted): a value
    ///    that is exactly an environment variable name (<c>[A-Z_][A-Z0-9_]*</c>) is replaced by that variable's value; an
    ///    object <c>{source:"env", id}</c> likewise.
    /// </summary>
    public static ResolvedApiKey? Resolve(JsonObject? authStore, IReadOnlyList<string>? order, EnvironmentVariables environment, JsonNode? configApiKey) =>
        throw new NotImplementedException();
}
