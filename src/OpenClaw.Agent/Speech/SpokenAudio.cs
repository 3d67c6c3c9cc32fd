using OpenClaw.OpenRouter.Speech;

namespace OpenClaw.Agent.Speech;

/// <summary>Speech written to disk: where, and what OpenRouter returned.</summary>
/// <param name="Path">The absolute path of the audio file (complete: written to a temporary file and renamed).</param>
/// <param name="Result">The synthesis, bytes included.</param>
/// <param name="Latency">How long the synthesis took, on the service's clock.</param>
public sealed record SpokenAudio(string Path, OpenRouterSpeechResult Result, TimeSpan Latency)
{
    /// <summary><c>mp3</c> or <c>pcm</c>.</summary>
    public OpenRouterSpeechFormat Format => Result.Format;

    /// <summary>Whether the file can go out as a voice note.</summary>
    public bool VoiceCompatible => Result.VoiceCompatible;
}
