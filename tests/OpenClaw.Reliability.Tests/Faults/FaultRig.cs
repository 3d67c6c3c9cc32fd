using System.Text;
using OpenClaw.OpenRouter;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Emulator;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Images;
using OpenClaw.OpenRouter.Speech;
using OpenClaw.OpenRouter.Transport;
using OpenClaw.OpenRouter.Videos;
using OpenClaw.Reliability.Tests.Support;

namespace OpenClaw.Reliability.Tests.Faults;

/// <summary>
/// Runs one operation of the matrix through <see cref="OpenRouterClient"/> against a fresh in-process emulator with one fault
/// queued on the operation's path, and reports what happened (<see cref="FaultObservation"/>). The client is the library's
/// default one (no retries) with the suite key, a handler (so the media guard is off and the loopback emulator is reachable),
/// a media cap of <see cref="MediaMaxBytes"/>, and short time limits where the fault is about time.
/// </summary>
internal static class FaultRig
{
    /// <summary>The media cap of every matrix client: 1 MiB, so that a 2 MiB <c>oversize</c> is over it.</summary>
    public const long MediaMaxBytes = 1024 * 1024;

    /// <summary>The chat model: answers <c>Echo: &lt;message&gt;</c>.</summary>
    public const string ChatModel = "openrouter/emulator/echo";

    /// <summary>The second model of the fallback and retry runs.</summary>
    public const string FallbackModel = "openrouter/emulator/reasoning";

    public const string Message = "hello matrix";

    /// <summary>The time limit of the time-related cells: headers (slow first byte) or idle (stall) for chat and account reads,
    /// the per-call limit for media.</summary>
    public static readonly TimeSpan ShortLimit = TimeSpan.FromMilliseconds(500);

    /// <summary>The per-call limit of media calls in the time-related cells.</summary>
    public static readonly TimeSpan ShortMediaLimit = TimeSpan.FromSeconds(1);

    /// <summary>The whole-job limit of matrix video runs (see <see cref="RunAsync"/>).</summary>
    public static readonly TimeSpan VideoJobLimit = TimeSpan.FromSeconds(700);

    /// <summary>The path suffix a fault is queued on for <paramref name="operation"/> (the emulator matches by suffix).</summary>
    public static string FaultPath(FaultOperation operation) => operation switch
    {
        FaultOperation.ChatStream or FaultOperation.ChatNonStream or FaultOperation.Image => "/chat/completions",
        FaultOperation.Video => "/videos",
        FaultOperation.Tts => "/audio/speech",
        FaultOperation.Models => "/api/v1/models",
        FaultOperation.Generation => "/generation",
        FaultOperation.Key => "/key",
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
    };

    /// <summary>Whether a journal entry is a request on the operation's faulted path.</summary>
    public static bool OnFaultPath(FaultOperation operation, JournalEntry entry) =>
        operation == FaultOperation.Video
            ? entry.Method == "POST" && entry.Path.EndsWith("/videos", StringComparison.Ordinal)
            : entry.Path.EndsWith(FaultPath(operation), StringComparison.Ordinal);

    /// <summary>Starts an emulator with a foreign origin and the matrix's video pace (one poll in progress, then completed).</summary>
    public static Task<OpenRouterEmulator> StartEmulatorAsync() =>
        OpenRouterEmulator.StartAsync(new EmulatorOptions { ForeignPort = 0, VideoPollsToComplete = 2 }, TestContext.Current.CancellationToken);

    /// <summary>The matrix client options for <paramref name="emulator"/>; <paramref name="time"/> is the clock (video polls skip on a fake one).</summary>
    public static OpenRouterClientOptions Options(OpenRouterEmulator emulator, HttpMessageHandler handler, TimeProvider? time = null, OpenRouterRetryOptions? retry = null) => new()
    {
        ApiKey = SuiteKey.Value,
        BaseUrl = emulator.BaseUrl.AbsoluteUri,
        Attribution = OpenRouterAttribution.OpenClaw,
        Handler = handler,
        CapabilityCatalogUrl = null,
        MediaMaxBytes = MediaMaxBytes,
        TimeProvider = time ?? TimeProvider.System,
        Retry = retry ?? OpenRouterRetryOptions.None,
    };

