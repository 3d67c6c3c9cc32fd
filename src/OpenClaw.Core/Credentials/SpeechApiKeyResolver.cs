using System.Text.Json.Nodes;
using OpenClaw.Core.Config;
using OpenClaw.Core.State;

namespace OpenClaw.Core.Credentials;

/// <summary>
/// Finds the key for text-to-speech (provider spec §3.2), which has its own order: the TTS block's <c>apiKey</c> →
/// <c>models.providers.openrouter.apiKey</c> → <c>OPENROUTER_API_KEY</c>. Auth profiles are not consulted, as in OpenClaw.
/// </summary>
public static class SpeechApiKeyResolver
{
    /// <summary>The source named for a key from the TTS block.</summary>
    public const string TtsKeyPath = "messages.tts.providers.openrouter.apiKey";

    /// <summary>The source named for a key from the provider block.</summary>
    public const string ProviderKeyPath = "models.providers.openrouter.apiKey";

    /// <summary>
    /// The first key found, or <see langword="null"/>. Config values follow <see cref="ApiKeyResolver.ResolveConfigValue"/>
    /// (a marker naming an unset variable falls through to the next step); the environment includes the <c>.env</c> files and
    /// the config's <c>env</c> block.
    /// </summary>
    public static ResolvedApiKey? Resolve(TtsOpenRouterSettings tts, JsonNode? providerApiKey, EnvironmentVariables environment)
    {
        ArgumentNullException.ThrowIfNull(tts);
        ArgumentNullException.ThrowIfNull(environment);
        return ApiKeyResolver.ResolveConfigValue(tts.ApiKey, environment, TtsKeyPath)
            ?? ApiKeyResolver.ResolveConfigValue(providerApiKey, environment, ProviderKeyPath)
            ?? FromEnvironment(environment);
    }

    private static ResolvedApiKey? FromEnvironment(EnvironmentVariables environment)
    {
        var value = environment.Get(ApiKeyResolver.EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var source = environment.SourceOf(ApiKeyResolver.EnvironmentVariable);
        return new ResolvedApiKey(value.Trim(),
            source is null || source == EnvironmentSource.Process ? $"env {ApiKeyResolver.EnvironmentVariable}" : source.Description);
    }
}
