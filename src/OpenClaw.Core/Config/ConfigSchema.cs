using System.Text.Json.Nodes;

namespace OpenClaw.Core.Config;

/// <summary>The supported subset of OpenClaw's config schema: which paths exist, which hold secrets, and its JSON Schema.</summary>
public static class ConfigSchema
{
    /// <summary>True when <paramref name="path"/> names a key the schema knows (map keys such as model refs match any name).</summary>
    public static bool IsKnownPath(ConfigPath path) => throw new NotImplementedException();

    /// <summary>True for keys whose values are secrets and are printed redacted (<c>apiKey</c>, <c>key</c>, <c>token</c>).</summary>
    public static bool IsSecretKey(string key) => throw new NotImplementedException();

    /// <summary>A copy of <paramref name="node"/> with every secret value replaced by its mask.</summary>
    public static JsonNode? Redact(JsonNode? node) => throw new NotImplementedException();

    /// <summary>The JSON Schema (draft 2020-12) of the supported subset, for <c>config schema</c>.</summary>
    public static JsonObject ToJsonSchema() => throw new NotImplementedException();
}
