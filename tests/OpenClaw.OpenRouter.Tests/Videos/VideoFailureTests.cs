using OpenClaw.OpenRouter.Emulator;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Videos;

namespace OpenClaw.OpenRouter.Tests.Videos;

/// <summary>Jobs that end without a video, answers of the wrong shape, HTTP errors, and downloads that are not videos.</summary>
public sealed class VideoFailureTests
{
    [Theory]
    [InlineData(FaultNames.VideoFailed, "failed", "Content policy violation")]
    [InlineData("video-failed; error=Upstream provider overloaded", "failed", "Upstream provider overloaded")]
    [InlineData(FaultNames.VideoExpired, "expired", "Video generation job expired")]
    [InlineData(FaultNames.VideoCancelled, "cancelled", "Video generation job was cancelled")]
    public async Task A_job_that_ends_without_a_video_throws_its_error_and_downloads_nothing(string fault, string status, string message)
    {
        await using var rig = await VideoRig.StartAsync();
        rig.Emulator.Faults.Enqueue(fault, "/videos");

        var error = await Assert.ThrowsAsync<OpenRouterVideoJobException>(() => rig.RunAsync(VideoRig.SpecExample));

        Assert.Equal(message, error.Message);
        Assert.Equal(status, error.Status);
        Assert.StartsWith("job-emu", error.JobId, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
        Assert.Equal(2, rig.Polls.Count);
        Assert.Empty(rig.Downloads);
    }

    [Fact]
    public async Task A_failed_poll_is_reported_before_the_error()
    {
        await using var rig = await VideoRig.StartAsync();
        rig.Emulator.Faults.Enqueue(FaultNames.VideoFailed, "/videos");
        var progress = new ProgressLog();

        await Assert.ThrowsAsync<OpenRouterVideoJobException>(() => rig.RunAsync(VideoRig.SpecExample, progress));

        var last = progress.Reports[^1];
        Assert.Equal(OpenRouterVideoPhase.Polling, last.Phase);
        Assert.Equal(OpenRouterVideoStatus.Failed, last.Status);
        Assert.Equal(2, last.Polls);
    }

    [Theory]
    [InlineData(FaultNames.VideoUnknownStatus)]
    [InlineData("video-unknown-status; status=COMPLETED")]
    public async Task An_unknown_status_is_a_malformed_answer(string fault)
    {
        await using var rig = await VideoRig.StartAsync();
        rig.Emulator.Faults.Enqueue(fault, "/videos");

        var error = await Assert.ThrowsAsync<OpenRouterMalformedResponseException>(() => rig.RunAsync(VideoRig.SpecExample));

        Assert.Equal("OpenRouter video generation response malformed", error.Message);
        Assert.Equal(2, rig.Polls.Count);
        Assert.Empty(rig.Downloads);
    }

    [Fact]
    public async Task An_html_page_instead_of_the_video_is_malformed()
    {
        await using var rig = await VideoRig.StartAsync();
        rig.Emulator.Faults.Enqueue(FaultNames.VideoHtmlContent, "/videos");

        var error = await Assert.ThrowsAsync<OpenRouterMalformedResponseException>(() => rig.RunAsync(VideoRig.SpecExample));

        Assert.Equal("OpenRouter generated video download failed: the answer is an HTML page (text/html), not a video", error.Message);
    }

    [Fact]
    public async Task An_empty_download_is_malformed()
    {
        await using var rig = await VideoRig.StartAsync();
        rig.Emulator.Faults.Enqueue(FaultNames.VideoEmptyContent, "/videos");

        var error = await Assert.ThrowsAsync<OpenRouterMalformedResponseException>(() => rig.RunAsync(VideoRig.SpecExample));

        Assert.Equal("OpenRouter generated video download failed: the answer is empty", error.Message);
    }

    [Fact]
    public async Task A_video_over_the_cap_without_an_unsigned_url_is_an_error()
    {
        await using var rig = await VideoRig.StartAsync(configure: options => options.MediaMaxBytes = 100_000);
        rig.Emulator.Faults.Enqueue(FaultNames.VideoNoUnsignedUrls, "/videos");
        rig.Emulator.Faults.Enqueue("oversize; bytes=300000", "/content");

        var error = await Assert.ThrowsAsync<OpenRouterMalformedResponseException>(() => rig.RunAsync(VideoRig.SpecExample));

        Assert.Equal("OpenRouter generated video download failed: the answer is larger than 100000 bytes", error.Message);
    }

    [Fact]
    public async Task An_http_error_on_the_submit_is_labelled_video_generation_failed()
    {
        await using var rig = await VideoRig.StartAsync();
        rig.Emulator.Faults.Enqueue("status; code=402", "/videos");

        var error = await Assert.ThrowsAsync<OpenRouterPaymentRequiredException>(() => rig.RunAsync(VideoRig.SpecExample));

        Assert.Equal("OpenRouter video generation failed (HTTP 402): Insufficient credits. Add more using https://openrouter.ai/credits", error.Message);
        Assert.Equal(402, error.StatusCode);
        Assert.Single(rig.Submits);
        Assert.Empty(rig.Polls);
    }

    [Fact]
    public async Task A_submit_the_emulator_refuses_is_a_bad_request_with_its_reason()
    {
        await using var rig = await VideoRig.StartAsync();

        var error = await Assert.ThrowsAsync<OpenRouterBadRequestException>(() => rig.RunAsync(new OpenRouterVideoRequest { Prompt = "A cat", Model = "acme/imaginary-video" }));

        Assert.Equal("OpenRouter video generation failed (HTTP 400): acme/imaginary-video is not a valid model ID", error.Message);
    }

    [Fact]
    public async Task An_http_error_on_a_poll_is_labelled_status_request_failed()
    {
        await using var rig = await VideoRig.StartAsync();
        rig.Emulator.Faults.Enqueue("server-error", "/api/v1/videos/job-emu000001");

        var error = await Assert.ThrowsAsync<OpenRouterServerException>(() => rig.RunAsync(VideoRig.SpecExample));

        Assert.Equal("OpenRouter video status request failed (HTTP 500): Internal Server Error", error.Message);
        Assert.Single(rig.Polls);
    }

    [Fact]
    public async Task An_http_error_on_the_download_is_labelled_download_failed()
    {
        await using var rig = await VideoRig.StartAsync();
        rig.Emulator.Faults.Enqueue("status; code=404", "/content");

        var error = await Assert.ThrowsAsync<OpenRouterNotFoundException>(() => rig.RunAsync(VideoRig.SpecExample));

        Assert.Equal("OpenRouter generated video download failed (HTTP 404): Not Found", error.Message);
    }

    [Fact]
    public async Task A_malformed_poll_answer_is_malformed()
    {
        await using var rig = await VideoRig.StartAsync();
        rig.Emulator.Faults.Enqueue("malformed-json", "/api/v1/videos/job-emu000001");

        var error = await Assert.ThrowsAsync<OpenRouterMalformedResponseException>(() => rig.RunAsync(VideoRig.SpecExample));

        Assert.Equal("OpenRouter video generation response malformed", error.Message);
    }
}
