using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Speech;

namespace OpenClaw.OpenRouter.AI;

/// <summary>
/// <see cref="ITextToSpeechClient"/> over <see cref="OpenRouterClient.SynthesizeSpeechAsync"/>. <see cref="TextToSpeechOptions.ModelId"/>,
/// <see cref="TextToSpeechOptions.VoiceId"/> and <see cref="TextToSpeechOptions.Speed"/> map to <c>model</c>, <c>voice</c> and
/// <c>speed</c>; <see cref="TextToSpeechOptions.AudioFormat"/> to <c>response_format</c> (<c>mp3</c>, <c>pcm</c>, or a media type
/// such as <c>audio/mpeg</c>; anything else is refused with <c>Invalid OpenRouter speech responseFormat: …</c>);
/// <see cref="TextToSpeechOptions.AdditionalProperties"/> <c>provider</c> (an object) to the provider routing and
/// <c>timeout_ms</c> to the call's time limit. Language, pitch and volume have no OpenRouter equivalent and are ignored.
/// The answer is one <see cref="DataContent"/> with the audio and its media type; the raw representation is the
/// <see cref="OpenRouterSpeechResult"/>.
/// </summary>
/// <remarks>
/// If <see cref="TextToSpeechOptions.RawRepresentationFactory"/> returns an <see cref="OpenRouterSpeechRequest"/>, that request is
/// the starting point: its set members win and the unset ones are filled from the options (the text to speak is always the
/// call's). OpenRouter answers speech in one piece, so the streaming call yields the whole audio as one update. Errors are the
/// library's own. Thread-safe; disposing it does not dispose the <see cref="OpenRouterClient"/>, which the caller owns.
/// </remarks>
public sealed class OpenRouterSpeechClient : ITextToSpeechClient
{
    /// <summary>The <see cref="TextToSpeechOptions.AdditionalProperties"/> key of the provider routing object (<c>provider</c>).</summary>
    public const string ProviderProperty = "provider";

    /// <summary>The <see cref="TextToSpeechOptions.AdditionalProperties"/> key of the call's timeout in milliseconds.</summary>
    public const string TimeoutMsProperty = "timeout_ms";

    /// <summary>The <see cref="TextToSpeechResponse.AdditionalProperties"/> key of the voice that was sent.</summary>
    public const string VoiceProperty = "openrouter.voice";

    /// <summary>The <see cref="TextToSpeechResponse.AdditionalProperties"/> key of the format that was asked for (<c>mp3</c>, <c>pcm</c>).</summary>
    public const string FormatProperty = "openrouter.response_format";

    private readonly OpenRouterClient _client;
    private readonly TextToSpeechClientMetadata _metadata;

    /// <param name="client">The OpenRouter client to send through; not disposed by this instance.</param>
    /// <param name="defaultModel">The model when the options name none (else <see cref="OpenRouterSpeechModels.DefaultModel"/>).</param>
    /// <param name="defaultVoice">The voice when the options name none (else <see cref="OpenRouterSpeechModels.DefaultVoice"/>).</param>
    /// <param name="defaultFormat">The format when the options name none (else <c>mp3</c>).</param>
    public OpenRouterSpeechClient(OpenRouterClient client, string? defaultModel = null, string? defaultVoice = null, OpenRouterSpeechFormat? defaultFormat = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        DefaultModelId = string.IsNullOrWhiteSpace(defaultModel) ? OpenRouterSpeechModels.DefaultModel : defaultModel.Trim();
        DefaultVoiceId = string.IsNullOrWhiteSpace(defaultVoice) ? OpenRouterSpeechModels.DefaultVoice : defaultVoice.Trim();
        DefaultFormat = defaultFormat ?? OpenRouterSpeechModels.DefaultFormat;
        _metadata = new TextToSpeechClientMetadata(OpenRouterChatClient.ProviderName, client.BaseUrl, DefaultModelId);
    }

    /// <summary>The model used when a call names none.</summary>
    public string DefaultModelId { get; }

    /// <summary>The voice used when a call names none.</summary>
    public string DefaultVoiceId { get; }

    /// <summary>The format used when a call names none.</summary>
    public OpenRouterSpeechFormat DefaultFormat { get; }

    /// <summary>The underlying OpenRouter client.</summary>
    public OpenRouterClient Client => _client;

