using OpenClaw.OpenRouter.Errors;

namespace OpenClaw.OpenRouter.Speech;

/// <summary>
/// The audio format of a speech request (<c>response_format</c>): <c>mp3</c> or <c>pcm</c> (provider spec §17). String-backed
/// like the other wire vocabularies, but closed: OpenRouter's speech API knows only these two, so anything else is refused
/// before a request is sent. <see langword="default"/> means <see cref="Mp3"/>, the format the provider always asks for when
/// none is configured (the API's own default would be <c>pcm</c>).
/// </summary>
public readonly record struct OpenRouterSpeechFormat
{
    private const string Mp3Value = "mp3";
    private const string PcmValue = "pcm";

    private readonly string? _value;

    /// <summary>A format from its wire name, trimmed and compared case-insensitively.</summary>
    /// <exception cref="OpenRouterInvalidRequestException">Not <c>mp3</c> or <c>pcm</c>: <c>Invalid OpenRouter speech responseFormat: &lt;value&gt;</c>.</exception>
    public OpenRouterSpeechFormat(string value)
    {
        _value = Normalize(value) ?? throw Invalid(value);
    }

    /// <summary>MPEG audio (<c>audio/mpeg</c>, <c>.mp3</c>); the default, and the only voice-note compatible format.</summary>
    public static OpenRouterSpeechFormat Mp3 { get; } = new(Mp3Value);

    /// <summary>Raw 16-bit little-endian mono PCM (<c>audio/pcm</c>, <c>.pcm</c>); OpenRouter sends it at 24 kHz.</summary>
    public static OpenRouterSpeechFormat Pcm { get; } = new(PcmValue);

    /// <summary>The wire name: <c>mp3</c> or <c>pcm</c>.</summary>
    public string Value => _value ?? Mp3Value;

    /// <summary>The file extension a caller should give the audio: <c>.mp3</c> or <c>.pcm</c>.</summary>
    public string FileExtension => "." + Value;

    /// <summary>The media type OpenRouter labels this format with (without parameters): <c>audio/mpeg</c> or <c>audio/pcm</c>.</summary>
    public string MediaType => Value == PcmValue ? "audio/pcm" : "audio/mpeg";

    /// <summary>Whether chat apps accept the audio as a voice note (provider spec §17: only <c>mp3</c>).</summary>
    public bool IsVoiceCompatible => Value == Mp3Value;

    /// <summary>Reads a configured or typed format: trimmed, case-insensitive.</summary>
    /// <exception cref="OpenRouterInvalidRequestException">Not <c>mp3</c> or <c>pcm</c> (the message quotes the value as given).</exception>
    public static OpenRouterSpeechFormat Parse(string value) => new(value);

    /// <summary>Like <see cref="Parse"/>, without throwing.</summary>
    public static bool TryParse(string? value, out OpenRouterSpeechFormat format)
    {
        if (Normalize(value) is { } normalized)
        {
            format = new OpenRouterSpeechFormat(normalized);
            return true;
        }
        format = default;
        return false;
    }

    /// <summary>
    /// The format of a media type or a format name as MEAI's <c>AudioFormat</c> may carry it (<c>audio/mpeg</c>, <c>audio/mp3</c>,
    /// <c>audio/pcm;rate=24000</c>, <c>mp3</c>, <c>pcm</c>); <see langword="false"/> for anything else.
    /// </summary>
    public static bool TryParseMediaType(string? value, out OpenRouterSpeechFormat format)
    {
        var name = value?.Split(';', 2)[0].Trim().ToLowerInvariant();
        switch (name)
        {
            case "audio/mpeg" or "audio/mp3" or "audio/mpeg3":
                format = Mp3;
                return true;
            case "audio/pcm" or "audio/l16":
                format = Pcm;
                return true;
            default:
                return TryParse(value, out format);
        }
    }

    /// <summary>The message of a refused format, exactly as the provider words it.</summary>
    public static string InvalidMessage(string? value) => $"Invalid OpenRouter speech responseFormat: {value}";

    /// <summary>Formats are equal by wire name, so <see langword="default"/> equals <see cref="Mp3"/>.</summary>
    public bool Equals(OpenRouterSpeechFormat other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    public override string ToString() => Value;

    private static string? Normalize(string? value) =>
        value?.Trim().ToLowerInvariant() switch
        {
            Mp3Value => Mp3Value,
            PcmValue => PcmValue,
            _ => null,
        };

    private static OpenRouterInvalidRequestException Invalid(string? value) => new(InvalidMessage(value));
}
