using OpenClaw.OpenRouter.Images;

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
    public Task<OpenRouterImageResult> GenerateImagesAsync(OpenRouterImageRequest request, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
