using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenClaw.Agent.Media;
using OpenClaw.OpenRouter.Images;
using OpenClaw.OpenRouter.Media;

namespace OpenClaw.Agent.Tools;

/// <summary>
/// The <c>image_generate</c> tool: generates images (or edits input images) through the configured image model chain and
/// saves them under <c>&lt;stateDir&gt;/media/tool-image-generation/</c>. Parameters mirror
/// <c>openclaw infer image generate</c>: <c>prompt</c> (required), <c>model</c>, <c>aspectRatio</c>, <c>resolution</c>,
/// <c>count</c>, <c>images</c> (input file paths), <c>timeoutMs</c>. The result is JSON text:
/// <c>{"model":"google/gemini-3.1-flash-image-preview","paths":["/abs/…/20261124-101500-1a2b3c4d-image-1.png"]}</c>, plus
/// <c>revisedPrompt</c> and <c>text</c> when the model gave them.
/// </summary>
/// <remarks>
/// Written as an <see cref="AIFunction"/> subclass (no reflection) so it stays trim- and AOT-safe. Bad arguments throw
/// <see cref="ArgumentException"/>s naming them, unreadable input files and provider failures throw with the provider's or
/// the fallback chain's message; a function-invoking client reports them to the model as error results.
/// </remarks>
public sealed class ImageGenerateTool : AIFunction
{
    /// <summary>The tool's name.</summary>
    public const string ToolName = "image_generate";

    private static readonly JsonElement Schema = MediaToolArguments.ParseSchema(
        """
        {"type":"object","properties":{
        "prompt":{"type":"string","description":"What to draw, or how to change the input images."},
        "model":{"type":"string","description":"An OpenRouter image model, e.g. openrouter/google/gemini-3.1-flash-image-preview. Omit to use the configured image model and its fallbacks."},
        "aspectRatio":{"type":"string","enum":["1:1","2:3","3:2","3:4","4:3","4:5","5:4","9:16","16:9","21:9"],"description":"Aspect ratio (Gemini image models)."},
        "resolution":{"type":"string","enum":["1K","2K","4K"],"description":"Resolution (Gemini image models)."},
        "count":{"type":"integer","minimum":1,"maximum":4,"description":"How many images (1-4, default 1)."},
        "images":{"type":"array","items":{"type":"string"},"maxItems":5,"description":"Paths of input images (PNG, JPEG, WebP, GIF) to edit or draw from."},
        "timeoutMs":{"type":"integer","minimum":1,"description":"Time limit in milliseconds (default: the configured timeoutMs, else 180000)."}
        },"required":["prompt"],"additionalProperties":false}
        """);

    private readonly ImageGenerationService _images;
    private readonly MediaFileStore _store;
    private readonly MediaInputReader _inputs;

    /// <param name="images">The generation service (client and configured chain).</param>
    /// <param name="store">Where the images are saved.</param>
    /// <param name="inputs">How input image paths are read (base directory, home, size cap).</param>
    public ImageGenerateTool(ImageGenerationService images, MediaFileStore store, MediaInputReader inputs)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(inputs);
        _images = images;
        _store = store;
        _inputs = inputs;
    }

    public override string Name => ToolName;

    public override string Description =>
        "Generate images from a text prompt, or edit input images, and save them as PNG/JPEG/WebP files. Returns the saved file paths.";

    /// <summary>The parameters' JSON schema (see the class summary).</summary>
    public override JsonElement JsonSchema => Schema;

    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var request = new OpenRouterImageRequest
        {
            Prompt = MediaToolArguments.RequiredString(arguments, "prompt"),
            Model = MediaToolArguments.String(arguments, "model"),
            AspectRatio = AspectRatio(MediaToolArguments.String(arguments, "aspectRatio")),
            Resolution = Resolution(MediaToolArguments.String(arguments, "resolution")),
            Count = Count(MediaToolArguments.Number(arguments, "count")),
            InputImages = InputImages(MediaToolArguments.Images(arguments, "images")),
            Timeout = MediaToolArguments.TimeoutMs(arguments),
        };
        var outcome = await _images.GenerateAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        var paths = outcome.Result.Images.Select(image => _store.SaveGenerated(MediaFileStore.ToolImageFolder, image.FileName, image.Data.Span)).ToList();
        return Format(outcome, paths);
    }

    /// <summary>The result document.</summary>
    internal static string Format(ImageGenerationOutcome outcome, IReadOnlyList<string> paths)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("model", outcome.Model.ApiId);
            writer.WriteStartArray("paths");
            foreach (var path in paths)
            {
                writer.WriteStringValue(path);
            }
            writer.WriteEndArray();
            if (outcome.Result.Images.Select(image => image.RevisedPrompt).FirstOrDefault(prompt => !string.IsNullOrWhiteSpace(prompt)) is { } revised)
            {
                writer.WriteString("revisedPrompt", revised);
            }
            if (!string.IsNullOrWhiteSpace(outcome.Result.Text))
            {
                writer.WriteString("text", outcome.Result.Text);
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private List<OpenRouterMediaInput> InputImages(IReadOnlyList<(string Path, string? Role)> images)
    {
        if (images.Count > OpenRouterImageModels.MaxInputImages)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The images argument lists {images.Count} files; at most {OpenRouterImageModels.MaxInputImages} input images are allowed."));
        }
        return [.. images.Select(image => _inputs.Read(image.Path))];
    }

    private static double? Count(double? count) => count switch
    {
        null => null,
        >= 1 and <= OpenRouterImageModels.MaxCount when count == Math.Floor(count.Value) => count,
        _ => throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The count argument must be a whole number from 1 to {OpenRouterImageModels.MaxCount}, got {count}.")),
    };

    private static string? AspectRatio(string? ratio) =>
        ratio is null || OpenRouterImageModels.AspectRatios.Contains(ratio)
            ? ratio
            : throw new ArgumentException($"Unknown aspectRatio \"{ratio}\". Use one of: {string.Join(", ", OpenRouterImageModels.AspectRatios)}.");

    private static string? Resolution(string? resolution) =>
        resolution is null ? null
        : OpenRouterImageModels.Resolutions.FirstOrDefault(known => known.Equals(resolution, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Unknown resolution \"{resolution}\". Use one of: {string.Join(", ", OpenRouterImageModels.Resolutions)}.");
}
