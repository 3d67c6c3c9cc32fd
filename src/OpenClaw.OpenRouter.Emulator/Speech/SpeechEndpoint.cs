using System.Text.Json.Nodes;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OpenClaw.OpenRouter.Emulator.Account;
using OpenClaw.OpenRouter.Emulator.Chat;
using OpenClaw.OpenRouter.Emulator.Http;
using OpenClaw.OpenRouter.Emulator.Media;

namespace OpenClaw.OpenRouter.Emulator.Speech;

/// <summary>
/// <c>POST /audio/speech</c>: <c>{model, input, voice, response_format, speed?, provider?}</c> → raw audio bytes.
/// </summary>
/// <remarks>
/// Broken answers reuse the download faults of the video endpoint, which mean the same thing here: <c>video-empty-content</c>
/// answers 200 with the audio content type and no bytes, <c>video-html-content</c> answers 200 with an HTML page (what a
/// captive portal or a misrouted proxy sends). The generic faults (errors, <c>error-body-200</c>, <c>drop</c>, <c>stall</c>, …)
/// apply as on every endpoint.
/// </remarks>
internal sealed class SpeechEndpoint(EmulatorState state)
{
    private const int MillisecondsPerCharacter = 60;

    public async Task HandleAsync(HttpContext context)
    {
        var body = await JsonHttp.ReadObjectAsync(context).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }
        if (Validate(body) is { } invalid)
        {
            await ErrorEnvelope.WriteAsync(context, invalid.Status, invalid.Message).ConfigureAwait(false);
            return;
        }
        var row = state.Catalog.Resolve(JsonHttp.String(body["model"])!)!;
        var input = JsonHttp.String(body["input"])!;
        var format = JsonHttp.String(body["response_format"]) ?? "pcm";
        var audio = format == "mp3" ? ToneAudio.Mp3() : ToneAudio.Pcm(input.Length * MillisecondsPerCharacter);
        var id = state.NextGenerationId();
        var cost = EmulatorJson.Money(input.Length * row.PromptPrice);
        var apiKey = (string)context.Items[HttpItems.ApiKey]!;
        state.Keys.Charge(apiKey, cost);
        state.Generations.Add(apiKey, GenerationRecord.Create(id, state.Time.GetUtcNow(), row.Id, row.ProviderName, "speech", "stop", "stop",
            TokenCount.Of(input), 0, 0, 0, 1, cost, streamed: false, cancelled: false));
        context.Response.Headers["X-Generation-Id"] = id;
        context.Response.StatusCode = 200;
        var faults = ScriptedFaults.Of(context);
        if (faults.Has(FaultNames.VideoHtmlContent))
        {
            var html = "<!doctype html><html><body><h1>Sign in to continue</h1></body></html>"u8.ToArray();
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength = html.Length;
            await context.Response.Body.WriteAsync(html, context.RequestAborted).ConfigureAwait(false);
            return;
        }
        if (faults.Has(FaultNames.VideoEmptyContent))
        {
            audio = [];
        }
        context.Response.ContentType = format == "mp3" ? ToneAudio.Mp3ContentType : ToneAudio.PcmContentType;
        context.Response.ContentLength = audio.Length;
        await context.Response.Body.WriteAsync(audio, context.RequestAborted).ConfigureAwait(false);
    }

    private EmulatorError? Validate(JsonObject body)
    {
        if (JsonHttp.String(body["model"]) is not { Length: > 0 } model)
        {
            return EmulatorError.BadRequest("Invalid request parameters: \"model\" is required.");
        }
        if (state.Catalog.Resolve(model) is not { } row)
        {
            return EmulatorError.BadRequest($"{model} is not a valid model ID");
        }
        if (!row.OutputsSpeech)
        {
            return new EmulatorError(404, "No endpoints found that support the requested output modalities: speech");
        }
        if (JsonHttp.String(body["input"]) is not { Length: > 0 })
        {
            return EmulatorError.BadRequest("Invalid request parameters: \"input\" is required and must be a non-empty string.");
        }
        if (JsonHttp.String(body["voice"]) is not { Length: > 0 } voice)
        {
            return EmulatorError.BadRequest("Invalid request parameters: \"voice\" is required.");
        }
        if (row.SupportedVoices is { } voices && !voices.Contains(voice))
        {
            return EmulatorError.BadRequest($"Voice \"{voice}\" is not supported by {row.Id}. Supported voices: {string.Join(", ", voices)}");
        }
        if (body["response_format"] is { } format && JsonHttp.String(format) is not ("mp3" or "pcm"))
        {
            return EmulatorError.BadRequest($"Invalid request parameters: \"response_format\" must be \"mp3\" or \"pcm\" (got {format.ToJsonString()}).");
        }
        if (body["speed"] is { } speed && (speed.GetValueKind() != JsonValueKind.Number || JsonHttp.Number(speed) is not (>= 0.25 and <= 4.0)))
        {
            return EmulatorError.BadRequest("Invalid request parameters: \"speed\" must be a number from 0.25 to 4.0.");
        }
        if (body["provider"] is { } provider && provider.GetValueKind() != JsonValueKind.Null && provider is not JsonObject)
        {
            return EmulatorError.BadRequest("Invalid request parameters: \"provider\" must be an object.");
        }
        return null;
    }
}
