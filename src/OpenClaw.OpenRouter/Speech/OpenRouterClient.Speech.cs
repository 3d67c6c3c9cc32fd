using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Media;
using OpenClaw.OpenRouter.Shaping;
using OpenClaw.OpenRouter.Speech;
using OpenClaw.OpenRouter.Transport;

namespace OpenClaw.OpenRouter;

/// <summary>Text-to-speech through <c>POST {base}/audio/speech</c> (provider spec §17).</summary>
public sealed partial class OpenRouterClient
{
    /// <summary>The label of speech errors: <c>OpenRouter TTS API error (HTTP &lt;status&gt;): &lt;detail&gt;</c>.</summary>
    public const string SpeechErrorLabel = "OpenRouter TTS API error";

    /// <summary>
    /// Synthesises speech: one <c>POST {base}/audio/speech</c> with <c>{model, input, voice, response_format, speed?, provider?}</c>
    /// (optional members only when set, in that order), <c>Authorization</c>, <c>HTTP-Referer</c> and <c>X-OpenRouter-Title</c>
    /// on every base URL and <c>X-OpenRouter-Categories</c> on an OpenRouter endpoint. The answer is the raw audio, read whole
    /// within the media size cap, so a caller never sees part of a file.
    /// </summary>
    /// <exception cref="InvalidOperationException">No API key (<c>OpenRouter API key missing</c>).</exception>
    /// <exception cref="OpenRouterInvalidRequestException">An empty input, or a speed that is not a finite number.</exception>
    /// <exception cref="OpenRouterMalformedResponseException">The 200 answer is empty, HTML or JSON that is not an error, or over the cap.</exception>
    /// <exception cref="OpenRouterException">
    /// HTTP errors (<c>OpenRouter TTS API error (HTTP 400): …</c>, typed by status), an error envelope inside a 200 answer, the
    /// time limit, a refused private host (<see cref="OpenRouterBlockedNetworkException"/>), a broken connection.
    /// </exception>
    public async Task<OpenRouterSpeechResult> SynthesizeSpeechAsync(OpenRouterSpeechRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireMediaKey();
        if (string.IsNullOrWhiteSpace(request.Input))
        {
            throw new OpenRouterInvalidRequestException("OpenRouter speech input is empty: there is no text to speak.");
        }
        if (request.Speed is { } speed && !double.IsFinite(speed))
        {
            throw new OpenRouterInvalidRequestException("OpenRouter speech speed must be a finite number.");
        }
        var model = string.IsNullOrWhiteSpace(request.Model) ? OpenRouterSpeechModels.DefaultModel : request.Model.Trim();
        var voice = string.IsNullOrWhiteSpace(request.Voice) ? OpenRouterSpeechModels.DefaultVoice : request.Voice.Trim();
        var format = request.ResponseFormat;
        var url = new Uri(_baseUrl + "/audio/speech");
        var response = await _media.SendAsync(new MediaRequest
        {
            Method = HttpMethod.Post,
            Url = url,
            Headers = MediaHeaders(url),
            JsonBody = SpeechBody(request, model, voice, format),
            Operation = SpeechErrorLabel,
            MaxBytes = _mediaMaxBytes,
            Timeout = request.Timeout ?? OpenRouterSpeechModels.DefaultTimeout,
        }, cancellationToken).ConfigureAwait(false);
        return new OpenRouterSpeechResult
        {
            Audio = AudioOf(response),
            Format = format,
            MediaType = IsAudio(response.MediaType) ? response.MediaType!.ToLowerInvariant() : format.MediaType,
            GenerationId = response.GenerationId,
            Model = model,
            Voice = voice,
        };
    }

    /// <summary>The body, keys in the spec's order; <c>speed</c> and <c>provider</c> only when set.</summary>
    internal static byte[] SpeechBody(OpenRouterSpeechRequest request, string model, string voice, OpenRouterSpeechFormat format)
    {
        var body = new JsonObject
        {
            ["model"] = model,
            ["input"] = request.Input,
            ["voice"] = voice,
            ["response_format"] = format.Value,
        };
        if (request.Speed is { } speed)
        {
            body["speed"] = speed;
        }
        if (request.Provider is { } provider)
        {
            body["provider"] = provider.DeepClone();
        }
        return WireJson.SerializeToUtf8(body);
    }

    /// <summary>
    /// The audio of a 2xx answer. An answer labelled audio (or <c>application/octet-stream</c>) is taken as it is; JSON is an
    /// error envelope (thrown as the typed error) or malformed; HTML and other text is malformed; an unlabelled answer is sniffed
    /// for a JSON or HTML start. Nothing partial is ever returned: the body was read whole.
    /// </summary>
    private static byte[] AudioOf(MediaResponse response)
    {
        var body = response.Body;
        var mediaType = response.MediaType?.ToLowerInvariant();
        var looksLike = IsAudio(mediaType) || mediaType == "application/octet-stream" ? '\0' : FirstNonWhitespace(body);
        if (IsJson(mediaType) || (mediaType is null or "" && looksLike == '{'))
        {
            if (ErrorResponseReader.TryReadEnvelope(body) is { } details)
            {
                throw OpenRouterException.Create(details with
                {
                    InBand = true,
                    Operation = SpeechErrorLabel,
                    GenerationId = details.GenerationId ?? response.GenerationId,
                });
            }
            throw new OpenRouterMalformedResponseException($"{SpeechErrorLabel}: the answer is JSON, not audio.");
        }
        if (mediaType is not null && (mediaType.StartsWith("text/", StringComparison.Ordinal) || mediaType.Contains("html", StringComparison.Ordinal))
            || (mediaType is null or "" && looksLike == '<'))
        {
            throw new OpenRouterMalformedResponseException($"{SpeechErrorLabel}: the answer is {(string.IsNullOrEmpty(mediaType) ? "HTML" : mediaType)}, not audio.");
        }
        if (body.Length == 0)
        {
            throw new OpenRouterMalformedResponseException($"{SpeechErrorLabel}: the answer has no audio (empty body).");
        }
        return body;
    }

    private static bool IsAudio(string? mediaType) => mediaType is not null && mediaType.StartsWith("audio/", StringComparison.OrdinalIgnoreCase);

    private static bool IsJson(string? mediaType) =>
        mediaType is not null && (mediaType == "application/json" || mediaType.EndsWith("+json", StringComparison.Ordinal));

    private static char FirstNonWhitespace(byte[] body)
    {
        foreach (var b in body)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return (char)b;
            }
        }
        return '\0';
    }
}
