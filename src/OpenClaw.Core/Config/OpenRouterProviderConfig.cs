using System.Text.Json.Nodes;

namespace OpenClaw.Core.Config;

/// <summary><c>models.providers.openrouter</c>.</summary>
public sealed record OpenRouterProviderConfig
{
    public static OpenRouterProviderConfig Empty { get; } = new();

    /// <summary><c>baseUrl</c> as written (after <c>${VAR}</c>); canonicalised by the provider library.</summary>
    public string? BaseUrl { get; init; }

    /// <summary><c>apiKey</c>: a string (key, <c>${VAR}</c> result, or an env-var name) or a SecretRef object.</summary>
    public JsonNode? ApiKey { get; init; }

    /// <summary>Extra request headers.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Provider-wide params (lowest precedence).</summary>
    public JsonObject? Params { get; init; }

    /// <summary>Configured model rows (<c>models[]</c>), as written.</summary>
    public JsonArray? Models { get; init; }

    /// <summary><c>request.allowPrivateNetwork</c>.</summary>
    public bool AllowPrivateNetwork { get; init; }
}
