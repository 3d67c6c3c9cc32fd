using OpenClaw.Cli.Tests.Support;
using OpenClaw.OpenRouter.Emulator;
using OpenClaw.Tests.Shared;

namespace OpenClaw.Cli.Tests.Commands.Infer;

/// <summary>
/// The seed page's image and video snippets, pasted verbatim as <c>openclaw.json</c> (JSON5 with <c>180_000</c> and the
/// <c>env</c> key), drive <c>infer image generate</c> and <c>infer video generate</c> on the canonical route.
/// </summary>
public sealed class SeedPageMediaTests
{
    private const string SeedKey = "sk-or-...";

    [Fact]
    public async Task The_image_generation_snippet_works_as_written()
    {
        await using var cli = await AgentCli.StartAsync(canonical: true);
        cli.Emulator.Keys.Add(SeedKey, new ApiKeyProfile());
        // The key comes from the snippet's env block, not from the process.
        cli.Home.Environment.Remove("OPENROUTER_API_KEY");
        cli.Home.WriteConfig(DocumentedConfigs.SeedImageGeneration);

        var result = await cli.RunAsync("infer", "image", "generate", "--prompt", "A red square on white", "--aspect-ratio", "16:9", "--resolution", "2K", "--output", "square.png");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal((128, 72), MediaFiles.PngSize(Path.Combine(cli.Home.WorkingDirectory, "square.png")));
        var request = Assert.Single(cli.ChatRequests);
        Assert.Equal("Bearer " + SeedKey, request.Header("Authorization"));
        Assert.Equal(
            """{"model":"google/gemini-3.1-flash-image-preview","messages":[{"role":"user","content":"A red square on white"}],"modalities":["image","text"],"n":1,"image_config":{"aspect_ratio":"16:9","image_size":"2K"}}""",
            request.BodyText);
    }

    [Fact]
    public async Task The_video_generation_snippet_works_as_written()
    {
        await using var cli = await AgentCli.StartAsync(canonical: true);
        cli.TimeProvider = new SleepSkippingTimeProvider();
        cli.Emulator.Keys.Add(SeedKey, new ApiKeyProfile());
        // The key comes from the snippet's env block, not from the process.
        cli.Home.Environment.Remove("OPENROUTER_API_KEY");
        cli.Home.WriteConfig(DocumentedConfigs.SeedVideoGeneration);

        var result = await cli.RunAsync("infer", "video", "generate", "--prompt", "A slow pan over a lake", "--duration", "8", "--output", "lake.mp4");

        Assert.True(result.ExitCode == 0, result.ToString());
        MediaFiles.AssertMp4(Path.Combine(cli.Home.WorkingDirectory, "lake.mp4"));
        var submit = Assert.Single(cli.Emulator.Journal.Entries, entry => entry.Method == "POST" && entry.Path.EndsWith("/videos", StringComparison.Ordinal));
        Assert.Equal("Bearer " + SeedKey, submit.Header("Authorization"));
        Assert.Equal("""{"model":"google/veo-3.1-fast","prompt":"A slow pan over a lake","duration":8}""", submit.BodyText);
    }
}
