using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using OpenClaw.Agent.Media;
using OpenClaw.Agent.Tests.Media;
using OpenClaw.Agent.Tests.Support;
using OpenClaw.Agent.Tools;
using OpenClaw.OpenRouter;

namespace OpenClaw.Agent.Tests.Tools;

/// <summary>The <c>video_generate</c> tool against the emulator (local route: see <see cref="VideoGenerationServiceTests"/>).</summary>
public sealed class VideoGenerateToolTests
{
    private static VideoGenerateTool Tool(MediaHarness harness, OpenRouterClient client, long? maxBytes = null) =>
        new(new VideoGenerationService(client, harness.Settings(maxBytes: maxBytes)), harness.Store(), harness.Inputs());

    private static AIFunctionArguments Arguments(string json)
    {
        using var document = JsonDocument.Parse(json);
        var arguments = new AIFunctionArguments();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            arguments[property.Name] = property.Value.Clone();
        }
        return arguments;
    }

    private static async Task<JsonObject> InvokeAsync(AIFunction tool, AIFunctionArguments arguments) =>
        JsonNode.Parse(Assert.IsType<string>(await tool.InvokeAsync(arguments, MediaHarness.Token)))!.AsObject();

    [Fact]
    public void The_schema_mirrors_the_command()
    {
        var tool = new VideoGenerateTool(
            new VideoGenerationService(new OpenRouterClient(new OpenRouterClientOptions()), new MediaGenerationSettings { MediaDirectory = "/tmp/media" }),
            new MediaFileStore("/tmp/media"), new MediaInputReader("/tmp", null));
        var schema = JsonNode.Parse(tool.JsonSchema.GetRawText())!;

        Assert.Equal("video_generate", tool.Name);
        Assert.Equal(
            ["prompt", "model", "duration", "resolution", "aspectRatio", "size", "audio", "seed", "images", "timeoutMs"],
            schema["properties"]!.AsObject().Select(property => property.Key));
        Assert.Equal("""["first_frame","last_frame","reference_image"]""", schema["properties"]!["images"]!["items"]!["properties"]!["role"]!["enum"]!.ToJsonString());
    }

    [Fact]
    public async Task Films_saves_under_the_tool_folder_and_answers_the_path()
    {
        await using var harness = await MediaHarness.StartAsync(Route.Local);
        using var client = harness.Client();

        var result = await InvokeAsync(Tool(harness, client),
            Arguments("""{"prompt":"A slow pan over a lake","duration":5,"resolution":"1080p","aspectRatio":"9:16","audio":true,"seed":42}"""));

        Assert.Equal(["model", "paths", "mimeType", "jobId"], result.Select(property => property.Key));
        Assert.Equal("google/veo-3.1-fast", (string?)result["model"]);
        Assert.Equal("video/mp4", (string?)result["mimeType"]);
        var path = (string)Assert.Single(result["paths"]!.AsArray())!;
        Assert.Equal(Path.Combine(harness.MediaDirectory, "tool-video-generation"), Path.GetDirectoryName(path));
        Assert.Matches(@"^\d{8}-\d{6}-[0-9a-f]{8}-video-1\.mp4$", Path.GetFileName(path));
        Assert.Equal("ftyp"u8.ToArray(), File.ReadAllBytes(path)[4..8]);
        Assert.Equal(
            """{"model":"google/veo-3.1-fast","prompt":"A slow pan over a lake","duration":6,"resolution":"1080p","aspect_ratio":"9:16","generate_audio":true,"seed":42}""",
            Assert.Single(harness.VideoSubmits).ToJsonString());
    }

    [Fact]
    public async Task Images_go_where_their_roles_say()
    {
        await using var harness = await MediaHarness.StartAsync(Route.Local);
        using var client = harness.Client();
        var first = TestImages.Png(4, 4);
        var reference = TestImages.Jpeg(4, 4);
        File.WriteAllBytes(harness.Directory.Combine("first.png"), first);
        File.WriteAllBytes(harness.Directory.Combine("ref.jpg"), reference);

        await InvokeAsync(Tool(harness, client), Arguments(
            """{"prompt":"Bring it to life","images":[{"path":"ref.jpg","role":"reference_image"},{"path":"first.png","role":"first_frame"}]}"""));

        var body = Assert.Single(harness.VideoSubmits);
        Assert.Equal(
            $$$"""[{"type":"image_url","image_url":{"url":"data:image/png;base64,{{{Convert.ToBase64String(first)}}}"},"frame_type":"first_frame"}]""",
            body["frame_images"]!.ToJsonString());
        Assert.Equal(
            $$$"""[{"type":"image_url","image_url":{"url":"data:image/jpeg;base64,{{{Convert.ToBase64String(reference)}}}"}}]""",
            body["input_references"]!.ToJsonString());
    }

    [Fact]
    public async Task A_video_over_the_cap_is_answered_as_its_url_and_not_saved()
    {
        await using var harness = await MediaHarness.StartAsync(Route.Local);
        harness.Emulator.Faults.Enqueue("oversize; bytes=4096", "/videos");
        using var client = harness.Client(mediaMaxBytes: 1024);

        var result = await InvokeAsync(Tool(harness, client, maxBytes: 1024), Arguments("""{"prompt":"A long film"}"""));

        Assert.Empty(result["paths"]!.AsArray());
        Assert.StartsWith(harness.Emulator.BaseUrl.AbsoluteUri + "/videos/", (string?)result["url"], StringComparison.Ordinal);
        Assert.Equal("The video is larger than the media limit (1 KiB), so it was not downloaded; it is at url.", (string?)result["note"]);
        Assert.False(Directory.Exists(Path.Combine(harness.MediaDirectory, "tool-video-generation")));
    }

    [Theory]
    [InlineData("""{"prompt":"x","images":[{"path":"a.png","role":"middle_frame"}]}""", "Unknown image role \"middle_frame\". Use first_frame, last_frame or reference_image.")]
    [InlineData("""{"prompt":"x","duration":-2}""", "The duration argument must be a positive number of seconds, got -2.")]
    [InlineData("""{"prompt":"x","audio":"loud"}""", "The audio argument must be true or false, got \"loud\".")]
    public async Task Bad_arguments_are_named_and_nothing_is_sent(string json, string message)
    {
        await using var harness = await MediaHarness.StartAsync(Route.Local);
        using var client = harness.Client();
        File.WriteAllBytes(harness.Directory.Combine("a.png"), TestImages.Png(1, 1));

        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await Tool(harness, client).InvokeAsync(Arguments(json), MediaHarness.Token));

        Assert.Equal(message, error.Message);
        Assert.Empty(harness.Emulator.Journal.Entries);
    }

    [Fact]
    public async Task A_failed_job_is_the_tools_error()
    {
        await using var harness = await MediaHarness.StartAsync(Route.Local);
        harness.Emulator.Faults.Enqueue("video-failed; error=Content policy violation", "/videos");
        using var client = harness.Client();

        var error = await Assert.ThrowsAsync<OpenRouter.Errors.OpenRouterVideoJobException>(async () =>
            await Tool(harness, client).InvokeAsync(Arguments("""{"prompt":"x"}"""), MediaHarness.Token));

        Assert.Equal("Content policy violation", error.Message);
        Assert.False(Directory.Exists(Path.Combine(harness.MediaDirectory, "tool-video-generation")));
    }
}
