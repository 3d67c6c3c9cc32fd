using System.Text;
using OpenClaw.OpenRouter.Emulator;
using OpenClaw.OpenRouter.Media;
using OpenClaw.OpenRouter.Tests.Support;
using OpenClaw.OpenRouter.Videos;

namespace OpenClaw.OpenRouter.Tests.Videos;

/// <summary>A video job against the emulator: the wire (body, headers, URLs) and the result (provider spec §16).</summary>
public sealed class VideoGenerationTests
{
    [Fact]
    public async Task Spec_example_sends_exactly_the_specs_body()
    {
        await using var rig = await VideoRig.StartAsync();

        await rig.RunAsync(VideoRig.SpecExample);

        var submit = Assert.Single(rig.Submits);
        Assert.Equal(
            """{"model":"google/veo-3.1-fast","prompt":"A slow pan over a lake","duration":6,"resolution":"1080p","aspect_ratio":"9:16","generate_audio":true}""",
            submit.BodyText);
    }

    [Fact]
    public async Task Spec_example_runs_model_list_submit_two_polls_and_the_download_in_that_order()
    {
        await using var rig = await VideoRig.StartAsync();

        var result = await rig.RunAsync(VideoRig.SpecExample);

        var id = result.JobId;
        var calls = rig.Emulator.Journal.Entries.Select(entry => $"{entry.Method} {entry.Path}{entry.Query}");
        Assert.Equal(
        [
            "GET /api/v1/videos/models",
            "POST /api/v1/videos",
            $"GET /api/v1/videos/{id}",
            $"GET /api/v1/videos/{id}",
            $"GET /api/v1/videos/{id}/content?index=0",
        ], calls);
    }

    [Fact]
    public async Task Spec_example_returns_the_mp4_with_the_jobs_details_and_cost()
    {
        await using var rig = await VideoRig.StartAsync();

        var result = await rig.RunAsync(VideoRig.SpecExample);

        Assert.StartsWith("job-emu", result.JobId, StringComparison.Ordinal);
        Assert.Equal(VideoRig.Veo, result.Model);
        Assert.Equal(OpenRouterVideoStatus.Completed, result.Status);
        Assert.StartsWith("gen-", result.GenerationId, StringComparison.Ordinal);
        Assert.Equal(1.5m, result.Cost); // 6 s with audio at $0.25/s
        Assert.False(result.IsByok);
        Assert.Equal(2, result.Polls);
        Assert.Equal("video/mp4", result.Video.MediaType);
        Assert.Equal("video-1.mp4", result.Video.FileName);
        Assert.False(result.Video.IsUrlOnly);
        Assert.Null(result.Video.Url);
        Assert.Equal("ftyp", Encoding.ASCII.GetString(result.Video.Data.Span.Slice(4, 4)));
    }

    [Fact]
    public async Task The_job_is_billed_once_under_its_generation_id()
    {
        await using var rig = await VideoRig.StartAsync();

        var result = await rig.RunAsync(VideoRig.SpecExample);

        var generation = await rig.Client.GetGenerationAsync(result.GenerationId!, TestContext.Current.CancellationToken);
        Assert.Equal(1.5m, generation.TotalCost);
    }

    [Fact]
    public async Task A_request_without_options_sends_only_model_and_prompt()
    {
        await using var rig = await VideoRig.StartAsync();

        await rig.RunAsync(new OpenRouterVideoRequest { Prompt = "Rain on a tin roof" });

        Assert.Equal("""{"model":"google/veo-3.1-fast","prompt":"Rain on a tin roof"}""", Assert.Single(rig.Submits).BodyText);
    }

    [Fact]
    public async Task Every_field_goes_out_in_the_specs_order()
    {
        await using var rig = await VideoRig.StartAsync(configure: options => options.MediaMaxBytes = 16L * 1024 * 1024);
        var request = new OpenRouterVideoRequest
        {
            Prompt = "A kite",
            Model = "google/veo-3.1-fast",
            DurationSeconds = 8,
            Resolution = " 720P ",
            AspectRatio = "16:9",
            Size = "1280x720",
            GenerateAudio = false,
            Images =
            [
                OpenRouterMediaInput.FromBytes(new byte[] { 1, 2, 3 }),
                OpenRouterMediaInput.FromUrl("https://example.com/end.png", OpenRouterMediaRole.LastFrame),
            ],
            Seed = 42,
            CallbackUrl = "  https://hooks.example.com/video  ",
        };

        await rig.RunAsync(request);

        Assert.Equal(
            """
            {"model":"google/veo-3.1-fast","prompt":"A kite","duration":8,"resolution":"720p","aspect_ratio":"16:9","size":"1280x720","generate_audio":false,
            "frame_images":[{"type":"image_url","image_url":{"url":"data:image/png;base64,AQID"},"frame_type":"first_frame"},
            {"type":"image_url","image_url":{"url":"https://example.com/end.png"},"frame_type":"last_frame"}],
            "seed":42,"callback_url":"https://hooks.example.com/video"}
            """.ReplaceLineEndings(""),
            Assert.Single(rig.Submits).BodyText);
    }

