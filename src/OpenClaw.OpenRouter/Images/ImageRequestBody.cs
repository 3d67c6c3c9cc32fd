using System.Globalization;
using System.Text.Json;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Media;
using OpenClaw.OpenRouter.Shaping;

namespace OpenClaw.OpenRouter.Images;

/// <summary>
/// The body of an image generation through chat completions (provider spec §15.1), written key by key so its order is the
/// spec's: <c>model</c>, <c>messages</c>, <c>modalities</c>, <c>n</c>, <c>image_config</c>.
/// </summary>
internal static class ImageRequestBody
{
    /// <summary>The label of every error of an image generation (provider spec §15.1).</summary>
    public const string Operation = "OpenRouter image generation failed";

    /// <summary>
    /// <c>n</c>: the requested count truncated toward zero and clamped to 1–<see cref="OpenRouterImageModels.MaxCount"/>;
    /// 1 when absent, NaN or infinite.
    /// </summary>
    public static int Count(double? requested)
    {
        if (requested is not { } value || !double.IsFinite(value))
        {
            return 1;
        }
        // Clamped as a double first: a huge value must not overflow the cast.
        return (int)Math.Clamp(Math.Truncate(value), 1, OpenRouterImageModels.MaxCount);
    }

    /// <summary>Whether the model takes <c>image_config</c>: only API ids starting <c>google/gemini-</c>.</summary>
    public static bool TakesImageConfig(string apiModelId) => apiModelId.StartsWith("google/gemini-", StringComparison.Ordinal);

    /// <summary>
    /// Validates the request and returns the wire URLs of its input images.
    /// </summary>
    /// <exception cref="OpenRouterInvalidRequestException">An empty prompt, more than 5 input images, or an input with neither bytes nor a URL.</exception>
    public static IReadOnlyList<string> Validate(OpenRouterImageRequest request, string apiModelId)
    {
        if (string.IsNullOrWhiteSpace(request.Prompt))
        {
            throw new OpenRouterInvalidRequestException("OpenRouter image generation needs a prompt.");
        }
        var inputs = request.InputImages ?? [];
        if (inputs.Count > OpenRouterImageModels.MaxInputImages)
        {
            throw new OpenRouterInvalidRequestException(string.Create(CultureInfo.InvariantCulture,
                $"OpenRouter image model {apiModelId} supports at most {OpenRouterImageModels.MaxInputImages} reference images."));
        }
        var urls = new string[inputs.Count];
        for (var i = 0; i < urls.Length; i++)
        {
            urls[i] = inputs[i]?.ToWireUrl() ?? throw new OpenRouterInvalidRequestException(string.Create(CultureInfo.InvariantCulture,
                $"OpenRouter image generation: input image {i + 1} has neither bytes nor a URL."));
        }
        return urls;
    }

    /// <summary>The UTF-8 JSON body. <paramref name="aspectRatio"/> and <paramref name="resolution"/> are sent (trimmed) only for Gemini ids and only when not blank.</summary>
    public static byte[] Build(string apiModelId, string prompt, int count, string? aspectRatio, string? resolution, IReadOnlyList<string> inputUrls)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WireJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("model", apiModelId);
            writer.WriteStartArray("messages");
            writer.WriteStartObject();
            writer.WriteString("role", "user");
            if (inputUrls.Count == 0)
            {
                writer.WriteString("content", prompt);
            }
            else
            {
                writer.WriteStartArray("content");
                writer.WriteStartObject();
                writer.WriteString("type", "text");
                writer.WriteString("text", prompt);
                writer.WriteEndObject();
                foreach (var url in inputUrls)
                {
                    writer.WriteStartObject();
                    writer.WriteString("type", "image_url");
                    writer.WriteStartObject("image_url");
                    writer.WriteString("url", url);
                    writer.WriteEndObject();
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteStartArray("modalities");
            writer.WriteStringValue("image");
            writer.WriteStringValue("text");
            writer.WriteEndArray();
            writer.WriteNumber("n", count);
            var ratio = NonBlank(aspectRatio);
            var size = NonBlank(resolution);
            if (TakesImageConfig(apiModelId) && (ratio is not null || size is not null))
            {
                // An empty image_config is left out altogether: it would say nothing.
                writer.WriteStartObject("image_config");
                if (ratio is not null)
                {
                    writer.WriteString("aspect_ratio", ratio);
                }
                if (size is not null)
                {
                    writer.WriteString("image_size", size);
                }
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
