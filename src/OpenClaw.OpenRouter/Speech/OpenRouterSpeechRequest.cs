using System.Text.Json.Nodes;

namespace OpenClaw.OpenRouter.Speech;

/// <summary>One speech synthesis: <c>POST {base}/audio/speech</c> (provider spec §17).</summary>
public sealed record OpenRouterSpeechRequest
{
    /// <summary>The text to speak (<c>input</c>); must not be empty.</summary>
    public required string Input { get; init; }

    /// <summary>The model id (<c>model</c>); <see langword="null"/> or blank means <see cref="OpenRouterSpeechModels.DefaultModel"/>.</summary>
    public string? Model { get; init; }

    /// <summary>The voice id (<c>voice</c>), passed through as given; <see langword="null"/> or blank means <see cref="OpenRouterSpeechModels.DefaultVoice"/>.</summary>
    public string? Voice { get; init; }

    /// <summary><c>response_format</c>, always sent; <see cref="OpenRouterSpeechFormat.Mp3"/> unless set.</summary>
    public OpenRouterSpeechFormat ResponseFormat { get; init; } = OpenRouterSpeechFormat.Mp3;

    /// <summary><c>speed</c>, sent only when set; must be a finite number.</summary>
    public double? Speed { get; init; }

    /// <summary>Provider routing (<c>provider</c>), forwarded as given; sent only when set.</summary>
    public JsonObject? Provider { get; init; }

    /// <summary>How long the call may take, answer included; <see langword="null"/> means <see cref="OpenRouterSpeechModels.DefaultTimeout"/>.</summary>
    public TimeSpan? Timeout { get; init; }
}