    /// <inheritdoc/>
    /// <exception cref="OpenRouterException">OpenRouter refused the request or answered something that is not audio.</exception>
    public async Task<TextToSpeechResponse> GetAudioAsync(string text, TextToSpeechOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = CreateRequest(text, options);
        var result = await _client.SynthesizeSpeechAsync(request, cancellationToken).ConfigureAwait(false);
        return new TextToSpeechResponse([new DataContent(result.Audio, result.MediaType) { Name = "speech" + result.FileExtension }])
        {
            ModelId = result.Model,
            ResponseId = result.GenerationId,
            RawRepresentation = result,
            AdditionalProperties = new AdditionalPropertiesDictionary
            {
                [VoiceProperty] = result.Voice,
                [FormatProperty] = result.Format.Value,
            },
        };
    }

    /// <inheritdoc/>
    /// <remarks>OpenRouter sends the audio whole: this yields the complete response's updates once it has arrived.</remarks>
    public async IAsyncEnumerable<TextToSpeechResponseUpdate> GetStreamingAudioAsync(string text, TextToSpeechOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetAudioAsync(text, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToTextToSpeechResponseUpdates())
        {
            yield return update;
        }
    }

    /// <summary>The request a call with this text and these options sends.</summary>
    /// <exception cref="OpenRouterInvalidRequestException">An audio format other than mp3/pcm, or a timeout that is not a positive number.</exception>
    public OpenRouterSpeechRequest CreateRequest(string text, TextToSpeechOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = options?.RawRepresentationFactory?.Invoke(this) as OpenRouterSpeechRequest;
        return new OpenRouterSpeechRequest
        {
            Input = text,
            Model = FirstSet(start?.Model, options?.ModelId) ?? DefaultModelId,
            Voice = FirstSet(start?.Voice, options?.VoiceId) ?? DefaultVoiceId,
            ResponseFormat = start is not null && !IsDefault(start.ResponseFormat) ? start.ResponseFormat : FormatOf(options?.AudioFormat),
            Speed = start?.Speed ?? (options?.Speed is { } speed ? (double)speed : null),
            Provider = start?.Provider ?? ProviderOf(Property(options, ProviderProperty)),
            Timeout = start?.Timeout ?? TimeoutOf(Property(options, TimeoutMsProperty)),
        };
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(TextToSpeechClientMetadata) ? _metadata
            : serviceType == typeof(OpenRouterClient) ? _client
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <summary>Does nothing: the <see cref="OpenRouterClient"/> belongs to the caller.</summary>
    public void Dispose()
    {
    }

    // A raw request's format is "set" unless it is the record's initial mp3: there is no way to tell an explicit mp3 apart, and
    // an explicit mp3 over an options pcm would be the caller contradicting themselves.
    private static bool IsDefault(OpenRouterSpeechFormat format) => format == OpenRouterSpeechFormat.Mp3;

    private OpenRouterSpeechFormat FormatOf(string? audioFormat)
    {
        if (string.IsNullOrWhiteSpace(audioFormat))
        {
            return DefaultFormat;
        }
        return OpenRouterSpeechFormat.TryParseMediaType(audioFormat, out var format)
            ? format
            : throw new OpenRouterInvalidRequestException(OpenRouterSpeechFormat.InvalidMessage(audioFormat));
    }

    private static string? FirstSet(string? first, string? second) =>
        !string.IsNullOrWhiteSpace(first) ? first : !string.IsNullOrWhiteSpace(second) ? second : null;

    private static object? Property(TextToSpeechOptions? options, string key) =>
        options?.AdditionalProperties is { } properties && properties.TryGetValue(key, out var value) ? value : null;

    private static JsonObject? ProviderOf(object? value) => value switch
    {
        null => null,
        _ when AIJsonNodes.ToNode(value) is JsonObject provider => provider,
        _ => throw new OpenRouterInvalidRequestException("The OpenRouter speech provider routing must be a JSON object."),
    };

    private static TimeSpan? TimeoutOf(object? value)
    {
        if (value is null)
        {
            return null;
        }
        var milliseconds = value switch
        {
            TimeSpan span => span.TotalMilliseconds,
            string text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : double.NaN,
            _ => Shaping.JsonNodes.TryGetNumber(AIJsonNodes.ToNode(value), out var parsedNumber) ? parsedNumber : double.NaN,
        };
        return double.IsFinite(milliseconds) && milliseconds > 0
            ? TimeSpan.FromMilliseconds(milliseconds)
            : throw new OpenRouterInvalidRequestException($"The OpenRouter speech {TimeoutMsProperty} must be a positive number of milliseconds.");
    }
}
