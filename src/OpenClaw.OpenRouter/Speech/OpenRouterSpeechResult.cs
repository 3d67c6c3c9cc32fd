namespace OpenClaw.OpenRouter.Speech;

/// <summary>Synthesised speech: the audio bytes exactly as OpenRouter sent them, and how to store them.</summary>
public sealed record OpenRouterSpeechResult
{
    /// <summary>The audio (never empty: an empty answer is an error).</summary>
    public required ReadOnlyMemory<byte> Audio { get; init; }

    /// <summary>The format that was asked for (<c>response_format</c>).</summary>
    public required OpenRouterSpeechFormat Format { get; init; }

    /// <summary><c>.mp3</c> or <c>.pcm</c>.</summary>
    public string FileExtension => Format.FileExtension;

    /// <summary>Whether the audio can go out as a voice note (<c>mp3</c> only).</summary>
    public bool VoiceCompatible => Format.IsVoiceCompatible;

    /// <summary>The answer's <c>Content-Type</c> (without parameters) when it named audio, else the format's media type.</summary>
    public required string MediaType { get; init; }

    /// <summary><c>X-Generation-Id</c>, when sent.</summary>
    public string? GenerationId { get; init; }

    /// <summary>The model id that was sent.</summary>
    public required string Model { get; init; }

    /// <summary>The voice id that was sent.</summary>
    public required string Voice { get; init; }
}
