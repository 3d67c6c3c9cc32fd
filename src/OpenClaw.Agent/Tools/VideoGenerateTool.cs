using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenClaw.Agent.Media;
using OpenClaw.OpenRouter.Media;
using OpenClaw.OpenRouter.Videos;

namespace OpenClaw.Agent.Tools;

/// <summary>
/// The <c>video_generate</c> tool: runs one video job (submit, poll, download) through the configured video model chain
/// and saves the video under <c>&lt;stateDir&gt;/media/tool-video-generation/</c>. Parameters mirror
/// <c>openclaw infer video generate</c>: <c>prompt</c> (required), <c>model</c>, <c>duration</c>, <c>resolution</c>,
/// <c>aspectRatio</c>, <c>size</c>, <c>audio</c>, <c>seed</c>, <c>images</c> (<c>[{path, role}]</c> with role
/// <c>first_frame</c>, <c>last_frame</c> or <c>reference_image</c>), <c>timeoutMs</c>. The result is JSON text:
/// <c>{"model":"google/veo-3.1-fast","paths":["/abs/…/20261124-101500-1a2b3c4d-video-1.mp4"],"jobId":"…"}</c>; a video over
/// the media cap is not downloaded: <c>"paths":[]</c> and its <c>url</c>.
/// </summary>
/// <remarks>
/// Written as an <see cref="AIFunction"/> subclass (no reflection) so it stays trim- and AOT-safe. Bad arguments throw
/// <see cref="ArgumentException"/>s naming them; provider failures throw with the provider's or the fallback chain's
/// message; a function-invoking client reports them to the model as error results.
/// </remarks>
public sealed class VideoGenerateTool : AIFunction
{
    /// <summary>The tool's name.</summary>
    public const string ToolName = "video_generate";

    private static readonly JsonElement Schema = MediaToolArguments.ParseSchema(
        """
        {"type":"object","properties":{
        "prompt":{"type":"string","description":"What the video shows."},
        "model":{"type":"string","description":"An OpenRouter video model, e.g. openrouter/google/veo-3.1-fast. Omit to use the configured video model and its fallbacks."},
        "duration":{"type":"number","description":"Length in seconds (snapped to what the model supports, e.g. 4, 6 or 8)."},
        "resolution":{"type":"string","enum":["720P","1080P"],"description":"Resolution."},
        "aspectRatio":{"type":"string","enum":["16:9","9:16"],"description":"Aspect ratio."},
        "size":{"type":"string","description":"WIDTHxHEIGHT, e.g. 1280x720."},
        "audio":{"type":"boolean","description":"Whether the video gets a soundtrack."},
        "seed":{"type":"integer","description":"Seed for reproducible results."},
        "images":{"type":"array","maxItems":4,"description":"Input images: the first or last frame, or references.","items":{"type":"object","properties":{
          "path":{"type":"string","description":"Path of a PNG, JPEG, WebP or GIF file."},
          "role":{"type":"string","enum":["first_frame","last_frame","reference_image"]}},"required":["path"],"additionalProperties":false}},
        "timeoutMs":{"type":"integer","minimum":1,"description":"Time limit for the whole job in milliseconds (default: the configured timeoutMs, else 600000)."}
        },"required":["prompt"],"additionalProperties":false}
        """);

    private readonly VideoGenerationService _videos;
    private readonly MediaFileStore _store;
    private readonly MediaInputReader _inputs;

    /// <param name="videos">The generation service (client and configured chain).</param>
    /// <param name="store">Where the video is saved.</param>
    /// <param name="inputs">How input image paths are read (base directory, home, size cap).</param>
    public VideoGenerateTool(VideoGenerationService videos, MediaFileStore store, MediaInputReader inputs)
    {
        ArgumentNullException.ThrowIfNull(videos);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(inputs);
        _videos = videos;
        _store = store;
        _inputs = inputs;
    }

    public override string Name => ToolName;

    public override string Description =>
        "Generate a short video from a text prompt (optionally from first/last frame or reference images) and save it as a file. Takes a minute or more. Returns the saved file path.";

    /// <summary>The parameters' JSON schema (see the class summary).</summary>
    public override JsonElement JsonSchema => Schema;

    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var request = new OpenRouterVideoRequest
        {
            Prompt = MediaToolArguments.RequiredString(arguments, "prompt"),
            Model = MediaToolArguments.String(arguments, "model"),
            DurationSeconds = Duration(MediaToolArguments.Number(arguments, "duration")),
            Resolution = MediaToolArguments.String(arguments, "resolution")?.ToUpperInvariant(),
            AspectRatio = MediaToolArguments.String(arguments, "aspectRatio"),
            Size = MediaToolArguments.String(arguments, "size"),
            GenerateAudio = MediaToolArguments.Boolean(arguments, "audio"),
            Seed = MediaToolArguments.Number(arguments, "seed"),
            Images = InputImages(MediaToolArguments.Images(arguments, "images")),
            Timeout = MediaToolArguments.TimeoutMs(arguments),
        };
        var outcome = await _videos.GenerateAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        var video = outcome.Result.Video;
        var path = video.IsUrlOnly ? null : _store.SaveGenerated(MediaFileStore.ToolVideoFolder, video.FileName, video.Data.Span);
        return Format(outcome, path, _videos.Settings.MaxBytes);
    }

    /// <summary>The result document.</summary>
    internal static string Format(VideoGenerationOutcome outcome, string? path, long maxBytes)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("model", outcome.Model.ApiId);
            writer.WriteStartArray("paths");
            if (path is not null)
            {
                writer.WriteStringValue(path);
            }
            writer.WriteEndArray();
            writer.WriteString("mimeType", outcome.Result.Video.MediaType);
            if (path is null && outcome.Result.Video.Url is { } url)
            {
                writer.WriteString("url", url.AbsoluteUri);
                writer.WriteString("note", $"The video is larger than the media limit ({MediaLimits.Describe(maxBytes)}), so it was not downloaded; it is at url.");
            }
            writer.WriteString("jobId", outcome.Result.JobId);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private List<OpenRouterMediaInput> InputImages(IReadOnlyList<(string Path, string? Role)> images)
    {
        if (images.Count > OpenRouterVideoModels.MaxInputImages)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The images argument lists {images.Count} files; at most {OpenRouterVideoModels.MaxInputImages} input images are allowed."));
        }
        return [.. images.Select(image => _inputs.Read(image.Path, Role(image.Role)))];
    }

    private static OpenRouterMediaRole Role(string? role) => role switch
    {
        null => default,
        "first_frame" => OpenRouterMediaRole.FirstFrame,
        "last_frame" => OpenRouterMediaRole.LastFrame,
        "reference_image" => OpenRouterMediaRole.ReferenceImage,
        _ => throw new ArgumentException($"Unknown image role \"{role}\". Use first_frame, last_frame or reference_image."),
    };

    private static double? Duration(double? seconds) =>
        seconds is null or > 0
            ? seconds
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The duration argument must be a positive number of seconds, got {seconds}."));
}
