using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using OpenClaw.Agent.Media;
using OpenClaw.Cli.Hosting;
using OpenClaw.OpenRouter.Images;

namespace OpenClaw.Cli.Commands.Infer;

/// <summary>
/// <c>infer image generate --prompt &lt;text&gt;</c>: one image generation (or edit, with <c>--input</c>) through the configured
/// image model chain, written to files (CLI spec §7, provider spec §15).
/// </summary>
/// <remarks>
/// Model: <c>--model</c> (exact, no fallbacks), else <c>agents.defaults.imageGenerationModel</c> (or
/// <c>mediaModels.image</c>) primary then fallbacks, else <c>openrouter/google/gemini-3.1-flash-image-preview</c>. Time limit:
/// <c>--timeout-ms</c>, else the configured <c>timeoutMs</c>, else 180 s. Files: <c>--output</c> as given for one image,
/// <c>out/img-1.png</c>, <c>out/img-2.png</c> for several, else the working directory under the images' own names
/// (<c>image-1.png</c>; the next free number when taken). Text mode prints one path per line on stdout; <c>--json</c> prints
/// the <c>image.generate</c> document. <c>--size</c> is accepted but the provider has no size: it is reported in
/// <c>ignoredOverrides</c> (and a warning on stderr in text mode).
/// </remarks>
public static class InferImageGenerateCommand
{
    public static Command Create(CliContext context)
    {
        var prompt = new Option<string>("--prompt") { Description = "What to draw, or how to change the --input images.", Required = true };
        var model = new Option<string>("--model") { Description = "An image model ref or alias for this run only, no fallbacks (default agents.defaults.imageGenerationModel)." };
        var count = new Option<string>("--count") { Description = "How many images, 1-4 (default 1)." };
        var aspectRatio = new Option<string>("--aspect-ratio") { Description = "Aspect ratio: " + string.Join(", ", OpenRouterImageModels.AspectRatios) + " (Gemini image models)." };
        var resolution = new Option<string>("--resolution") { Description = "1K, 2K or 4K (Gemini image models)." };
        var size = new Option<string>("--size") { Description = "WIDTHxHEIGHT: accepted, but OpenRouter image models take no size (reported as ignored)." };
        var input = new Option<string[]>("--input") { Description = "An input image to edit or draw from (PNG, JPEG, WebP, GIF); repeat for several (at most 5)." };
        var output = new Option<string>("--output", "-o") { Description = "The file to write (several images: <name>-1.<ext>, <name>-2.<ext>, …); default: the working directory." };
        var timeoutMs = new Option<string>("--timeout-ms") { Description = "Time limit in milliseconds (default imageGenerationModel.timeoutMs, else 180000)." };
        var local = new Option<bool>("--local") { Description = "Run in this process (always the case here)." };
        var json = CommandBuilder.JsonOption();
        var command = new Command("generate", "Generate images from a prompt and write them to files.")
        {
            prompt, model, count, aspectRatio, resolution, size, input, output, timeoutMs, local, json,
        };
        CommandBuilder.AcceptIgnoredWithValue(command, "--provider");
        CommandBuilder.SetHandler(command, context, json, async run =>
        {
            var text = MediaArguments.Prompt(run.Get(prompt));
            var requestedCount = MediaArguments.Count(run.Get(count), OpenRouterImageModels.MaxCount);
            var ratio = MediaArguments.OneOf("--aspect-ratio", run.Get(aspectRatio), OpenRouterImageModels.AspectRatios);
            var imageSize = MediaArguments.OneOf("--resolution", run.Get(resolution), OpenRouterImageModels.Resolutions);
            var timeout = MediaArguments.TimeoutMs(run.Get(timeoutMs));
            var ignoredSize = run.Get(size) is { } sizeText && !string.IsNullOrWhiteSpace(sizeText) ? sizeText.Trim() : null;
            var state = run.State;
            var settings = MediaSettingsReader.Read(state);
            var inputPaths = run.Get(input) ?? [];
            if (inputPaths.Length > OpenRouterImageModels.MaxInputImages)
            {
                throw new CliException(string.Create(CultureInfo.InvariantCulture,
                    $"Too many --input images: {inputPaths.Length} (at most {OpenRouterImageModels.MaxInputImages})."));
            }
            var reader = MediaSettingsReader.InputReader(state, settings);
            var inputs = inputPaths.Select(path => reader.Read(path)).ToList();
            var outputPath = MediaCommandSupport.OutputPath(state, run.Get(output));
            var key = MediaCommandSupport.RequireKey(state);

            using var client = state.CreateClient(key.Key);
            var service = new ImageGenerationService(client, settings);
            var request = new OpenRouterImageRequest
            {
                Prompt = text,
                Model = run.Get(model),
                Count = requestedCount,
                AspectRatio = ratio,
                Resolution = imageSize,
                InputImages = inputs,
                Timeout = timeout,
            };
            if (ignoredSize is not null && !run.Output.Json)
            {
                run.Output.Note($"Warning: size={ignoredSize} not supported by openrouter, ignored.");
            }

            ImageGenerationOutcome outcome;
            try
            {
                outcome = await service.GenerateAsync(request, MediaCommandSupport.FallbackNote(run), run.CancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (run.CancellationToken.IsCancellationRequested)
            {
                return MediaCommandSupport.Aborted(run);
            }
            if (run.CancellationToken.IsCancellationRequested)
            {
                return MediaCommandSupport.Aborted(run);
            }

            var images = outcome.Result.Images;
            var paths = MediaFileStore.PlanOutputPaths(outputPath, [.. images.Select(image => image.FileName)], run.Context.WorkingDirectory);
            var outputs = new JsonArray();
            for (var index = 0; index < images.Count; index++)
            {
                var image = images[index];
                MediaFileStore.Write(paths[index], image.Data.Span);
                var entry = new JsonObject
                {
                    ["path"] = paths[index],
                    ["mimeType"] = image.MediaType,
                    ["size"] = image.Data.Length,
                };
                if (ImageHeader.TryReadSize(image.Data.Span, out var width, out var height))
                {
                    entry["width"] = width;
                    entry["height"] = height;
                }
                if (!string.IsNullOrWhiteSpace(image.RevisedPrompt))
                {
                    entry["revisedPrompt"] = image.RevisedPrompt;
                }
                outputs.Add((JsonNode)entry);
            }

            if (run.Output.Json)
            {
                var document = MediaCommandSupport.SuccessDocument("image.generate", outcome.Model.ApiId, outcome.FailedAttempts, outputs);
                var ignored = new JsonArray();
                if (ignoredSize is not null)
                {
                    ignored.Add((JsonNode)new JsonObject { ["key"] = "size", ["value"] = ignoredSize });
                }
                document["ignoredOverrides"] = ignored;
                run.Output.WriteJson(document);
                return 0;
            }
            foreach (var path in paths)
            {
                run.Output.Line(path);
            }
            var noun = images.Count == 1 ? "image" : "images";
            run.Output.Note(string.Create(CultureInfo.InvariantCulture,
                $"{outcome.Model.ApiId} · {images.Count} {noun} · {MediaCommandSupport.Cost(outcome.Result.Usage?.Cost)}"));
            return 0;
        });
        return command;
    }
}
