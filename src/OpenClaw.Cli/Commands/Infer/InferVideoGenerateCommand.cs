using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using OpenClaw.Agent.Media;
using OpenClaw.Cli.Hosting;
using OpenClaw.OpenRouter.Media;
using OpenClaw.OpenRouter.Videos;

namespace OpenClaw.Cli.Commands.Infer;

/// <summary>
/// <c>infer video generate --prompt &lt;text&gt;</c>: one video job — submit, poll, download — through the configured video
/// model chain, written to a file (CLI spec §7, provider spec §16).
/// </summary>
/// <remarks>
/// Model: <c>--model</c> (exact), else <c>agents.defaults.videoGenerationModel</c> (or <c>mediaModels.video</c>) primary then
/// fallbacks, else <c>openrouter/google/veo-3.1-fast</c>. Time limit: <c>--timeout-ms</c>, else the configured
/// <c>timeoutMs</c>, else 600 s. While the job runs, stderr shows its progress (a live line at a terminal, plain lines
/// otherwise). The file: <c>--output</c> as given, else <c>video-1.mp4</c> (the next free number) in the working directory;
/// a video larger than <c>agents.defaults.mediaMaxMb</c> is not downloaded and its URL is printed instead. Ctrl+C stops the
/// job's polling (<c>Aborted.</c>, exit 130) and writes nothing.
/// </remarks>
public static class InferVideoGenerateCommand
{
    /// <summary>The resolutions the command accepts (provider spec §16).</summary>
    public static IReadOnlyList<string> Resolutions { get; } = ["720P", "1080P"];

