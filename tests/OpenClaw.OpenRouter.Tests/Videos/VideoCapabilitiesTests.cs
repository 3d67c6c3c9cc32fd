using OpenClaw.OpenRouter.Emulator;
using OpenClaw.OpenRouter.Media;
using OpenClaw.OpenRouter.Videos;

namespace OpenClaw.OpenRouter.Tests.Videos;

/// <summary>The live <c>GET {base}/videos/models</c> capabilities: what they change, their cache, and what happens without them.</summary>
public sealed class VideoCapabilitiesTests
{
    [Fact]
    public async Task The_live_row_maps_to_capabilities()
    {
        await using var rig = await VideoRig.StartAsync();

        var capabilities = await rig.Client.GetVideoCapabilitiesAsync("openrouter/google/veo-3.1-fast", TestContext.Current.CancellationToken);

        Assert.Equal([4, 6, 8], capabilities.Durations);
        Assert.Equal(["720P", "1080P"], capabilities.Resolutions);
        Assert.Equal(["16:9", "9:16"], capabilities.AspectRatios);
        Assert.Equal(["1280x720", "720x1280", "1920x1080", "1080x1920"], capabilities.Sizes);
        Assert.True(capabilities.SupportsAudio);
        Assert.Equal(["first_frame", "last_frame"], capabilities.FrameTypes);
        Assert.Equal(2, capabilities.MaxInputImages);
        var list = Assert.Single(rig.ModelLists);
        Assert.Equal(VideoRig.ExpectedHeaders(Support.TestRoute.Local, submit: false), VideoRig.ClientHeaders(list));
    }

    [Fact]
    public async Task Live_durations_replace_the_defaults_for_snapping()
    {
        await using var rig = await VideoRig.StartAsync(catalog: CatalogWithVeoDurations(4, 5, 10));

        await rig.RunAsync(VideoRig.SpecExample);                                     // 5 is listed: kept (the defaults would give 6)
        await rig.RunAsync(VideoRig.SpecExample with { DurationSeconds = 7.4 });      // 7 → 5 (2 away) rather than 10 (3 away)
        await rig.RunAsync(VideoRig.SpecExample with { DurationSeconds = 7.5 });      // 8 → 10 (2 away) rather than 5 (3 away)

        Assert.Equal([5, 5, 10], rig.Submits.Select(entry => entry.BodyJson!["duration"]!.GetValue<int>()));
    }

    [Fact]
    public async Task The_model_list_is_read_once_per_client()
    {
        await using var rig = await VideoRig.StartAsync();

        await rig.RunAsync(VideoRig.SpecExample);
        await rig.RunAsync(VideoRig.SpecExample with { Resolution = "720P" });
        await rig.Client.GetVideoCapabilitiesAsync("google/veo-3.1-fast", TestContext.Current.CancellationToken);

        Assert.Single(rig.ModelLists);
        Assert.Equal(2, rig.Submits.Count);
    }

    [Fact]
    public async Task A_model_list_that_fails_does_not_fail_the_job_and_is_tried_again_next_time()
    {
        await using var rig = await VideoRig.StartAsync();
        rig.Emulator.Faults.Enqueue("server-error", "/videos/models");

        var first = await rig.RunAsync(VideoRig.SpecExample);
        var second = await rig.RunAsync(VideoRig.SpecExample);

        Assert.Equal(2, rig.ModelLists.Count);
        Assert.Equal(2, rig.Submits.Count);
        Assert.Equal(6, rig.Submits[0].BodyJson!["duration"]!.GetValue<int>());
        Assert.NotEqual(first.JobId, second.JobId);
        var warning = Assert.Single(rig.Warnings);
        Assert.Equal("OpenRouter video model list unavailable, using the default video capabilities: OpenRouter video models request failed (HTTP 500): Internal Server Error", warning);
    }

