namespace OpenClaw.Core.Config;

/// <summary>
/// When replies are spoken (<c>messages.tts.auto</c>): <c>off</c>, <c>always</c>, <c>inbound</c> (only in answer to a voice
/// message) or <c>tagged</c> (only what the reply marks with <c>[[tts:text]]…[[/tts:text]]</c>). String-backed: a value this
/// program does not know is kept as written (the schema reports it) and speaks nothing. <see langword="default"/> is <c>off</c>.
/// </summary>
public readonly record struct TtsAutoMode
{
    private readonly string? _value;

    public TtsAutoMode(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value.Trim().ToLowerInvariant();
    }

    /// <summary>Never speak (the default).</summary>
    public static TtsAutoMode Off { get; } = new("off");

    /// <summary>Speak every reply that is long enough.</summary>
    public static TtsAutoMode Always { get; } = new("always");

    /// <summary>Speak only replies to a voice message.</summary>
    public static TtsAutoMode Inbound { get; } = new("inbound");

    /// <summary>Speak only the text a reply tags for speech.</summary>
    public static TtsAutoMode Tagged { get; } = new("tagged");

    /// <summary>The mode as written (lower-cased): <c>off</c>, <c>always</c>, <c>inbound</c>, <c>tagged</c>, or an unknown word.</summary>
    public string Value => _value ?? "off";

    /// <summary>Whether this is one of the four modes the program knows.</summary>
    public bool IsKnown => Value is "off" or "always" or "inbound" or "tagged";

    public override string ToString() => Value;
}
