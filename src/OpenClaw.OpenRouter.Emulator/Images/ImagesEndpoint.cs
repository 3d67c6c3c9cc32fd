using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OpenClaw.OpenRouter.Emulator.Account;
using OpenClaw.OpenRouter.Emulator.Chat;
using OpenClaw.OpenRouter.Emulator.Http;
using OpenClaw.OpenRouter.Emulator.Media;

namespace OpenClaw.OpenRouter.Emulator.Images;

/// <summary>The dedicated <c>POST /images</c> endpoint: <c>{model, prompt, n, aspect_ratio, resolution, input_references}</c> →
/// <c>{created, model, data:[{b64_json, media_type}], usage}</c>.</summary>
internal sealed class ImagesEndpoint(EmulatorState state)
{
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
        var model = JsonHttp.String(body["model"])!;
        var row = state.Catalog.Resolve(model)!;
        var prompt = JsonHttp.String(body["prompt"])!;
        var count = (int)(JsonHttp.Number(body["n"]) ?? 1);
        var (width, height) = ImageGeometry.Resolve(JsonHttp.String(body["aspect_ratio"]), JsonHttp.String(body["resolution"]));
        var data = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var png = PngImage.Create(width, height, ChatPlanner.StableHash(prompt + "#" + i.ToString(CultureInfo.InvariantCulture)));
            data.Add(new JsonObject { ["b64_json"] = Convert.ToBase64String(png), ["media_type"] = "image/png", ["revised_prompt"] = prompt });
        }
        var id = state.NextGenerationId();
        var promptTokens = TokenCount.Of(prompt);
        var imageTokens = count * ChatPlanner.ImageTokensPerImage;
        var cost = EmulatorJson.Money((promptTokens * row.PromptPrice) + (imageTokens * Math.Max(row.ImagePrice, row.CompletionPrice)));
        var apiKey = (string)context.Items[HttpItems.ApiKey]!;
        state.Keys.Charge(apiKey, cost);
        state.Generations.Add(apiKey, GenerationRecord.Create(id, state.Time.GetUtcNow(), row.Id, row.ProviderName, "images", "stop", "stop",
            promptTokens, imageTokens, 0, 0, count, cost, streamed: false, cancelled: false));
        context.Response.Headers["X-Generation-Id"] = id;
        await JsonHttp.WriteAsync(context, new JsonObject
        {
            ["id"] = id,
            ["created"] = state.UnixNow,
            ["model"] = row.Id,
            ["data"] = data,
            ["usage"] = new JsonObject
            {
                ["prompt_tokens"] = promptTokens,
                ["completion_tokens"] = imageTokens,
                ["total_tokens"] = promptTokens + imageTokens,
                ["cost"] = cost,
                ["is_byok"] = false,
            },
        }).ConfigureAwait(false);
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
        if (!row.OutputsImage)
        {
            return new EmulatorError(404, "No endpoints found that support the requested output modalities: image");
        }
        if (JsonHttp.String(body["prompt"]) is not { Length: > 0 })
        {
            return EmulatorError.BadRequest("Invalid request parameters: \"prompt\" is required.");
        }
        if (body["n"] is { } n && (n.GetValueKind() != JsonValueKind.Number || JsonHttp.Number(n) is not (>= 1 and <= 10) || JsonHttp.Number(n) % 1 != 0))
        {
            return EmulatorError.BadRequest("Invalid request parameters: \"n\" must be an integer from 1 to 10.");
        }
        if (JsonHttp.String(body["aspect_ratio"]) is { } ratio && !ImageGeometry.IsValidAspectRatio(ratio))
        {
            return EmulatorError.BadRequest($"Invalid request parameters: aspect_ratio \"{ratio}\" is not supported.");
        }
        if (JsonHttp.String(body["resolution"]) is { } resolution && resolution is not ("1K" or "2K" or "4K"))
        {
            return EmulatorError.BadRequest($"Invalid request parameters: resolution must be one of 1K, 2K, 4K (got \"{resolution}\").");
        }
        if (body["input_references"] is { } references && (references is not JsonArray list
            || list.Any(r => JsonHttp.String(r.Prop("image_url").Prop("url")) is not { Length: > 0 })))
        {
            return EmulatorError.BadRequest("Invalid request parameters: input_references must be [{type:\"image_url\", image_url:{url}}].");
        }
        return null;
    }
}