    [Fact]
    public async Task Without_a_live_list_the_defaults_allow_four_images_placed_by_the_spec()
    {
        await using var rig = await VideoRig.StartAsync();
        rig.Emulator.Faults.Enqueue("server-error", "/videos/models");
        var request = new OpenRouterVideoRequest
        {
            Prompt = "Four stills",
            Images =
            [
                OpenRouterMediaInput.FromUrl("https://example.com/1.png"),
                OpenRouterMediaInput.FromUrl("https://example.com/2.png"),
                OpenRouterMediaInput.FromUrl("https://example.com/3.png"),
                OpenRouterMediaInput.FromUrl("https://example.com/4.png"),
            ],
        };

        await rig.RunAsync(request);

        Assert.Equal(
            """
            {"model":"google/veo-3.1-fast","prompt":"Four stills",
            "frame_images":[{"type":"image_url","image_url":{"url":"https://example.com/1.png"},"frame_type":"first_frame"},
            {"type":"image_url","image_url":{"url":"https://example.com/2.png"},"frame_type":"last_frame"}],
            "input_references":[{"type":"image_url","image_url":{"url":"https://example.com/3.png"}},{"type":"image_url","image_url":{"url":"https://example.com/4.png"}}]}
            """.ReplaceLineEndings(""),
            Assert.Single(rig.Submits).BodyText);
    }

    [Fact]
    public async Task A_malformed_model_list_falls_back_to_the_defaults()
    {
        await using var rig = await VideoRig.StartAsync();
        rig.Emulator.Faults.Enqueue("malformed-json", "/videos/models");

        var capabilities = await rig.Client.GetVideoCapabilitiesAsync("google/veo-3.1-fast", TestContext.Current.CancellationToken);

        Assert.Same(OpenRouterVideoCapabilities.Default, capabilities);
        Assert.Equal(
            "OpenRouter video model list unavailable, using the default video capabilities: OpenRouter video models response malformed",
            Assert.Single(rig.Warnings));
    }

    [Fact]
    public async Task A_model_without_a_live_row_uses_the_defaults()
    {
        await using var rig = await VideoRig.StartAsync();

        var capabilities = await rig.Client.GetVideoCapabilitiesAsync("acme/imaginary-video", TestContext.Current.CancellationToken);

        Assert.Same(OpenRouterVideoCapabilities.Default, capabilities);
        Assert.Single(rig.ModelLists);
    }

    [Fact]
    public async Task Without_a_key_the_list_is_not_read()
    {
        await using var rig = await VideoRig.StartAsync(configure: options => options.ApiKey = null);

        var capabilities = await rig.Client.GetVideoCapabilitiesAsync("google/veo-3.1-fast", TestContext.Current.CancellationToken);

        Assert.Same(OpenRouterVideoCapabilities.Default, capabilities);
        Assert.Empty(rig.Emulator.Journal.Entries);
    }

    [Fact]
    public async Task On_the_canonical_route_the_list_carries_authorization_and_all_attribution()
    {
        await using var rig = await VideoRig.StartAsync(Support.TestRoute.Canonical);

        await rig.Client.GetVideoCapabilitiesAsync("google/veo-3.1-fast", TestContext.Current.CancellationToken);

        Assert.Equal("https://openrouter.ai/api/v1/videos/models", Assert.Single(rig.Handler.Sent).Url.ToString());
        Assert.Equal(VideoRig.ExpectedHeaders(Support.TestRoute.Canonical, submit: false), VideoRig.ClientHeaders(Assert.Single(rig.ModelLists)));
    }

    private static ModelCatalog CatalogWithVeoDurations(params int[] durations)
    {
        var bundled = ModelCatalog.Bundled;
        var models = "[" + string.Join(",", bundled.Ids.Select(id => bundled.Find(id)!.ToJsonString())) + "]";
        var videoModels = $$"""
            {"data":[{"id":"google/veo-3.1-fast","canonical_slug":"google/veo-3.1-fast","name":"Google: Veo 3.1 Fast","created":1760486400,
            "supported_resolutions":["720p","1080p"],"supported_aspect_ratios":["16:9","9:16"],"supported_sizes":[],
            "supported_durations":[{{string.Join(",", durations)}}],"supported_frame_images":["first_frame","last_frame"],
            "generate_audio":true,"seed":true,"pricing_skus":{"video_per_second":"0.15","video_with_audio_per_second":"0.25"},
            "allowed_passthrough_parameters":[]}]}
            """;
        return ModelCatalog.FromJson(models, videoModels);
    }
}