    public static Command Create(CliContext context)
    {
        var prompt = new Option<string>("--prompt") { Description = "What the video shows.", Required = true };
        var model = new Option<string>("--model") { Description = "A video model ref or alias for this run only, no fallbacks (default agents.defaults.videoGenerationModel)." };
        var duration = new Option<string>("--duration") { Description = "Seconds (snapped to the model's durations, e.g. 4, 6, 8)." };
        var resolution = new Option<string>("--resolution") { Description = "720P or 1080P." };
        var aspectRatio = new Option<string>("--aspect-ratio") { Description = "16:9 or 9:16." };
        var size = new Option<string>("--size") { Description = "WIDTHxHEIGHT, e.g. 1280x720." };
        var firstFrame = new Option<string>("--first-frame") { Description = "An image to open the video with." };
        var lastFrame = new Option<string>("--last-frame") { Description = "An image to end the video with." };
        var reference = new Option<string[]>("--reference") { Description = "A reference image (style, subject); repeat for several." };
        var audio = new Option<bool>("--audio") { Description = "Generate a soundtrack (--audio false asks for none)." };
        var seed = new Option<string>("--seed") { Description = "An integer seed for reproducible results." };
        var output = new Option<string>("--output", "-o") { Description = "The file to write (default video-1.mp4 in the working directory)." };
        var timeoutMs = new Option<string>("--timeout-ms") { Description = "Time limit for the whole job in milliseconds (default videoGenerationModel.timeoutMs, else 600000)." };
        var local = new Option<bool>("--local") { Description = "Run in this process (always the case here)." };
        var json = CommandBuilder.JsonOption();
        var command = new Command("generate", "Generate a video from a prompt (submit, wait, download) and write it to a file.")
        {
            prompt, model, duration, resolution, aspectRatio, size, firstFrame, lastFrame, reference, audio, seed, output, timeoutMs, local, json,
        };
        CommandBuilder.AcceptIgnoredWithValue(command, "--provider");
        CommandBuilder.SetHandler(command, context, json, async run =>
        {
            var text = MediaArguments.Prompt(run.Get(prompt));
            var seconds = MediaArguments.Duration(run.Get(duration));
            var videoResolution = MediaArguments.OneOf("--resolution", run.Get(resolution), Resolutions);
            var ratio = MediaArguments.AspectRatio(run.Get(aspectRatio));
            var videoSize = MediaArguments.Size(run.Get(size));
            var seedValue = MediaArguments.Seed(run.Get(seed));
            var timeout = MediaArguments.TimeoutMs(run.Get(timeoutMs));
            bool? generateAudio = run.Parse.GetResult(audio) is { Implicit: false } ? run.Get(audio) : null;
            var state = run.State;
            var settings = MediaSettingsReader.Read(state);
            var reader = MediaSettingsReader.InputReader(state, settings);
            var images = new List<OpenRouterMediaInput>();
            if (run.Get(firstFrame) is { } first)
            {
                images.Add(reader.Read(first, OpenRouterMediaRole.FirstFrame));
            }
            if (run.Get(lastFrame) is { } last)
            {
                images.Add(reader.Read(last, OpenRouterMediaRole.LastFrame));
            }
            images.AddRange((run.Get(reference) ?? []).Select(path => reader.Read(path, OpenRouterMediaRole.ReferenceImage)));
            if (images.Count > OpenRouterVideoModels.MaxInputImages)
            {
                throw new CliException(string.Create(CultureInfo.InvariantCulture,
                    $"Too many input images: {images.Count} (at most {OpenRouterVideoModels.MaxInputImages} frames and references)."));
            }
            var outputPath = MediaCommandSupport.OutputPath(state, run.Get(output));
            var key = MediaCommandSupport.RequireKey(state);

            using var client = state.CreateClient(key.Key);
            var service = new VideoGenerationService(client, settings);
            var request = new OpenRouterVideoRequest
            {
                Prompt = text,
                Model = run.Get(model),
                DurationSeconds = seconds,
                Resolution = videoResolution,
                AspectRatio = ratio,
                Size = videoSize,
                GenerateAudio = generateAudio,
                Images = images,
                Seed = seedValue,
                Timeout = timeout,
            };

            VideoGenerationOutcome outcome;
            try
            {
                var live = !run.Output.Json && run.Context.IsInteractive && !Console.IsErrorRedirected ? run.Context.PromptConsole() : null;
                outcome = await VideoProgressDisplay.RunAsync(live, run.Output.Json ? null : run.Output.Error, run.Context.TimeProvider, display =>
                {
                    var fallbackNote = MediaCommandSupport.FallbackNote(run);
                    return service.GenerateAsync(request, display, (attempt, next) =>
                    {
                        display.Restart();
                        fallbackNote(attempt, next);
                    }, run.CancellationToken);
                }).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (run.CancellationToken.IsCancellationRequested)
            {
                return MediaCommandSupport.Aborted(run);
            }
            if (run.CancellationToken.IsCancellationRequested)
            {
                return MediaCommandSupport.Aborted(run);
            }

            var video = outcome.Result.Video;
            var outputs = new JsonArray();
            string? path = null;
            if (video.IsUrlOnly)
            {
                outputs.Add((JsonNode)new JsonObject { ["url"] = video.Url!.AbsoluteUri, ["mimeType"] = video.MediaType });
            }
            else
            {
                path = MediaFileStore.PlanOutputPaths(outputPath, [video.FileName], run.Context.WorkingDirectory)[0];
                MediaFileStore.Write(path, video.Data.Span);
                outputs.Add((JsonNode)new JsonObject { ["path"] = path, ["mimeType"] = video.MediaType, ["size"] = video.Data.Length });
            }

            if (run.Output.Json)
            {
                run.Output.WriteJson(MediaCommandSupport.SuccessDocument("video.generate", outcome.Model.ApiId, outcome.FailedAttempts, outputs));
                return 0;
            }
            if (path is null)
            {
                run.Output.Note($"The video is larger than {MediaLimits.Describe(settings.MaxBytes)} (agents.defaults.mediaMaxMb): not downloaded. Its URL:");
                run.Output.Line(video.Url!.AbsoluteUri);
            }
            else
            {
                run.Output.Line(path);
            }
            run.Output.Note($"{outcome.Model.ApiId} · job {outcome.Result.JobId} · {MediaCommandSupport.Cost(outcome.Result.Cost)}");
            return 0;
        });
        return command;
    }
}
