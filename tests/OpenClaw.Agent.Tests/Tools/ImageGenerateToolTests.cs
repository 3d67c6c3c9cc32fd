using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using OpenClaw.Agent.Media;
using OpenClaw.Agent.Tests.Media;
using OpenClaw.Agent.Tests.Support;
using OpenClaw.Agent.Tools;
using OpenClaw.Core.Errors;
using OpenClaw.OpenRouter;

namespace OpenClaw.Agent.Tests.Tools;

public sealed class ImageGenerateToolTests
{
    private static ImageGenerateTool Tool(MediaHarness harness, OpenRouterClient client) =>
        new(new ImageGenerationService(client, harness.Settings()), harness.Store(), harness.Inputs());

    /// <summary>Arguments as a function-invoking client passes them: JSON elements parsed from the model's call.</summary>
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
        var tool = new ImageGenerateTool(
            new ImageGenerationService(new OpenRouterClient(new OpenRouterClientOptions()), new MediaGenerationSettings { MediaDirectory = "/tmp/media" }),
            new MediaFileStore("/tmp/media"), new MediaInputReader("/tmp", null));
        var schema = JsonNode.Parse(tool.JsonSchema.GetRawText())!;

        Assert.Equal("image_generate", tool.Name);
        Assert.Equal(["prompt", "model", "aspectRatio", "resolution", "count", "images", "timeoutMs"], schema["properties"]!.AsObject().Select(property => property.Key));
        Assert.Equal("""["prompt"]""", schema["required"]!.ToJsonString());
    }

    [Fact]
    public async Task Saves_every_image_under_the_tool_folder_and_answers_the_paths()
    {
        await using var harness = await MediaHarness.StartAsync();
        using var client = harness.Client();

        var result = await InvokeAsync(Tool(harness, client), Arguments("""{"prompt":"A red square","count":2,"aspectRatio":"16:9","resolution":"2K"}"""));

        Assert.Equal(["model", "paths", "text"], result.Select(property => property.Key));
        Assert.Equal("Here are your 2 images.", (string?)result["text"]);
        Assert.Equal("google/gemini-3.1-flash-image-preview", (string?)result["model"]);
        var paths = result["paths"]!.AsArray().Select(path => (string)path!).ToList();
        Assert.Equal(2, paths.Count);
        foreach (var path in paths)
        {
            Assert.Equal(Path.Combine(harness.MediaDirectory, "tool-image-generation"), Path.GetDirectoryName(path));
            Assert.True(ImageHeader.TryReadSize(File.ReadAllBytes(path), out var width, out var height));
            Assert.Equal((128, 72), (width, height));
        }
        Assert.Matches(@"-image-1\.png$", paths[0]);
        Assert.Matches(@"-image-2\.png$", paths[1]);
        Assert.Equal(
            """{"model":"google/gemini-3.1-flash-image-preview","messages":[{"role":"user","content":"A red square"}],"modalities":["image","text"],"n":2,"image_config":{"aspect_ratio":"16:9","image_size":"2K"}}""",
            Assert.Single(harness.Requests("/chat/completions")).BodyText);
    }

    [Fact]
    public async Task Input_images_are_read_from_files_and_sent_as_data_urls()
    {
        await using var harness = await MediaHarness.StartAsync();
        using var client = harness.Client();
        var png = TestImages.Png(2, 2);
        File.WriteAllBytes(harness.Directory.Combine("in.png"), png);

        await InvokeAsync(Tool(harness, client), Arguments("""{"prompt":"Make it blue","images":["in.png"]}"""));

        var content = harness.ImageBodies[0]["messages"]![0]!["content"]!;
        Assert.Equal(
            $$$"""[{"type":"text","text":"Make it blue"},{"type":"image_url","image_url":{"url":"data:image/png;base64,{{{Convert.ToBase64String(png)}}}"}}]""",
            content.ToJsonString());
    }

    [Theory]
    [InlineData("""{"count":1}""", "The prompt argument is required.")]
    [InlineData("""{"prompt":"x","count":7}""", "The count argument must be a whole number from 1 to 4, got 7.")]
    [InlineData("""{"prompt":"x","count":"many"}""", "The count argument must be a number, got \"many\".")]
    [InlineData("""{"prompt":"x","aspectRatio":"7:3"}""", "Unknown aspectRatio \"7:3\". Use one of: 1:1, 2:3, 3:2, 3:4, 4:3, 4:5, 5:4, 9:16, 16:9, 21:9.")]
    [InlineData("""{"prompt":"x","resolution":"8K"}""", "Unknown resolution \"8K\". Use one of: 1K, 2K, 4K.")]
    [InlineData("""{"prompt":"x","timeoutMs":-5}""", "The timeoutMs argument must be a positive number of milliseconds, got -5.")]
    [InlineData("""{"prompt":"x","images":[1]}""", "Each item of images must be a file path or an object with a \"path\", got 1.")]
    public async Task Bad_arguments_are_named_and_nothing_is_sent(string json, string message)
    {
        await using var harness = await MediaHarness.StartAsync();
        using var client = harness.Client();

        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await Tool(harness, client).InvokeAsync(Arguments(json), MediaHarness.Token));

        Assert.Equal(message, error.Message);
        Assert.Empty(harness.Emulator.Journal.Entries);
    }

    [Fact]
    public async Task A_missing_input_file_is_named_and_nothing_is_sent()
    {
        await using var harness = await MediaHarness.StartAsync();
        using var client = harness.Client();

        var error = await Assert.ThrowsAsync<OpenClawException>(async () =>
            await Tool(harness, client).InvokeAsync(Arguments("""{"prompt":"x","images":["gone.png"]}"""), MediaHarness.Token));

        Assert.Equal("Input image not found: gone.png", error.Message);
        Assert.Empty(harness.Emulator.Journal.Entries);
    }

    [Fact]
    public async Task An_agent_turn_calls_the_tool_and_the_image_lands_in_the_state_directory()
    {
        await using var turns = await TurnHarness.StartAsync();
        await using var media = await MediaHarness.StartAsync();
        var tool = new ImageGenerateTool(new ImageGenerationService(turns.Client, media.Settings()), media.Store(), media.Inputs());
        var runner = turns.Runner(turns.Settings("openrouter/anthropic/claude-sonnet-4.6"), [tool]);

        var result = await runner.RunAsync(TurnHarness.Request("Please use image_generate: a lighthouse at dusk"), cancellationToken: TurnHarness.Token);

        var generated = Directory.GetFiles(Path.Combine(media.MediaDirectory, "tool-image-generation"));
        var file = Assert.Single(generated);
        Assert.Matches(@"-image-1\.png$", file);
        var stored = await turns.StoredAsync();
        var toolResult = stored.Single(message => (string?)message["role"] == "toolResult");
        Assert.Contains(file, toolResult.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("image_generate", result.Payloads[0].Text, StringComparison.Ordinal);
        var imageRequest = turns.ChatRequests.Single(entry => entry.BodyJson!["modalities"] is not null);
        Assert.Equal("Please use image_generate: a lighthouse at dusk", (string?)imageRequest.BodyJson!["messages"]![0]!["content"]);
    }
}
