using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Speech;

namespace OpenClaw.Core.Config;

/// <summary>
/// The text-to-speech settings (<c>messages.tts</c> overlaid with top-level <c>tts</c>, see <see cref="OpenClawConfig.Tts"/>):
/// when replies are spoken, by which provider, and OpenRouter's speech settings (provider spec §17, CLI spec §9.1).
/// </summary>
public sealed record TtsSettings
{
    /// <summary>The only speech provider this port has.</summary>
    public const string OpenRouterProvider = "openrouter";

    /// <summary>No TTS config: nothing is spoken, and a conversion uses every default.</summary>
    public static TtsSettings Empty { get; } = new();

    /// <summary><c>auto</c>; without it the legacy <c>enabled: true</c> means <c>always</c>; else <c>off</c>.</summary>
    public TtsAutoMode Auto { get; init; } = TtsAutoMode.Off;

    /// <summary><c>provider</c> as written (trimmed), or <see langword="null"/>.</summary>
    public string? Provider { get; init; }

    /// <summary>The provider speech goes to: <see cref="Provider"/>, else <c>openrouter</c> (the only one available).</summary>
    public string EffectiveProvider => string.IsNullOrEmpty(Provider) ? OpenRouterProvider : Provider;

    /// <summary>Whether <see cref="EffectiveProvider"/> is OpenRouter (compared case-insensitively).</summary>
    public bool UsesOpenRouter => string.Equals(EffectiveProvider, OpenRouterProvider, StringComparison.OrdinalIgnoreCase);

    /// <summary><c>timeoutMs</c> as a time limit for one synthesis, when a positive whole number.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary><c>providers.openrouter</c>.</summary>
    public TtsOpenRouterSettings OpenRouter { get; init; } = TtsOpenRouterSettings.Empty;

    /// <summary>
    /// Reads the merged TTS object. Keys of the wrong type are skipped (config validation reports them); <c>model</c> wins
    /// over its alias <c>modelId</c> and <c>voice</c> over <c>voiceId</c> when both are present.
    /// </summary>
    /// <param name="tts">The merged TTS object, or <see langword="null"/> when there is none.</param>
    /// <param name="path">The key path named in errors (<c>messages.tts</c> or <c>tts</c>).</param>
    /// <exception cref="ConfigException">
    /// <c>responseFormat</c> is not <c>mp3</c> or <c>pcm</c> (trimmed, any case):
    /// <c>&lt;path&gt;.providers.openrouter.responseFormat: Invalid OpenRouter speech responseFormat: &lt;value&gt;</c>.
    /// </exception>
    public static TtsSettings Read(JsonObject? tts, string path = "messages.tts")
    {
        if (tts is null)
        {
            return Empty;
        }
        var openRouter = (tts["providers"] as JsonObject)?["openrouter"] as JsonObject;
        return new TtsSettings
        {
            Auto = ReadAuto(tts),
            Provider = NonBlank(tts["provider"]),
            Timeout = JsonNodeValues.TryGetInt64(tts["timeoutMs"], out var milliseconds) && milliseconds > 0 ? TimeSpan.FromMilliseconds(milliseconds) : null,
            OpenRouter = openRouter is null ? TtsOpenRouterSettings.Empty : ReadOpenRouter(openRouter, $"{path}.providers.openrouter"),
        };
    }

    private static TtsAutoMode ReadAuto(JsonObject tts)
    {
        if (NonBlank(tts["auto"]) is { } auto)
        {
            return new TtsAutoMode(auto);
        }
        // The legacy switch (doctor --fix migrates it to auto).
        return JsonNodeValues.TryGetBoolean(tts["enabled"], out var enabled) && enabled ? TtsAutoMode.Always : TtsAutoMode.Off;
    }

    private static TtsOpenRouterSettings ReadOpenRouter(JsonObject settings, string path)
    {
        var apiKey = settings["apiKey"];
        return new TtsOpenRouterSettings
        {
            ApiKey = apiKey is JsonObject || JsonNodeValues.TryGetString(apiKey, out _) ? apiKey!.DeepClone() : null,
            BaseUrl = NonBlank(settings["baseUrl"]),
            Model = NonBlank(settings["model"]) ?? NonBlank(settings["modelId"]),
            Voice = NonBlank(settings["voice"]) ?? NonBlank(settings["voiceId"]),
            Speed = JsonNodeValues.TryGetNumber(settings["speed"], out var speed) && double.IsFinite(speed) ? speed : null,
            ResponseFormat = ReadFormat(settings["responseFormat"], $"{path}.responseFormat"),
            Provider = settings["provider"] is JsonObject provider ? (JsonObject)provider.DeepClone() : null,
        };
    }

    private static OpenRouterSpeechFormat? ReadFormat(JsonNode? node, string path)
    {
        if (!JsonNodeValues.TryGetString(node, out var text))
        {
            return null;
        }
        return OpenRouterSpeechFormat.TryParse(text, out var format)
            ? format
            : throw new ConfigException($"{path}: {OpenRouterSpeechFormat.InvalidMessage(text)}");
    }

    private static string? NonBlank(JsonNode? node) =>
        JsonNodeValues.TryGetString(node, out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
}
