using System.Globalization;
using System.Text.Json;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Media;
using OpenClaw.OpenRouter.Models;
using OpenClaw.OpenRouter.Shaping;

namespace OpenClaw.OpenRouter.Videos;

/// <summary>
/// The <c>POST {base}/videos</c> body of provider spec §16 and the checks made before it is sent: keys in the spec's order,
/// each only when set; images placed as frames or references; the duration snapped to the model's list.
/// </summary>
internal static class VideoRequestBody
{
    public const string VideoInputMessage = "OpenRouter video generation does not support video reference inputs.";
    public const string ImageWithoutSourceMessage = "OpenRouter video generation requires image references to include a URL or buffer.";
    public const string SeedMessage = "OpenRouter video seed must be an integer";
    public const string PromptMessage = "OpenRouter video generation requires a prompt.";

    /// <summary>The largest integer a JavaScript number holds exactly (<c>Number.MAX_SAFE_INTEGER</c>).</summary>
    private const double MaxSafeInteger = 9_007_199_254_740_991;

    private const string FirstFrame = "first_frame";
    private const string LastFrame = "last_frame";
    private const string ReferenceImage = "reference_image";

    /// <summary>The <c>model</c> on the wire: a ref's <c>openrouter/</c> prefix resolved (§2), the default when none is named.</summary>
    public static string ApiModelId(string? model) =>
        string.IsNullOrWhiteSpace(model) ? OpenRouterVideoModels.DefaultModel : ModelIds.ToApiId(ModelIds.ModelIdOfRef(model));

