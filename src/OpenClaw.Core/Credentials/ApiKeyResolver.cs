using System.Text.Json;
using System.Text.Json.Nodes;
using OpenClaw.Core.State;

namespace OpenClaw.Core.Credentials;

/// <summary>Finds the OpenRouter API key (provider spec §3.1): profile → <c>OPENROUTER_API_KEY</c> → config <c>apiKey</c>.</summary>
public static class ApiKeyResolver
{
    public const string EnvironmentVariable = "OPENROUTER_API_KEY";

    private const string Provider = "openrouter";
    private const string ProfileIdPrefix = Provider + ":";
    private const string ApiKeyType = "api_key";
    private const string ConfigKeyPath = "models.providers.openrouter.apiKey";

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
    /// <remarks>
    /// Keys are trimmed; the stored literal <c>undefined</c> counts as empty. An empty <paramref name="order"/> is the same as
    /// none. A config value naming an unset variable, or still holding an unresolved <c>${…}</c>, gives no key rather than the
    /// text itself. Sources: <c>profile &lt;id&gt;</c>, <c>env OPENROUTER_API_KEY</c> (process environment) or the layer's
    /// description (<c>./.env</c>, <c>~/.openclaw/.env</c>, <c>config env</c>), <c>models.providers.openrouter.apiKey</c>, and
    /// <c>models.providers.openrouter.apiKey (env NAME)</c> when the config pointed at a variable.
    /// </remarks>
    public static ResolvedApiKey? Resolve(JsonObject? authStore, IReadOnlyList<string>? order, EnvironmentVariables environment, JsonNode? configApiKey)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return FromProfiles(authStore, order, environment)
            ?? FromEnvironment(environment)
            ?? FromConfig(configApiKey, environment);
    }

    private static ResolvedApiKey? FromProfiles(JsonObject? authStore, IReadOnlyList<string>? order, EnvironmentVariables environment)
    {
        if (authStore?["profiles"] is not JsonObject profiles)
        {
            return null;
        }
        foreach (var profileId in ProfileOrder(profiles, order))
        {
            var profile = (JsonObject)profiles[profileId]!;
            var key = NonEmptyKey(StringOf(profile["key"])) ?? EnvironmentReference(profile["keyRef"], environment)?.Value;
            if (key is not null)
            {
                return new ResolvedApiKey(key, $"profile {profileId}", profileId);
            }
        }
        return null;
    }

    private static IEnumerable<string> ProfileOrder(JsonObject profiles, IReadOnlyList<string>? order)
    {
        if (order is { Count: > 0 })
        {
            return order.Distinct(StringComparer.Ordinal)
                .Where(profileId => profileId is not null && IsOpenRouterApiKeyProfile(profileId, profiles[profileId]));
        }
        var others = profiles
            .Where(entry => entry.Key != AuthProfileStore.DefaultProfileId && IsOpenRouterApiKeyProfile(entry.Key, entry.Value))
            .Select(entry => entry.Key)
            .Order(StringComparer.Ordinal);
        return IsOpenRouterApiKeyProfile(AuthProfileStore.DefaultProfileId, profiles[AuthProfileStore.DefaultProfileId])
            ? others.Prepend(AuthProfileStore.DefaultProfileId)
            : others;
    }

    // A profile without a provider field belongs to the provider its id names ("openrouter:…"); an explicit provider wins.
    private static bool IsOpenRouterApiKeyProfile(string profileId, JsonNode? profile)
    {
        if (profile is not JsonObject credential || StringOf(credential["type"]) != ApiKeyType)
        {
            return false;
        }
        var provider = StringOf(credential["provider"])?.Trim();
        return string.IsNullOrEmpty(provider)
            ? profileId.StartsWith(ProfileIdPrefix, StringComparison.OrdinalIgnoreCase)
            : string.Equals(provider, Provider, StringComparison.OrdinalIgnoreCase);
    }

    private static ResolvedApiKey? FromEnvironment(EnvironmentVariables environment)
    {
        var key = NonEmpty(environment.Get(EnvironmentVariable));
        if (key is null)
        {
            return null;
        }
        var source = environment.SourceOf(EnvironmentVariable);
        return new ResolvedApiKey(key, source is null || source == EnvironmentSource.Process ? $"env {EnvironmentVariable}" : source.Description);
    }

    private static ResolvedApiKey? FromConfig(JsonNode? configApiKey, EnvironmentVariables environment) =>
        ResolveConfigValue(configApiKey, environment, ConfigKeyPath);

    /// <summary>
    /// A config <c>apiKey</c> value resolved as step 3 of <see cref="Resolve"/> does (a key, an env-var name marker, a
    /// <c>{source:"env", id}</c> reference; an unset variable or an unresolved <c>${…}</c> gives none), with
    /// <paramref name="keyPath"/> as its source. Other features with their own key (text-to-speech) share the rules.
    /// </summary>
    public static ResolvedApiKey? ResolveConfigValue(JsonNode? value, EnvironmentVariables environment, string keyPath)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentException.ThrowIfNullOrWhiteSpace(keyPath);
        if (value is JsonObject)
        {
            return EnvironmentReference(value, environment) is { } referenced
                ? new ResolvedApiKey(referenced.Value, $"{keyPath} (env {referenced.Name})")
                : null;
        }
        var text = NonEmptyKey(StringOf(value));
        if (text is null)
        {
            return null;
        }
        if (IsEnvironmentVariableName(text))
        {
            // A bare variable name is a marker, never the key itself; an unset variable means no key.
            return NonEmpty(environment.Get(text)) is { } resolved ? new ResolvedApiKey(resolved, $"{keyPath} (env {text})") : null;
        }
        // "${VAR}" left in place means the variable was missing: sending the placeholder as a key would only fail later.
        return text.Contains("${", StringComparison.Ordinal) ? null : new ResolvedApiKey(text, keyPath);
    }

    /// <summary>A <c>{source:"env", id:"NAME"}</c> secret reference, resolved; null for other sources or an unset variable.</summary>
    private static (string Name, string Value)? EnvironmentReference(JsonNode? reference, EnvironmentVariables environment)
    {
        if (reference is not JsonObject secretRef || StringOf(secretRef["source"])?.Trim() != "env"
            || StringOf(secretRef["id"])?.Trim() is not { Length: > 0 } name)
        {
            return null;
        }
        return NonEmpty(environment.Get(name)) is { } value ? (name, value) : null;
    }

    private static string? StringOf(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static string? NonEmptyKey(string? stored) => stored is null ? null : NonEmpty(StoredKey.Normalize(stored));

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool IsEnvironmentVariableName(string text)
    {
        if (text.Length == 0 || !(char.IsAsciiLetterUpper(text[0]) || text[0] == '_'))
        {
            return false;
        }
        foreach (var character in text)
        {
            if (!(char.IsAsciiLetterUpper(character) || char.IsAsciiDigit(character) || character == '_'))
            {
                return false;
            }
        }
        return true;
    }
}
