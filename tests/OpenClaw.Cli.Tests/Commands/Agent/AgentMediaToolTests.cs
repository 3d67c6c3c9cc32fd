using OpenClaw.Cli.Tests.Support;

namespace OpenClaw.Cli.Tests.Commands.Agent;

/// <summary>The <c>image_generate</c> and <c>video_generate</c> tools in an <c>openclaw agent</c> turn.</summary>
public sealed class AgentMediaToolTests
{
    [Fact]
    public async Task A_turn_offers_the_media_tools_and_saves_a_generated_image_in_the_state_directory()
    {
        await using var cli = await AgentCli.StartAsync();
        cli.WriteConfig("""{"agents":{"defaults":{"imageGenerationModel":"openrouter/google/gemini-3-pro-image-preview"}}}""");

        var result = await cli.RunAsync("agent", "-m", "Please use image_generate: a lighthouse at dusk", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var folder = Path.Combine(cli.Home.StateDir, "media", "tool-image-generation");
        var file = Assert.Single(Directory.GetFiles(folder));
        Assert.Matches(@"^\d{8}-\d{6}-[0-9a-f]{8}-image-1\.png$", Path.GetFileName(file));
        Assert.Equal((64, 64), MediaFiles.PngSize(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));

        // The image request goes to /chat/completions too (with modalities); the turn's own calls are the others.
        var chats = cli.ChatBodies.Where(body => body["modalities"] is null).ToList();
        Assert.Equal(2, chats.Count);
        var tools = chats[0]["tools"]!.AsArray().Select(tool => (string?)tool!["function"]!["name"]).ToList();
        Assert.Equal(["current_time", "image_generate", "video_generate"], tools);
        var call = chats[1]["messages"]!.AsArray().Single(message => (string?)message!["role"] == "assistant")!["tool_calls"]![0]!["function"]!;
        Assert.Equal("image_generate", (string?)call["name"]);
        Assert.Equal("""{"prompt":"Please use image_generate: a lighthouse at dusk"}""", (string?)call["arguments"]);
        var imageRequest = Assert.Single(cli.Emulator.Journal.For("/chat/completions"), entry => entry.BodyJson!["modalities"] is not null);
        Assert.Equal("google/gemini-3-pro-image-preview", (string?)imageRequest.BodyJson!["model"]);
        var toolResult = (string?)chats[1]["messages"]!.AsArray().Single(message => (string?)message!["role"] == "tool")!["content"];
        Assert.Equal($$"""{"model":"google/gemini-3-pro-image-preview","paths":["{{file}}"],"text":"Here is your image."}""", toolResult);
        Assert.Contains("image_generate", (string?)result.Json["payloads"]![0]!["text"], StringComparison.Ordinal);
    }
}