    [Fact]
    public async Task A_reference_image_goes_to_input_references()
    {
        await using var rig = await VideoRig.StartAsync();
        var request = new OpenRouterVideoRequest
        {
            Prompt = "In this style",
            Images =
            [
                OpenRouterMediaInput.FromBytes(new byte[] { 0xFF, 0xD8 }, "image/jpeg", OpenRouterMediaRole.ReferenceImage),
                OpenRouterMediaInput.FromUrl("https://example.com/start.png"),
            ],
        };

        await rig.RunAsync(request);

        Assert.Equal(
            """
            {"model":"google/veo-3.1-fast","prompt":"In this style",
            "frame_images":[{"type":"image_url","image_url":{"url":"https://example.com/start.png"},"frame_type":"first_frame"}],
            "input_references":[{"type":"image_url","image_url":{"url":"data:image/jpeg;base64,/9g="}}]}
            """.ReplaceLineEndings(""),
            Assert.Single(rig.Submits).BodyText);
    }

    [Fact]
    public async Task A_negative_seed_and_a_large_safe_seed_are_sent_as_integers()
    {
        await using var rig = await VideoRig.StartAsync();

        await rig.RunAsync(new OpenRouterVideoRequest { Prompt = "Waves", Seed = -7 });
        await rig.RunAsync(new OpenRouterVideoRequest { Prompt = "Waves", Seed = 9_007_199_254_740_991 });

        Assert.Equal(
        [
            """{"model":"google/veo-3.1-fast","prompt":"Waves","seed":-7}""",
            """{"model":"google/veo-3.1-fast","prompt":"Waves","seed":9007199254740991}""",
        ], rig.Submits.Select(entry => entry.BodyText));
    }

    [Fact]
    public async Task A_blank_callback_url_is_not_sent()
    {
        await using var rig = await VideoRig.StartAsync();

        await rig.RunAsync(new OpenRouterVideoRequest { Prompt = "Waves", CallbackUrl = "   " });

        Assert.Equal("""{"model":"google/veo-3.1-fast","prompt":"Waves"}""", Assert.Single(rig.Submits).BodyText);
    }

    // ---- headers ----

    [Theory]
    [InlineData(TestRoute.Canonical)]
    [InlineData(TestRoute.OtherOpenRouterHost)]
    [InlineData(TestRoute.Custom)]
    [InlineData(TestRoute.Local)]
    public async Task Submit_polls_download_and_model_list_carry_the_request_headers_on_every_route(TestRoute route)
    {
        await using var rig = await VideoRig.StartAsync(route);

        await rig.RunAsync(VideoRig.SpecExample);

        Assert.Equal(VideoRig.ExpectedHeaders(route, submit: true), VideoRig.ClientHeaders(Assert.Single(rig.Submits)));
        var gets = rig.ModelLists.Concat(rig.Polls).Concat(rig.Downloads).ToList();
        Assert.Equal(4, gets.Count);
        Assert.All(gets, entry => Assert.Equal(VideoRig.ExpectedHeaders(route, submit: false), VideoRig.ClientHeaders(entry)));
    }

    [Fact]
    public async Task On_the_canonical_route_every_call_stays_on_openrouter_ai()
    {
        await using var rig = await VideoRig.StartAsync(TestRoute.Canonical);

        var result = await rig.RunAsync(VideoRig.SpecExample);

        Assert.Equal(
        [
            "GET https://openrouter.ai/api/v1/videos/models",
            "POST https://openrouter.ai/api/v1/videos",
            $"GET https://openrouter.ai/api/v1/videos/{result.JobId}",
            $"GET https://openrouter.ai/api/v1/videos/{result.JobId}",
            $"GET https://openrouter.ai/api/v1/videos/{result.JobId}/content?index=0",
        ], rig.Handler.Sent.Select(sent => $"{sent.Method} {sent.Url}"));
    }

