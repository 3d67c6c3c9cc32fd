using OpenClaw.Agent.Media;
using OpenClaw.Core.Config;
using OpenClaw.OpenRouter.Emulator;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Videos;

namespace OpenClaw.Agent.Tests.Media;

/// <summary>The video service against the emulator: the job, its progress, the model chain and an oversize video.</summary>
/// <remarks>
/// On the local route: the emulator names its own origin in <c>polling_url</c> and <c>unsigned_urls</c>, which on the
/// redirected canonical route would be another origin (and rightly get no credentials).
/// </remarks>
public sealed class VideoGenerationServiceTests
{
    private static OpenRouterVideoRequest Prompt(string text = "A slow pan over a lake") => new() { Prompt = text };

    /// <summary>Collects progress reports synchronously, in order.</summary>
    private sealed class Reports : IProgress<OpenRouterVideoProgress>
    {
        public List<OpenRouterVideoProgress> Items { get; } = [];

        public void Report(OpenRouterVideoProgress value)
        {
            lock (Items)
            {
                Items.Add(value);
            }
        }
    }

    [Fact]
    public async Task Without_configuration_the_default_model_films_and_reports_its_polls()
    {
        await using var harness = await MediaHarness.StartAsync(Support.Route.Local);
        using var client = harness.Client();
        var service = new VideoGenerationService(client, harness.Settings());
        var reports = new Reports();

        var outcome = await service.GenerateAsync(Prompt() with { DurationSeconds = 5, Resolution = "1080P", AspectRatio = "9:16", GenerateAudio = true },
            reports, cancellationToken: MediaHarness.Token);

        Assert.Equal("google/veo-3.1-fast", outcome.Model.ApiId);
        Assert.Empty(outcome.FailedAttempts);
        Assert.Equal("video/mp4", outcome.Result.Video.MediaType);
        Assert.Equal("video-1.mp4", outcome.Result.Video.FileName);
        Assert.True(outcome.Result.Video.Data.Span[4..8].SequenceEqual("ftyp"u8));
        Assert.Equal(2, outcome.Result.Polls);
        Assert.Equal(
            """{"model":"google/veo-3.1-fast","prompt":"A slow pan over a lake","duration":6,"resolution":"1080p","aspect_ratio":"9:16","generate_audio":true}""",
            Assert.Single(harness.VideoSubmits).ToJsonString());
        var polls = reports.Items.Where(report => report.Polls > 0).Select(report => (report.Polls, report.Status?.Value, report.Elapsed)).Distinct().ToList();
        Assert.Equal([(1, "in_progress", TimeSpan.Zero), (2, "completed", TimeSpan.FromSeconds(5))], polls);
        Assert.Equal(OpenRouterVideoPhase.Done, reports.Items[^1].Phase);
        var submit = harness.Requests("/videos").Single(entry => entry.Method == "POST");
        Assert.Equal("Bearer " + ApiKeyRegistry.DefaultKey, submit.Header("Authorization"));
        Assert.Equal("https://openclaw.ai", submit.Header("HTTP-Referer"));
        Assert.Equal("OpenClaw", submit.Header("X-OpenRouter-Title"));
    }

    [Fact]
    public async Task A_failed_job_falls_back_to_the_next_video_model()
    {
        await using var harness = await MediaHarness.StartAsync(Support.Route.Local);
        await harness.AddSecondVideoModelAsync();
        harness.Emulator.Faults.Enqueue("video-failed; error=Content policy violation", "/videos", "google/veo-3.1-fast");
        using var client = harness.Client();
        var configured = new ModelSelection("openrouter/google/veo-3.1-fast", ["openrouter/google/veo-3.1"], 300_000);
        var service = new VideoGenerationService(client, harness.Settings(video: configured));

        var outcome = await service.GenerateAsync(Prompt(), cancellationToken: MediaHarness.Token);

        Assert.Equal("google/veo-3.1", outcome.Model.ApiId);
        var failed = Assert.Single(outcome.FailedAttempts);
        Assert.Equal("openrouter/google/veo-3.1-fast", failed.ModelRef);
        Assert.Equal("Content policy violation", failed.Message);
        Assert.Equal(["google/veo-3.1-fast", "google/veo-3.1"], harness.VideoSubmits.Select(body => (string?)body["model"]));
    }

    [Fact]
    public async Task When_every_video_model_fails_the_message_lists_them_all()
    {
        await using var harness = await MediaHarness.StartAsync(Support.Route.Local);
        await harness.AddSecondVideoModelAsync();
        harness.Emulator.Faults.Enqueue("video-failed; error=Content policy violation", "/videos", times: 2);
        using var client = harness.Client();
        var configured = new ModelSelection("openrouter/google/veo-3.1-fast", ["openrouter/google/veo-3.1"], null);
        var service = new VideoGenerationService(client, harness.Settings(video: configured));

        var error = await Assert.ThrowsAsync<MediaGenerationFailedException>(() => service.GenerateAsync(Prompt(), cancellationToken: MediaHarness.Token));

        Assert.Equal(
            "All video models failed (2): openrouter/google/veo-3.1-fast: Content policy violation | openrouter/google/veo-3.1: Content policy violation",
            error.Message);
    }

    [Fact]
    public async Task A_single_candidate_fails_with_its_own_message()
    {
        await using var harness = await MediaHarness.StartAsync(Support.Route.Local);
        harness.Emulator.Faults.Enqueue("video-expired", "/videos");
        using var client = harness.Client();
        var service = new VideoGenerationService(client, harness.Settings());

        var error = await Assert.ThrowsAsync<OpenRouterVideoJobException>(() => service.GenerateAsync(Prompt(), cancellationToken: MediaHarness.Token));

        Assert.Equal("Video generation job expired", error.Message);
    }

    [Fact]
    public async Task A_video_over_the_cap_comes_back_as_its_url()
    {
        await using var harness = await MediaHarness.StartAsync(Support.Route.Local);
        harness.Emulator.Faults.Enqueue("oversize; bytes=4096", "/videos");
        using var client = harness.Client(mediaMaxBytes: 1024);
        var service = new VideoGenerationService(client, harness.Settings(maxBytes: 1024));

        var outcome = await service.GenerateAsync(Prompt(), cancellationToken: MediaHarness.Token);

        Assert.True(outcome.Result.Video.IsUrlOnly);
        // The emulator's unsigned URL names its own origin; over the cap it is handed back instead of downloaded.
        Assert.StartsWith(harness.Emulator.BaseUrl.AbsoluteUri + "/videos/", outcome.Result.Video.Url!.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_stops_the_job()
    {
        await using var harness = await MediaHarness.StartAsync(Support.Route.Local);
        harness.Emulator.Faults.Enqueue("video-never-finishes", "/videos");
        using var client = harness.Client();
        var service = new VideoGenerationService(client, harness.Settings());
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(MediaHarness.Token);
        var reports = new Reports();
        var progress = new CancelAfterPolls(reports, 3, cancellation);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => service.GenerateAsync(Prompt(), progress, cancellationToken: cancellation.Token));

        Assert.Single(harness.VideoSubmits);
    }

    private sealed class CancelAfterPolls(Reports inner, int polls, CancellationTokenSource cancellation) : IProgress<OpenRouterVideoProgress>
    {
        public void Report(OpenRouterVideoProgress value)
        {
            inner.Report(value);
            if (value.Polls >= polls)
            {
                cancellation.Cancel();
            }
        }
    }
}