    /// <summary>Runs <paramref name="cell"/>'s operation with its fault queued once (or as the cell's setup says).</summary>
    /// <param name="cell">The cell.</param>
    /// <param name="retry">Retries to opt in to (default: none, the library's default).</param>
    /// <param name="wrap">Wraps the emulator handler (e.g. to fail a first connection).</param>
    public static async Task<FaultObservation> RunAsync(FaultCell cell, OpenRouterRetryOptions? retry = null, Func<HttpMessageHandler, HttpMessageHandler>? wrap = null)
    {
        await using var emulator = await StartEmulatorAsync();
        using var redirect = new EmulatorRedirectHandler(emulator.Origin, emulator.ForeignOrigin);
        var handler = wrap?.Invoke(redirect) ?? redirect;
        var timed = cell.Fault.IsAboutTime;
        // Video polls (5 s) and retry back-offs (Retry-After: 2) pass at once on a clock that skips such waits. The
        // time-related cells need real time limits (a skipping clock would skip them too), so they keep the system clock.
        TimeProvider time = (cell.Operation == FaultOperation.Video || retry is not null) && !timed ? new SleepSkippingTimeProvider() : TimeProvider.System;
        var started = time.GetUtcNow();
        var options = Options(emulator, handler, time, retry);
        if (cell.Fault.Name == FaultCatalog.SlowFirstByte)
        {
            options.ResponseHeadersTimeout = ShortLimit;
        }
        if (cell.Fault.Name == FaultCatalog.Stall)
        {
            options.StreamIdleTimeout = ShortLimit;
        }
        using var client = new OpenRouterClient(options);
        var token = TestContext.Current.CancellationToken;

        string? generationId = null;
        if (cell.Operation == FaultOperation.Generation)
        {
            // A generation to look up: one ordinary completion first (its request is not on the faulted path).
            generationId = (await client.CompleteChatAsync(ChatRequest(), token)).Id;
        }
        foreach (var (directive, path) in cell.Queue())
        {
            emulator.Faults.Enqueue(directive, path);
        }

        var partial = new StringBuilder();
        string? result = null;
        Exception? error = null;
        var mediaLimit = timed ? ShortMediaLimit : (TimeSpan?)null;
        try
        {
            switch (cell.Operation)
            {
                case FaultOperation.ChatStream:
                    OpenRouterChatResult? completed = null;
                    await foreach (var update in client.StreamChatAsync(ChatRequest(), token))
                    {
                        partial.Append(update.Text);
                        completed ??= update.Completed;
                    }
                    result = Describe(completed!);
                    break;
                case FaultOperation.ChatNonStream:
                    result = Describe(await client.CompleteChatAsync(ChatRequest(), token));
                    break;
                case FaultOperation.Image:
                    var images = await client.GenerateImagesAsync(new OpenRouterImageRequest { Prompt = "A red square", Timeout = mediaLimit }, token);
                    result = $"{images.Images.Count} image(s), {images.Images.Sum(image => image.Data.Length)} bytes";
                    break;
                case FaultOperation.Video:
                    var request = new OpenRouterVideoRequest
                    {
                        Prompt = "A slow pan over a lake",
                        RequestTimeout = mediaLimit ?? OpenRouterVideoModels.DefaultRequestTimeout,
                        // The default 120 polls of 5 s end at 595 s. On the skipping clock the last poll of a 600 s job would get
                        // exactly 5 s of its own limit, skipped like a pause; in real time it has just under 5 s and is
                        // answered in milliseconds. A limit above 600 s keeps every poll's own limit at 60 s.
                        Timeout = VideoJobLimit,
                    };
                    var job = client.GenerateVideoAsync(request, null, token);
                    var video = (await job).Video;
                    result = video.Url is { } url ? $"url-only video {url.AbsolutePath}" : $"video {video.MediaType}, {video.Data.Length} bytes";
                    break;
                case FaultOperation.Tts:
                    var speech = await client.SynthesizeSpeechAsync(new OpenRouterSpeechRequest { Input = "Hello there", Timeout = mediaLimit }, token);
                    result = $"audio {speech.MediaType}, {speech.Audio.Length} bytes";
                    break;
                case FaultOperation.Models:
                    result = $"{(await client.ListModelsAsync(refresh: true, token)).Count} models";
                    break;
                case FaultOperation.Generation:
                    var generation = await client.GetGenerationAsync(generationId!, token);
                    result = $"generation {(generation.Id == generationId ? "found" : generation.Id)}";
                    break;
                case FaultOperation.Key:
                    var key = await client.GetKeyAsync(token);
                    result = $"key info{(key.Label is null ? "" : " " + key.Label)}";
                    break;
            }
        }
        catch (Exception exception) when (exception is OpenRouterException or InvalidOperationException or OperationCanceledException && !token.IsCancellationRequested)
        {
            OutputLedger.Record($"fault matrix {cell.Id}", exception);
            error = exception;
            if (exception is OpenRouterException { PartialResult: { } partialResult } && partial.Length == 0)
            {
                partial.Append(partialResult.Text);
            }
        }
        var journal = emulator.Journal.Entries;
        return new FaultObservation
        {
            Error = error,
            Attempts = journal.Count(entry => OnFaultPath(cell.Operation, entry)),
            PartialText = partial.ToString(),
            Result = result,
            Journal = journal,
            ClockElapsed = time.GetUtcNow() - started,
        };
    }

    public static OpenRouterChatRequest ChatRequest(string model = ChatModel) => new()
    {
        Model = model,
        Messages = [new OpenRouterMessage { Role = OpenRouterRole.User, Text = Message }],
    };

    private static string Describe(OpenRouterChatResult result) =>
        result.StopReason == OpenRouterStopReason.Stop ? $"text \"{result.Text}\"" : $"stop {result.StopReason.Value} \"{result.Text}\" ({result.ErrorMessage})";
}
