using System.Text;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Media;
using OpenClaw.OpenRouter.Videos;

namespace OpenClaw.OpenRouter.Tests.Videos;

public sealed class VideoRequestBodyTests
{
    private static readonly OpenRouterMediaRole None = default;
    private static readonly OpenRouterMediaRole First = OpenRouterMediaRole.FirstFrame;
    private static readonly OpenRouterMediaRole Last = OpenRouterMediaRole.LastFrame;
    private static readonly OpenRouterMediaRole Reference = OpenRouterMediaRole.ReferenceImage;

    public static TheoryData<string, string, string> Placements => new()
    {
        // roles (in input order), frames (url:frame), references
        { "-", "1:first_frame", "" },
        { "- -", "1:first_frame 2:last_frame", "" },
        { "- - -", "1:first_frame 2:last_frame", "3" },
        { "- - - -", "1:first_frame 2:last_frame", "3 4" },
        { "last -", "1:last_frame 2:first_frame", "" },
        { "last - -", "1:last_frame 2:first_frame", "3" },
        { "first first", "1:first_frame", "2" },
        { "last last", "1:last_frame", "2" },
        { "ref -", "2:first_frame", "1" },
        { "ref ref", "", "1 2" },
        { "first - last", "1:first_frame 2:last_frame", "3" },
        { "- first", "1:first_frame", "2" },
        { "style -", "1:first_frame 2:last_frame", "" },
    };

    [Theory]
    [MemberData(nameof(Placements))]
    public void Images_go_to_frames_then_references_as_the_spec_says(string roles, string frames, string references)
    {
        var images = roles.Split(' ').Select((role, i) => OpenRouterMediaInput.FromUrl($"https://example.com/{i + 1}.png", role switch
        {
            "-" => None,
            "first" => First,
            "last" => Last,
            "ref" => Reference,
            var other => new OpenRouterMediaRole(other),
        })).ToList();

        var (placedFrames, placedReferences) = VideoRequestBody.PlaceImages(images);

        Assert.Equal(frames, string.Join(' ', placedFrames.Select(frame => $"{Number(frame.Url)}:{frame.FrameType}")));
        Assert.Equal(references, string.Join(' ', placedReferences.Select(Number)));
    }

    [Theory]
    [InlineData("openrouter/google/veo-3.1-fast", "google/veo-3.1-fast")]
    [InlineData(" Google/Veo-3.1-Fast ", "google/veo-3.1-fast")]
    [InlineData(null, "google/veo-3.1-fast")]
    [InlineData("  ", "google/veo-3.1-fast")]
    [InlineData("openai/sora-2", "openai/sora-2")]
    public void The_model_on_the_wire_is_the_api_id(string? model, string expected) =>
        Assert.Equal(expected, VideoRequestBody.ApiModelId(model));

    [Fact]
    public void The_spec_example_body_is_exact()
    {
        var request = new OpenRouterVideoRequest { Prompt = "A slow pan over a lake", DurationSeconds = 5, Resolution = "1080P", AspectRatio = "9:16", GenerateAudio = true };

        var body = VideoRequestBody.Write("google/veo-3.1-fast", request, OpenRouterVideoCapabilities.Default);

        Assert.Equal(
            """{"model":"google/veo-3.1-fast","prompt":"A slow pan over a lake","duration":6,"resolution":"1080p","aspect_ratio":"9:16","generate_audio":true}""",
            Encoding.UTF8.GetString(body));
    }

    [Fact]
    public void Text_is_written_as_json_stringify_would()
    {
        var request = new OpenRouterVideoRequest { Prompt = "Café \"noir\" <b> & +" };

        var body = VideoRequestBody.Write("google/veo-3.1-fast", request, OpenRouterVideoCapabilities.Default);

        Assert.Equal("""{"model":"google/veo-3.1-fast","prompt":"Café \"noir\" <b> & +"}""", Encoding.UTF8.GetString(body));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-9_007_199_254_740_991)]
    [InlineData(123456789)]
    public void Safe_integer_seeds_pass(double seed)
    {
        VideoRequestBody.Validate(new OpenRouterVideoRequest { Prompt = "x", Seed = seed });
        Assert.True(VideoRequestBody.IsSafeInteger(seed));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(9_007_199_254_740_992)]
    [InlineData(double.NegativeInfinity)]
    public void Other_seeds_are_refused(double seed)
    {
        var error = Assert.Throws<OpenRouterInvalidRequestException>(() => VideoRequestBody.Validate(new OpenRouterVideoRequest { Prompt = "x", Seed = seed }));
        Assert.Equal("OpenRouter video seed must be an integer", error.Message);
    }

    [Fact]
    public void Checks_against_empty_lists_check_nothing()
    {
        var anything = new OpenRouterVideoCapabilities { Durations = [4], MaxInputImages = 4 };

        VideoRequestBody.Validate(new OpenRouterVideoRequest { Prompt = "x", Resolution = "8K", AspectRatio = "7:3", Size = "1x1" }, "acme/clip", anything);
    }

    [Fact]
    public void A_size_is_checked_against_the_listed_sizes_exactly()
    {
        var capabilities = OpenRouterVideoCapabilities.Default with { Sizes = ["1280x720"] };

        VideoRequestBody.Validate(new OpenRouterVideoRequest { Prompt = "x", Size = " 1280x720 " }, "google/veo-3.1-fast", capabilities);
        var error = Assert.Throws<OpenRouterInvalidRequestException>(() =>
            VideoRequestBody.Validate(new OpenRouterVideoRequest { Prompt = "x", Size = "1280X720" }, "google/veo-3.1-fast", capabilities));
        Assert.Equal("OpenRouter video model google/veo-3.1-fast does not support size 1280X720; supported: 1280x720.", error.Message);
    }

    [Fact]
    public void Four_images_pass_the_defaults_and_five_do_not()
    {
        var four = Enumerable.Range(1, 4).Select(i => OpenRouterMediaInput.FromUrl($"https://example.com/{i}.png")).ToList();

        VideoRequestBody.Validate(new OpenRouterVideoRequest { Prompt = "x", Images = four }, "google/veo-3.1-fast", OpenRouterVideoCapabilities.Default);
        var error = Assert.Throws<OpenRouterInvalidRequestException>(() => VideoRequestBody.Validate(
            new OpenRouterVideoRequest { Prompt = "x", Images = [.. four, four[0]] }, "google/veo-3.1-fast", OpenRouterVideoCapabilities.Default));
        Assert.Equal("OpenRouter video model google/veo-3.1-fast supports at most 4 input images, got 5.", error.Message);
    }

    private static string Number(string url) => url["https://example.com/".Length..^".png".Length];
}
