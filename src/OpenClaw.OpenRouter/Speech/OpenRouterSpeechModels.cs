namespace OpenClaw.OpenRouter.Speech;

/// <summary>The text-to-speech provider's metadata (provider spec §17).</summary>
public static class OpenRouterSpeechModels
{
    /// <summary>The model used when neither the call nor the config names one.</summary>
    public const string DefaultModel = "hexgrad/kokoro-82m";

    /// <summary>The voice used when neither the call nor the config names one (a Kokoro voice id).</summary>
    public const string DefaultVoice = "af_alloy";

    /// <summary>Where OpenRouter sits when a host picks a speech provider automatically (lower goes first).</summary>
    public const int AutoSelectOrder = 35;

    /// <summary>
    /// How long one synthesis may take when neither the call nor the config (<c>messages.tts.timeoutMs</c>) says: 30 s, the
    /// value OpenClaw's documented TTS config uses.
    /// </summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromMilliseconds(30_000);

    /// <summary>The format asked for when none is configured.</summary>
    public static OpenRouterSpeechFormat DefaultFormat => OpenRouterSpeechFormat.Mp3;

    /// <summary>The models the provider lists (any other id is passed through).</summary>
    public static IReadOnlyList<string> Listed { get; } =
        ["hexgrad/kokoro-82m", "elevenlabs/eleven-turbo-v2", "google/gemini-3.1-flash-tts-preview", "mistralai/voxtral-mini-tts-2603"];

    /// <summary>The voices the provider lists (any other voice id is passed through: voices are per model).</summary>
    public static IReadOnlyList<string> Voices { get; } = [DefaultVoice];

    /// <summary>The formats OpenRouter's speech API returns.</summary>
    public static IReadOnlyList<OpenRouterSpeechFormat> Formats { get; } = [OpenRouterSpeechFormat.Mp3, OpenRouterSpeechFormat.Pcm];
}