    /// <summary>
    /// The checks that need no capabilities, made before any request (so a bad request sends nothing at all): a prompt, no
    /// video input, every image with a URL or bytes, a safe-integer seed, a positive finite duration.
    /// </summary>
    /// <exception cref="OpenRouterInvalidRequestException">With the spec's message.</exception>
    public static void Validate(OpenRouterVideoRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Prompt))
        {
            throw new OpenRouterInvalidRequestException(PromptMessage);
        }
        var images = request.Images ?? [];
        if (images.Any(image => image is null))
        {
            throw new OpenRouterInvalidRequestException(ImageWithoutSourceMessage);
        }
        if (images.Any(image => image.IsVideo))
        {
            throw new OpenRouterInvalidRequestException(VideoInputMessage);
        }
        if (images.Any(image => image.ToWireUrl() is null))
        {
            throw new OpenRouterInvalidRequestException(ImageWithoutSourceMessage);
        }
        if (request.Seed is { } seed && !IsSafeInteger(seed))
        {
            throw new OpenRouterInvalidRequestException(SeedMessage);
        }
        if (request.DurationSeconds is { } duration && (!double.IsFinite(duration) || duration <= 0))
        {
            throw new OpenRouterInvalidRequestException(string.Create(CultureInfo.InvariantCulture,
                $"OpenRouter video duration must be a positive number of seconds, got {duration}."));
        }
    }

    /// <summary>The checks against the model's capabilities: resolution, aspect ratio, size, how many images.</summary>
    /// <exception cref="OpenRouterInvalidRequestException">Naming the value and what the model allows.</exception>
    public static void Validate(OpenRouterVideoRequest request, string model, OpenRouterVideoCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(capabilities);
        if (Text(request.Resolution) is { } resolution && capabilities.Resolutions.Count > 0
            && !capabilities.Resolutions.Any(allowed => allowed.ToUpperInvariant() == resolution.ToUpperInvariant()))
        {
            throw Unsupported(model, "resolution", resolution, capabilities.Resolutions);
        }
        if (Text(request.AspectRatio) is { } aspectRatio && capabilities.AspectRatios.Count > 0 && !capabilities.AspectRatios.Contains(aspectRatio))
        {
            throw Unsupported(model, "aspect ratio", aspectRatio, capabilities.AspectRatios);
        }
        if (Text(request.Size) is { } size && capabilities.Sizes.Count > 0 && !capabilities.Sizes.Contains(size))
        {
            throw Unsupported(model, "size", size, capabilities.Sizes);
        }
        var count = request.Images?.Count ?? 0;
        if (count > capabilities.MaxInputImages)
        {
            throw new OpenRouterInvalidRequestException(string.Create(CultureInfo.InvariantCulture,
                $"OpenRouter video model {model} supports at most {capabilities.MaxInputImages} input images, got {count}."));
        }
    }

    /// <summary>
    /// The body: <c>model</c>, <c>prompt</c>, <c>duration</c>, <c>resolution</c> (lower-cased), <c>aspect_ratio</c>, <c>size</c>,
    /// <c>generate_audio</c>, <c>frame_images</c>, <c>input_references</c>, <c>seed</c>, <c>callback_url</c> (trimmed), each only when set.
    /// </summary>
    public static byte[] Write(string model, OpenRouterVideoRequest request, OpenRouterVideoCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(capabilities);
        var (frames, references) = PlaceImages(request.Images ?? []);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WireJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("model", model);
            writer.WriteString("prompt", request.Prompt);
            if (request.DurationSeconds is { } duration)
            {
                writer.WriteNumber("duration", VideoDurations.Snap(duration, capabilities.Durations));
            }
            if (Text(request.Resolution) is { } resolution)
            {
                writer.WriteString("resolution", resolution.ToLowerInvariant());
            }
            if (Text(request.AspectRatio) is { } aspectRatio)
            {
                writer.WriteString("aspect_ratio", aspectRatio);
            }
            if (Text(request.Size) is { } size)
            {
                writer.WriteString("size", size);
            }
            if (request.GenerateAudio is { } audio)
            {
                writer.WriteBoolean("generate_audio", audio);
            }
            if (frames.Count > 0)
            {
                writer.WriteStartArray("frame_images");
                foreach (var (url, frameType) in frames)
                {
                    WriteImagePart(writer, url, frameType);
                }
                writer.WriteEndArray();
            }
            if (references.Count > 0)
            {
                writer.WriteStartArray("input_references");
                foreach (var url in references)
                {
                    WriteImagePart(writer, url, frameType: null);
                }
                writer.WriteEndArray();
            }
            if (request.Seed is { } seed)
            {
                writer.WriteNumber("seed", IsSafeInteger(seed) ? (long)seed : throw new OpenRouterInvalidRequestException(SeedMessage));
            }
            if (Text(request.CallbackUrl) is { } callbackUrl)
            {
                writer.WriteString("callback_url", callbackUrl);
            }
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// Where each image goes, in input order: <c>reference_image</c> → references; <c>first_frame</c>/<c>last_frame</c> → that
    /// frame when it is still free; no (or an unknown) role → the first free frame (first, then last, as the current release
    /// decides: the last frame once a first frame is taken); everything else → references.
    /// </summary>
    public static (IReadOnlyList<(string Url, string FrameType)> Frames, IReadOnlyList<string> References) PlaceImages(IReadOnlyList<OpenRouterMediaInput> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var frames = new List<(string, string)>();
        var references = new List<string>();
        var hasFirst = false;
        var hasLast = false;
        foreach (var image in images)
        {
            var url = image.ToWireUrl() ?? throw new OpenRouterInvalidRequestException(ImageWithoutSourceMessage);
            var role = image.Role.Value;
            if (role == ReferenceImage)
            {
                references.Add(url);
                continue;
            }
            var frameType = role switch
            {
                LastFrame => LastFrame,
                FirstFrame => FirstFrame,
                _ => hasFirst ? LastFrame : FirstFrame,
            };
            if (frameType == FirstFrame && !hasFirst)
            {
                frames.Add((url, FirstFrame));
                hasFirst = true;
            }
            else if (frameType == LastFrame && !hasLast)
            {
                frames.Add((url, LastFrame));
                hasLast = true;
            }
            else
            {
                references.Add(url);
            }
        }
        return (frames, references);
    }

    /// <summary><c>Number.isSafeInteger</c>: finite, whole, and within ±(2^53 − 1).</summary>
    public static bool IsSafeInteger(double value) =>
        double.IsFinite(value) && Math.Floor(value) == value && Math.Abs(value) <= MaxSafeInteger;

    private static void WriteImagePart(Utf8JsonWriter writer, string url, string? frameType)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "image_url");
        writer.WriteStartObject("image_url");
        writer.WriteString("url", url);
        writer.WriteEndObject();
        if (frameType is not null)
        {
            writer.WriteString("frame_type", frameType);
        }
        writer.WriteEndObject();
    }

    private static OpenRouterInvalidRequestException Unsupported(string model, string what, string value, IReadOnlyList<string> allowed) =>
        new($"OpenRouter video model {model} does not support {what} {value}; supported: {string.Join(", ", allowed)}.");

    /// <summary>A trimmed value, or <see langword="null"/> when blank.</summary>
    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