    [Fact]
    public async Task Configured_headers_go_with_same_origin_calls()
    {
        await using var rig = await VideoRig.StartAsync(TestRoute.Canonical, configure: options => options.Headers["X-Team"] = "video");

        await rig.RunAsync(VideoRig.SpecExample);

        Assert.All(rig.Emulator.Journal.Entries, entry => Assert.Equal("video", entry.Header("X-Team")));
    }

    [Fact]
    public async Task A_download_on_another_origin_carries_no_header_at_all()
    {
        await using var rig = await VideoRig.StartAsync(TestRoute.Canonical, configure: options => options.Headers["X-Team"] = "video");
        rig.Emulator.Faults.Enqueue(FaultNames.VideoForeignUrls, "/videos");

        var result = await rig.RunAsync(VideoRig.SpecExample);

        var download = Assert.Single(rig.Downloads);
        Assert.Equal(rig.Emulator.ForeignOrigin!.GetLeftPart(UriPartial.Authority), download.Origin);
        Assert.Equal($"/media/videos/{result.JobId}/0.mp4", download.Path);
        Assert.Null(download.Header("Authorization"));
        Assert.Null(download.Header("HTTP-Referer"));
        Assert.Null(download.Header("X-OpenRouter-Title"));
        Assert.Null(download.Header("X-OpenRouter-Categories"));
        Assert.Empty(VideoRig.ClientHeaders(download));
        Assert.All(rig.Polls, poll => Assert.Equal(
            new Dictionary<string, string>(VideoRig.ExpectedHeaders(TestRoute.Canonical, submit: false)) { ["X-Team"] = "video" },
            VideoRig.ClientHeaders(poll)));
        Assert.Equal("ftyp", Encoding.ASCII.GetString(result.Video.Data.Span.Slice(4, 4)));
    }

    // ---- URLs ----

    [Fact]
    public async Task A_relative_polling_url_stays_on_the_configured_origin()
    {
        await using var rig = await VideoRig.StartAsync(TestRoute.Canonical);
        rig.Emulator.Faults.Enqueue(FaultNames.VideoRelativePollingUrl, "/videos");

        var result = await rig.RunAsync(VideoRig.SpecExample);

        var polls = rig.Handler.Sent.Where(sent => sent.Url.AbsolutePath == $"/api/v1/videos/{result.JobId}").ToList();
        Assert.Equal(2, polls.Count);
        Assert.All(polls, poll => Assert.Equal($"https://openrouter.ai/api/v1/videos/{result.JobId}", poll.Url.ToString()));
        Assert.All(rig.Polls, poll => Assert.Equal(VideoRig.ExpectedHeaders(TestRoute.Canonical, submit: false), VideoRig.ClientHeaders(poll)));
    }

    [Fact]
    public async Task A_relative_polling_url_resolves_against_a_custom_base()
    {
        await using var rig = await VideoRig.StartAsync(TestRoute.Local);
        rig.Emulator.Faults.Enqueue(FaultNames.VideoRelativePollingUrl, "/videos");

        var result = await rig.RunAsync(VideoRig.SpecExample);

        Assert.Equal(2, rig.Polls.Count);
        Assert.Equal(2, result.Polls);
    }

    [Fact]
    public async Task Without_unsigned_urls_the_content_endpoint_of_the_base_is_downloaded_with_the_headers()
    {
        await using var rig = await VideoRig.StartAsync(TestRoute.Canonical);
        rig.Emulator.Faults.Enqueue(FaultNames.VideoNoUnsignedUrls, "/videos");

        var result = await rig.RunAsync(VideoRig.SpecExample);

        Assert.Equal($"https://openrouter.ai/api/v1/videos/{result.JobId}/content?index=0", rig.Handler.Sent[^1].Url.ToString());
        var download = Assert.Single(rig.Downloads);
        Assert.Equal("?index=0", download.Query);
        Assert.Equal(VideoRig.ExpectedHeaders(TestRoute.Canonical, submit: false), VideoRig.ClientHeaders(download));
        Assert.False(result.Video.IsUrlOnly);
    }

    [Fact]
    public async Task A_job_completed_on_submit_is_downloaded_without_polling()
    {
        await using var rig = await VideoRig.StartAsync();
        rig.Emulator.Faults.Enqueue(FaultNames.VideoCompletedOnSubmit, "/videos");

        var result = await rig.RunAsync(VideoRig.SpecExample);

        Assert.Equal(0, result.Polls);
        Assert.Empty(rig.Polls);
        Assert.Single(rig.Downloads);
        Assert.Equal(TimeSpan.Zero, rig.Clock.Moved);
        Assert.Equal(1.5m, result.Cost);
    }

