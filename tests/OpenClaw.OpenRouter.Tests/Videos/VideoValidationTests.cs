using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Media;
using OpenClaw.OpenRouter.Videos;

namespace OpenClaw.OpenRouter.Tests.Videos;

/// <summary>Requests refused before anything is submitted, with messages that name the value and what is allowed.</summary>
public sealed class VideoValidationTests
{
    private static readonly OpenRouterVideoRequest Base = new() { Prompt = VideoRig.Prompt };

    public static TheoryData<string, OpenRouterVideoRequest, string> AgainstTheModel => new()
    {
        { "resolution", Base with { Resolution = "4K" }, "OpenRouter video model google/veo-3.1-fast does not support resolution 4K; supported: 720P, 1080P." },
        { "aspect ratio", Base with { AspectRatio = "4:3" }, "OpenRouter video model google/veo-3.1-fast does not support aspect ratio 4:3; supported: 16:9, 9:16." },
        { "size", Base with { Size = "640x480" }, "OpenRouter video model google/veo-3.1-fast does not support size 640x480; supported: 1280x720, 720x1280, 1920x1080, 1080x1920." },
        {
            "images", Base with { Images = [Image(), Image(), Image()] },
            "OpenRouter video model google/veo-3.1-fast supports at most 2 input images, got 3."
        },
    };

    public static TheoryData<string, OpenRouterVideoRequest, string> OnTheirOwn => new()
    {
        { "video input", Base with { Images = [OpenRouterMediaInput.FromBytes(new byte[] { 0, 0, 0, 0x18 }, "video/mp4")] }, "OpenRouter video generation does not support video reference inputs." },
        { "video data URL", Base with { Images = [OpenRouterMediaInput.FromUrl("data:video/webm;base64,GkXfow==")] }, "OpenRouter video generation does not support video reference inputs." },
        { "image without source", Base with { Images = [new OpenRouterMediaInput { Role = OpenRouterMediaRole.FirstFrame }] }, "OpenRouter video generation requires image references to include a URL or buffer." },
        { "image with blank URL", Base with { Images = [new OpenRouterMediaInput { Url = "   " }] }, "OpenRouter video generation requires image references to include a URL or buffer." },
        { "fractional seed", Base with { Seed = 1.5 }, "OpenRouter video seed must be an integer" },
        { "unsafe seed", Base with { Seed = 9_007_199_254_740_992 }, "OpenRouter video seed must be an integer" },
        { "NaN seed", Base with { Seed = double.NaN }, "OpenRouter video seed must be an integer" },
        { "empty prompt", Base with { Prompt = "  " }, "OpenRouter video generation requires a prompt." },
        { "zero duration", Base with { DurationSeconds = 0 }, "OpenRouter video duration must be a positive number of seconds, got 0." },
        { "negative duration", Base with { DurationSeconds = -4 }, "OpenRouter video duration must be a positive number of seconds, got -4." },
        { "infinite duration", Base with { DurationSeconds = double.PositiveInfinity }, "OpenRouter video duration must be a positive number of seconds, got Infinity." },
        { "NaN duration", Base with { DurationSeconds = double.NaN }, "OpenRouter video duration must be a positive number of seconds, got NaN." },
    };

    [Theory]
    [MemberData(nameof(AgainstTheModel))]
    public async Task A_value_the_model_does_not_list_is_refused_before_the_submit(string what, OpenRouterVideoRequest request, string message)
    {
        _ = what;
        await using var rig = await VideoRig.StartAsync();

        var error = await Assert.ThrowsAsync<OpenRouterInvalidRequestException>(() => rig.RunAsync(request));

        Assert.Equal(message, error.Message);
        Assert.Empty(rig.Submits);
        Assert.Single(rig.ModelLists);
    }

    [Theory]
    [MemberData(nameof(OnTheirOwn))]
    public async Task A_request_wrong_in_itself_sends_nothing_at_all(string what, OpenRouterVideoRequest request, string message)
    {
        _ = what;
        await using var rig = await VideoRig.StartAsync();

        var error = await Assert.ThrowsAsync<OpenRouterInvalidRequestException>(() => rig.RunAsync(request));

        Assert.Equal(message, error.Message);
        Assert.Empty(rig.Emulator.Journal.Entries);
    }

    [Theory]
    [InlineData("1080p")]
    [InlineData("720P")]
    public async Task Resolutions_are_compared_upper_cased_and_sent_lower_cased(string resolution)
    {
        await using var rig = await VideoRig.StartAsync();

        await rig.RunAsync(Base with { Resolution = resolution });

        Assert.Equal($$"""{"model":"google/veo-3.1-fast","prompt":"A slow pan over a lake","resolution":"{{resolution.ToLowerInvariant()}}"}""", Assert.Single(rig.Submits).BodyText);
    }

    [Fact]
    public async Task Without_a_key_nothing_is_sent()
    {
        await using var rig = await VideoRig.StartAsync(configure: options => options.ApiKey = null);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => rig.RunAsync(VideoRig.SpecExample));

        Assert.Equal("OpenRouter API key missing", error.Message);
        Assert.Empty(rig.Emulator.Journal.Entries);
    }

    [Fact]
    public async Task The_key_is_checked_before_the_request()
    {
        await using var rig = await VideoRig.StartAsync(configure: options => options.ApiKey = "  ");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => rig.RunAsync(Base with { Seed = 1.5 }));

        Assert.Equal("OpenRouter API key missing", error.Message);
    }

    [Fact]
    public async Task Limits_that_make_no_sense_are_argument_errors()
    {
        await using var rig = await VideoRig.StartAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => rig.RunAsync(Base with { Timeout = TimeSpan.Zero }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => rig.RunAsync(Base with { Timeout = TimeSpan.FromSeconds(-2) }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => rig.RunAsync(Base with { RequestTimeout = TimeSpan.FromSeconds(-1) }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => rig.RunAsync(Base with { PollInterval = TimeSpan.FromSeconds(-1) }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => rig.RunAsync(Base with { MaxPolls = 0 }));
        Assert.Empty(rig.Emulator.Journal.Entries);
    }

    private static OpenRouterMediaInput Image() => OpenRouterMediaInput.FromBytes(new byte[] { 0x89, 0x50, 0x4E, 0x47 });
}
