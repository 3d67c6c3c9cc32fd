using OpenClaw.OpenRouter.Images;
using OpenClaw.OpenRouter.Media;
using OpenClaw.OpenRouter.Models;

namespace OpenClaw.OpenRouter;

/// <summary>Image generation through chat completions (provider spec §15.1).</summary>
public sealed partial class OpenRouterClient
{
    /// <summary>
    /// Generates (or edits) images: one non-streamed <c>POST {base}/chat/completions</c> with <c>modalities:["image","text"]</c>,
    /// <c>n</c>, and for <c>google/gemini-*</c> models <c>image_config</c>; the answer is parsed from <c>message.images[]</c>,
    /// data URLs in content, and content parts.
    /// </summary>
    /// <exception cref="InvalidOperationException">No API key (<c>OpenRouter API key missing</c>).</exception>
    /// <exception cref="Errors.OpenRouterInvalidRequestException">More than 5 input images; an empty prompt.</exception>
    /// <exception cref="Errors.OpenRouterMalformedResponseException">The answer's shape is wrong, or it has no image.</exception>
    /// <exception cref="Errors.OpenRouterException">HTTP errors (<c>OpenRouter image generation failed (HTTP …): …</c>), a 200 error body, timeouts, refused hosts.</exception>
    /// <remarks>
    /// The request is checked before the key, so a request that could never succeed says why whatever the configuration. The
    /// time limit (<see cref="OpenRouterImageRequest.Timeout"/>, else 180 s) covers the whole call, headers and body; the answer
    /// may be at most <c>n</c> × <see cref="OpenRouterClientOptions.MediaMaxBytes"/> bytes. No retries: every attempt is billed.
    /// </remarks>
    public async Task<OpenRouterImageResult> GenerateImagesAsync(OpenRouterImageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var timeout = request.Timeout ?? OpenRouterImageModels.DefaultTimeout;
        if (timeout <= TimeSpan.Zero && timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(request), timeout, "The image generation timeout must be positive.");
        }
        var apiModelId = ModelIds.ToApiId(ModelIds.ModelIdOfRef(string.IsNullOrWhiteSpace(request.Model) ? OpenRouterImageModels.DefaultModel : request.Model));
        var inputUrls = ImageRequestBody.Validate(request, apiModelId);
        RequireMediaKey();

        var count = ImageRequestBody.Count(request.Count);
        var body = ImageRequestBody.Build(apiModelId, request.Prompt, count, request.AspectRatio, request.Resolution, inputUrls);
        var url = new Uri(_baseUrl + "/chat/completions");
        var response = await _media.SendAsync(new MediaRequest
        {
            Method = HttpMethod.Post,
            Url = url,
            Headers = MediaHeaders(url),
            JsonBody = body,
            Operation = ImageRequestBody.Operation,
            // n images of at most MediaMaxBytes each (saturating: a huge cap must not wrap around).
            MaxBytes = MediaMaxBytes > long.MaxValue / count ? long.MaxValue : MediaMaxBytes * count,
            Timeout = timeout,
        }, cancellationToken).ConfigureAwait(false);
        return ImageResponseParser.Parse(response.Body, apiModelId, response.GenerationId);
    }
}