    // ---- the download ----

    [Fact]
    public async Task A_webm_video_is_named_webm()
    {
        await using var rig = await VideoRig.StartAsync();
        rig.Emulator.Faults.Enqueue(FaultNames.VideoWebM, "/videos");

        var result = await rig.RunAsync(VideoRig.SpecExample);

        Assert.Equal("video/webm", result.Video.MediaType);
        Assert.Equal("video-1.webm", result.Video.FileName);
        Assert.Equal(new byte[] { 0x1A, 0x45, 0xDF, 0xA3 }, result.Video.Data[..4].ToArray());
        Assert.EndsWith("/content", Assert.Single(rig.Downloads).Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_video_over_the_media_cap_with_an_unsigned_url_comes_back_as_its_url()
    {
        await using var rig = await VideoRig.StartAsync(configure: options => options.MediaMaxBytes = 100_000);
        rig.Emulator.Faults.Enqueue("oversize; bytes=300000", "/videos");

        var result = await rig.RunAsync(VideoRig.SpecExample);

        Assert.True(result.Video.IsUrlOnly);
        Assert.True(result.Video.Data.IsEmpty);
        Assert.Equal(new Uri($"{rig.Emulator.BaseUrl}/videos/{result.JobId}/content?index=0"), result.Video.Url);
        Assert.Equal("video/mp4", result.Video.MediaType);
        Assert.Equal("video-1.mp4", result.Video.FileName);
    }

    [Fact]
    public async Task A_foreign_video_over_the_media_cap_comes_back_as_its_foreign_url()
    {
        await using var rig = await VideoRig.StartAsync(configure: options => options.MediaMaxBytes = 100_000);
        rig.Handler.OnSending = request =>
        {
            if (request.Method == HttpMethod.Post)
            {
                request.Headers.Add("X-Emulator-Fault", $"{FaultNames.VideoForeignUrls}, oversize; bytes=300000");
            }
        };

        var result = await rig.RunAsync(VideoRig.SpecExample);

        Assert.True(result.Video.IsUrlOnly);
        Assert.Equal(new Uri(rig.Emulator.ForeignOrigin!, $"/media/videos/{result.JobId}/0.mp4"), result.Video.Url);
    }

    [Fact]
    public async Task A_video_just_under_the_cap_is_downloaded_whole()
    {
        await using var rig = await VideoRig.StartAsync(configure: options => options.MediaMaxBytes = 300_000);
        rig.Emulator.Faults.Enqueue("oversize; bytes=300000", "/videos");

        var result = await rig.RunAsync(VideoRig.SpecExample);

        Assert.False(result.Video.IsUrlOnly);
        Assert.Equal(300_000, result.Video.Data.Length);
    }

    [Fact]
    public async Task Progress_is_reported_at_each_phase_and_after_each_poll()
    {
        await using var rig = await VideoRig.StartAsync(pollsToComplete: 3);
        var progress = new ProgressLog();

        var result = await rig.RunAsync(VideoRig.SpecExample, progress);

        var five = TimeSpan.FromSeconds(5);
        Assert.Equal(
        [
            (OpenRouterVideoPhase.Submitting, (string?)null, (string?)null, 0, TimeSpan.Zero),
            (OpenRouterVideoPhase.Polling, result.JobId, "pending", 0, TimeSpan.Zero),
            (OpenRouterVideoPhase.Polling, result.JobId, "in_progress", 1, TimeSpan.Zero),
            (OpenRouterVideoPhase.Polling, result.JobId, "in_progress", 2, five),
            (OpenRouterVideoPhase.Polling, result.JobId, "completed", 3, five * 2),
            (OpenRouterVideoPhase.Downloading, result.JobId, "completed", 3, five * 2),
            (OpenRouterVideoPhase.Done, result.JobId, "completed", 3, five * 2),
        ], progress.Reports.Select(report => (report.Phase, report.JobId, report.Status?.Value, report.Polls, report.Elapsed)));
    }

    [Fact]
    public async Task Progress_of_a_job_completed_on_submit_skips_polling()
    {
        await using var rig = await VideoRig.StartAsync();
        rig.Emulator.Faults.Enqueue(FaultNames.VideoCompletedOnSubmit, "/videos");
        var progress = new ProgressLog();

        await rig.RunAsync(VideoRig.SpecExample, progress);

        Assert.Equal([OpenRouterVideoPhase.Submitting, OpenRouterVideoPhase.Downloading, OpenRouterVideoPhase.Done],
            progress.Reports.Select(report => report.Phase));
    }
}
