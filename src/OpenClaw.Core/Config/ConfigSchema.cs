using System.Text.Json.Nodes;
using OpenClaw.Core.Config.Schema;
using OpenClaw.Core.Credentials;

namespace OpenClaw.Core.Config;

/// <summary>The supported subset of OpenClaw's config schema: which paths exist, which hold secrets, and its JSON Schema.</summary>
public static class ConfigSchema
{
    private static readonly HashSet<string> SecretKeys = new(StringComparer.Ordinal)
    {
        "apiKey", "key", "token", "password", "secret",
        // Names the full product uses in sections this port keeps as written (channels, gateway, hooks).
        "botToken", "appToken", "userToken", "accessToken", "refreshToken", "clientSecret", "signingSecret", "webhookSecret",
        "privateKey",
    };

    /// <summary>Parts of an environment-variable name (split at <c>_</c>) that mark its value as a secret.</summary>
    private static readonly HashSet<string> SecretNameParts = new(StringComparer.Ordinal)
    {
        "KEY", "APIKEY", "TOKEN", "SECRET", "PASSWORD", "PASSWD", "CREDENTIALS",
    };

    /// <summary>True when <paramref name="path"/> names a key the schema knows (map keys such as model refs match any name).</summary>
    public static bool IsKnownPath(ConfigPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ConfigSchemaDefinition.At(path.Segments) is not null;
    }

    /// <summary>True for keys whose values are secrets and are printed redacted (<c>apiKey</c>, <c>key</c>, <c>token</c>).</summary>
    /// <remarks>
    /// Also environment-variable names in the <c>env</c> block that say they hold one (<c>OPENROUTER_API_KEY</c>,
    /// <c>GITHUB_TOKEN</c>, <c>CLIENT_SECRET</c>, <c>DB_PASSWORD</c>): that block is where the documentation puts the key.
    /// </remarks>
    public static bool IsSecretKey(string key) => SecretKeys.Contains(key) || IsSecretVariableName(key);

    private static bool IsSecretVariableName(string key) =>
        key is not null && IsVariableName(key) && key.Split('_').Any(SecretNameParts.Contains);

    /// <summary>
    /// A copy of <paramref name="node"/> with every secret value replaced by its mask: values under a secret key, and any
    /// string shaped like an API key (<see cref="SecretMask.LooksLikeApiKey"/>) wherever it is. A <c>${VAR}</c> reference or
    /// an env-var name under a secret key is not a secret (it names where the secret is) and is kept.
    /// </summary>
    public static JsonNode? Redact(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, child) in obj)
                {
                    // A key pasted where a name belongs is masked too (two such keys with one mask: the first wins).
                    var shownKey = SecretMask.LooksLikeApiKey(key) ? SecretMask.Mask(key) : key;
                    if (copy.ContainsKey(shownKey))
                    {
                        continue;
                    }
                    copy[shownKey] = IsSecretKey(key) && JsonNodeValues.TryGetString(child, out var text) && !IsSecretReference(text)
                        ? JsonValue.Create(SecretMask.Mask(text))
                        : Redact(child);
                }
                return copy;
            case JsonArray array:
                return new JsonArray([.. array.Select(Redact)]);
            default:
                // A value shaped like a key is one, whatever the key it is stored under is called.
                return JsonNodeValues.TryGetString(node, out var value) && SecretMask.LooksLikeApiKey(value)
                    ? JsonValue.Create(SecretMask.Mask(value))
                    : node?.DeepClone();
        }
    }

    /// <summary><c>${NAME}</c> or a bare env-var name such as <c>OPENROUTER_API_KEY</c>.</summary>
    private static bool IsSecretReference(string text) =>
        IsVariableName(text.StartsWith("${", StringComparison.Ordinal) && text.EndsWith('}') ? text[2..^1] : text);

    /// <summary><c>[A-Z_][A-Z0-9_]*</c>, the names <c>${VAR}</c> substitution accepts.</summary>
    private static bool IsVariableName(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetterUpper(name[0]) || name[0] == '_'))
        {
            return false;
        }
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The JSON Schema (draft 2020-12) of the supported subset, for <c>config schema</c>.</summary>
    public static JsonObject ToJsonSchema() => JsonSchemaWriter.WriteDocument(ConfigSchemaDefinition.Root, "OpenClaw config (openclaw.json, OpenRouter edition)");
}
