using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Speech;

namespace OpenClaw.Core.Config;

/// <summary>
/// <c>messages.tts.providers.openrouter</c> (or top-level <c>tts.providers.openrouter</c>, same shape), read by
/// <see cref="TtsSettings.Read"/>. Unset members fall back as provider spec §17 says: the key and base URL to
/// <c>models.providers.openrouter</c> and then the environment / the canonical URL; model, voice and format to the provider's
/// defaults.
/// </summary>
public sealed record TtsOpenRouterSettings
{
    public static TtsOpenRouterSettings Empty { get; } = new();

    /// <summary><c>apiKey</c>: a key, an env-var name marker or a SecretRef, as written (after <c>${VAR}</c>).</summary>
    public JsonNode? ApiKey { get; init; }

    /// <summary><c>baseUrl</c> as written (canonicalised by the client).</summary>
    public string? BaseUrl { get; init; }

    /// <summary><c>model</c>, else its alias <c>modelId</c>.</summary>
    public string? Model { get; init; }

    /// <summary><c>voice</c>, else its alias <c>voiceId</c>.</summary>
    public string? Voice { get; init; }

    /// <summary><c>speed</c>, when a finite number.</summary>
    public double? Speed { get; init; }

    /// <summary><c>responseFormat</c>, trimmed and case-insensitive; <see langword="null"/> when unset (the provider asks for mp3).</summary>
    public OpenRouterSpeechFormat? ResponseFormat { get; init; }

    /// <summary><c>provider</c>: provider routing forwarded as the request body's <c>provider</c>.</summary>
    public JsonObject? Provider { get; init; }

    /// <summary>
    /// The base URL speech goes to (provider spec §4.1): this block's <c>baseUrl</c>, else <paramref name="modelsProviderBaseUrl"/>
    /// (<c>models.providers.openrouter.baseUrl</c>), else <see langword="null"/> for the canonical URL. Blank values do not count.
    /// </summary>
    public string? ResolveBaseUrl(string? modelsProviderBaseUrl) =>
        !string.IsNullOrWhiteSpace(BaseUrl) ? BaseUrl
        : !string.IsNullOrWhiteSpace(modelsProviderBaseUrl) ? modelsProviderBaseUrl
        : null;
}
