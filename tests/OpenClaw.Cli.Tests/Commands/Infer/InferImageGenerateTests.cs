using System.Text.Json.Nodes;
using OpenClaw.Cli.Tests.Support;
using OpenClaw.OpenRouter;
using OpenClaw.OpenRouter.Emulator;

namespace OpenClaw.Cli.Tests.Commands.Infer;

/// <summary><c>openclaw infer image generate</c> (CLI spec §7, provider spec §15) against the emulator.</summary>
public sealed class InferImageGenerateTests
{
    private const string DefaultBody =
        """{"model":"google/gemini-3.1-flash-image-preview","messages":[{"role":"user","content":"A red square on white"}],"modalities":["image","text"],"n":1}""";

    private static IReadOnlyList<JournalEntry> ImageRequests(AgentCli cli) => cli.Emulator.Journal.For("/chat/completions");

    private static string[] FilesIn(string directory) =>
        Directory.Exists(directory) ? [.. Directory.GetFileSystemEntries(directory, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Order(StringComparer.Ordinal)!] : [];

    [Fact]
    public async Task Draws_with_the_default_model_and_writes_the_png_in_the_working_directory()
    {
        await using var cli = await AgentCli.StartAsync(canonical: true);

        var result = await cli.RunAsync("infer", "image", "generate", "--prompt", "A red square on white");

        Assert.True(result.ExitCode == 0, result.ToString());
        var path = Path.Combine(cli.Home.WorkingDirectory, "image-1.png");
        Assert.Equal(path + "\n", result.Stdout);
        Assert.Equal((64, 64), MediaFiles.PngSize(path));
        Assert.StartsWith("google/gemini-3.1-flash-image-preview · 1 image · $", result.StderrLines[^1], StringComparison.Ordinal);
        var request = Assert.Single(ImageRequests(cli));
        Assert.Equal(DefaultBody, request.BodyText);
        Assert.Equal([new Uri("https://openrouter.ai/api/v1/chat/completions")], cli.Handler.Requested);
        Assert.Equal("Bearer " + ApiKeyRegistry.DefaultKey, request.Header("Authorization"));
        Assert.Equal("application/json", request.Header("Content-Type"));
        Assert.Equal("https://openclaw.ai", request.Header("HTTP-Referer"));
        Assert.Equal("OpenClaw", request.Header("X-OpenRouter-Title"));
        Assert.Equal(OpenRouterAttribution.OpenClaw.Categories, request.Header("X-OpenRouter-Categories"));
    }

    [Fact]
    public async Task Json_prints_the_image_generate_document()
    {
        await using var cli = await AgentCli.StartAsync(canonical: true);

        var result = await cli.RunAsync("infer", "image", "generate", "--prompt", "A red square on white", "--aspect-ratio", "16:9",
            "--output", "out/img.png", "--json", "--local");

        Assert.True(result.ExitCode == 0, result.ToString());
        var path = Path.Combine(cli.Home.WorkingDirectory, "out", "img.png");
        var expected = new JsonObject
        {
            ["ok"] = true,
            ["capability"] = "image.generate",
            ["transport"] = "local",
            ["provider"] = "openrouter",
            ["model"] = "google/gemini-3.1-flash-image-preview",
            ["attempts"] = new JsonArray(),
            ["outputs"] = new JsonArray(new JsonObject
            {
                ["path"] = path,
                ["mimeType"] = "image/png",
                ["size"] = new FileInfo(path).Length,
                ["width"] = 64,
                ["height"] = 36,
            }),
            ["ignoredOverrides"] = new JsonArray(),
        };
        Assert.Equal(expected.ToJsonString(), result.Json.ToJsonString());
        Assert.Equal((64, 36), MediaFiles.PngSize(path));
        Assert.Equal("", result.Stderr);
        Assert.Equal("""{"aspect_ratio":"16:9"}""", Assert.Single(ImageRequests(cli)).BodyJson!["image_config"]!.ToJsonString());
    }

    [Fact]
    public async Task Several_images_are_numbered_after_the_output_path()
    {
        await using var cli = await AgentCli.StartAsync(canonical: true);

        var result = await cli.RunAsync("infer", "image", "generate", "--prompt", "Two cats", "--count", "2", "--resolution", "2k", "--output", "out/img.png");

        Assert.True(result.ExitCode == 0, result.ToString());
        var first = Path.Combine(cli.Home.WorkingDirectory, "out", "img-1.png");
        var second = Path.Combine(cli.Home.WorkingDirectory, "out", "img-2.png");
        Assert.Equal([first, second], result.StdoutLines);
        Assert.Equal((128, 128), MediaFiles.PngSize(first));
        Assert.Equal((128, 128), MediaFiles.PngSize(second));
        Assert.Equal(["img-1.png", "img-2.png"], FilesIn(Path.Combine(cli.Home.WorkingDirectory, "out")));
        var body = Assert.Single(ImageRequests(cli)).BodyJson!;
        Assert.Equal(2, (int)body["n"]!);
        Assert.Equal("""{"image_size":"2K"}""", body["image_config"]!.ToJsonString());
    }

    [Fact]
    public async Task Existing_files_in_the_working_directory_are_kept()
    {
        await using var cli = await AgentCli.StartAsync(canonical: true);
        File.WriteAllText(Path.Combine(cli.Home.WorkingDirectory, "image-1.png"), "my own");

        var result = await cli.RunAsync("infer", "image", "generate", "--prompt", "A red square on white");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Path.Combine(cli.Home.WorkingDirectory, "image-2.png") + "\n", result.Stdout);
        Assert.Equal("my own", File.ReadAllText(Path.Combine(cli.Home.WorkingDirectory, "image-1.png")));
    }

    [Fact]
    public async Task Input_images_are_sent_as_data_urls()
    {
        await using var cli = await AgentCli.StartAsync(canonical: true);
        var png = MediaFiles.TinyPng();
        File.WriteAllBytes(Path.Combine(cli.Home.WorkingDirectory, "in.png"), png);

        var result = await cli.RunAsync("infer", "image", "generate", "--prompt", "Make it blue", "--input", "in.png", "--input", "in.png");

        Assert.True(result.ExitCode == 0, result.ToString());
        var url = "data:image/png;base64," + Convert.ToBase64String(png);
        Assert.Equal(
            $$$"""[{"role":"user","content":[{"type":"text","text":"Make it blue"},{"type":"image_url","image_url":{"url":"{{{url}}}"}},{"type":"image_url","image_url":{"url":"{{{url}}}"}}]}]""",
            Assert.Single(ImageRequests(cli)).BodyJson!["messages"]!.ToJsonString());
    }

    [Fact]
    public async Task Size_is_reported_as_ignored()
    {
        await using var cli = await AgentCli.StartAsync(canonical: true);

        var text = await cli.RunAsync("infer", "image", "generate", "--prompt", "A red square on white", "--size", "1024x1024");
        var json = await cli.RunAsync("infer", "image", "generate", "--prompt", "A red square on white", "--size", "1024x1024", "--json");

        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Equal("Warning: size=1024x1024 not supported by openrouter, ignored.", text.StderrLines[0]);
        Assert.Equal("""[{"key":"size","value":"1024x1024"}]""", json.Json["ignoredOverrides"]!.ToJsonString());
        Assert.All(ImageRequests(cli), request => Assert.Equal(DefaultBody, request.BodyText));
    }

    [Fact]
    public async Task The_configured_model_and_its_fallbacks_are_used_in_order()
    {
        await using var cli = await AgentCli.StartAsync(canonical: true);
        cli.WriteConfig("""
            {"agents":{"defaults":{"imageGenerationModel":{"primary":"openrouter/google/gemini-3-pro-image-preview","fallbacks":["openrouter/openai/gpt-5.4-image-2"]}}}}
            """);
        cli.Emulator.Faults.Enqueue("server-error", "/chat/completions", "google/gemini-3-pro-image-preview");

        var text = await cli.RunAsync("infer", "image", "generate", "--prompt", "A red square on white");
        cli.Emulator.Faults.Enqueue("server-error", "/chat/completions", "google/gemini-3-pro-image-preview");
        var json = await cli.RunAsync("infer", "image", "generate", "--prompt", "A red square on white", "--json");

        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Equal(
            "openrouter/google/gemini-3-pro-image-preview failed (timeout): OpenRouter image generation failed (HTTP 500): Internal Server Error Trying openrouter/openai/gpt-5.4-image-2.",
            text.StderrLines[0]);
        Assert.Equal(
            ["google/gemini-3-pro-image-preview", "openai/gpt-5.4-image-2", "google/gemini-3-pro-image-preview", "openai/gpt-5.4-image-2"],
            ImageRequests(cli).Select(request => (string?)request.BodyJson!["model"]));
        // Only Gemini ids get image_config; the fallback's body is the bare form.
        Assert.Equal(
            """{"model":"openai/gpt-5.4-image-2","messages":[{"role":"user","content":"A red square on white"}],"modalities":["image","text"],"n":1}""",
            ImageRequests(cli)[1].BodyText);
        Assert.Equal("openai/gpt-5.4-image-2", (string?)json.Json["model"]);
        Assert.Equal(
            """[{"provider":"openrouter","model":"openrouter/google/gemini-3-pro-image-preview","outcome":"failure","reasonCode":"timeout","error":"OpenRouter image generation failed (HTTP 500): Internal Server Error"}]""",
            json.Json["attempts"]!.ToJsonString());
    }

    [Theory]
    [InlineData("""{"agents":{"defaults":{"imageGenerationModel":"openrouter/openai/gpt-5.4-image-2"}}}""")]
    [InlineData("""{"agents":{"defaults":{"mediaModels":{"image":{"primary":"openrouter/openai/gpt-5.4-image-2"}}}}}""")]
    [InlineData("""{"agents":{"defaults":{"mediaModels":{"image":"openai/gpt-5.4-image-2"}}}}""")]
    public async Task The_string_form_and_the_media_models_alias_name_the_model(string config)
    {
        await using var cli = await AgentCli.StartAsync(canonical: true);
        cli.WriteConfig(config);

        var result = await cli.RunAsync("infer", "image", "generate", "--prompt", "A red square on white");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("openai/gpt-5.4-image-2", (string?)Assert.Single(ImageRequests(cli)).BodyJson!["model"]);
    }

    [Fact]
    public async Task The_model_option_is_exact_and_accepts_an_alias()
    {
        await using var cli = await AgentCli.StartAsync(canonical: true);
        cli.WriteConfig("""
            {"agents":{"defaults":{
              "imageGenerationModel":{"primary":"openrouter/google/gemini-3.1-flash-image-preview","fallbacks":["openrouter/openai/gpt-5.4-image-2"]},
              "models":{"openrouter/google/gemini-3-pro-image-preview":{"alias":"ProImage"}}}}}
            """);
        cli.Emulator.Faults.Enqueue("server-error", "/chat/completions");

        var result = await cli.RunAsync("infer", "image", "generate", "--prompt", "A red square on white", "--model", "ProImage");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error: OpenRouter image generation failed (HTTP 500): Internal Server Error\n", result.Stderr);
        Assert.Equal(["google/gemini-3-pro-image-preview"], ImageRequests(cli).Select(request => (string?)request.BodyJson!["model"]));
    }

    [Fact]
    public async Task When_every_model_fails_the_error_lists_them()
    {
        await using var cli = await AgentCli.StartAsync(canonical: true);
        cli.WriteConfig("""{"agents":{"defaults":{"imageGenerationModel":{"fallbacks":["openrouter/openai/gpt-5.4-image-2"]}}}}""");
        cli.Emulator.Faults.Enqueue("rate-limit", "/chat/completions", times: 2);

        var result = await cli.RunAsync("infer", "image", "generate", "--prompt", "A red square on white", "--json");

        Assert.Equal(1, result.ExitCode);
        var message = (string?)result.Json["error"]!["message"];
        Assert.StartsWith("All image models failed (2): openrouter/google/gemini-3.1-flash-image-preview: OpenRouter image generation failed (HTTP 429): ", message, StringComparison.Ordinal);
        Assert.Contains(" | openrouter/openai/gpt-5.4-image-2: OpenRouter image generation failed (HTTP 429): ", message, StringComparison.Ordinal);
        Assert.Equal("cli_error", (string?)result.Json["error"]!["type"]);
        Assert.Empty(FilesIn(cli.Home.WorkingDirectory));
    }

    [Fact]
    public async Task Without_a_key_nothing_is_sent()
    {
        await using var cli = await AgentCli.StartAsync(canonical: true);
        cli.Home.Environment.Remove("OPENROUTER_API_KEY");

        var result = await cli.RunAsync("infer", "image", "generate", "--prompt", "A red square on white", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("""{"ok":false,"error":{"type":"cli_error","message":"OpenRouter API key missing"}}""", result.Json.ToJsonString());
        Assert.Empty(cli.Emulator.Journal.Entries);
    }

    [Theory]
    [InlineData(new[] { "--count", "abc" }, "Invalid --count \"abc\": expected a whole number from 1 to 4.")]
    [InlineData(new[] { "--count", "5" }, "Invalid --count \"5\": expected a whole number from 1 to 4.")]
    [InlineData(new[] { "--resolution", "8K" }, "Invalid --resolution \"8K\": use one of 1K, 2K, 4K.")]
    [InlineData(new[] { "--aspect-ratio", "7:3" }, "Invalid --aspect-ratio \"7:3\": use one of 1:1, 2:3, 3:2, 3:4, 4:3, 4:5, 5:4, 9:16, 16:9, 21:9.")]
    [InlineData(new[] { "--timeout-ms", "soon" }, "Invalid --timeout-ms \"soon\": expected a positive whole number of milliseconds.")]
    [InlineData(new[] { "--input", "missing.png" }, "Input image not found: missing.png")]
    [InlineData(new[] { "--input", "notes.txt" }, "Input image notes.txt is not a PNG, JPEG, WebP or GIF image.")]
    public async Task Bad_options_are_named_and_nothing_is_sent(string[] options, string message)
    {
        await using var cli = await AgentCli.StartAsync(canonical: true);
        File.WriteAllText(Path.Combine(cli.Home.WorkingDirectory, "notes.txt"), "hello");

        var result = await cli.RunAsync(["infer", "image", "generate", "--prompt", "A red square on white", .. options]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"Error: {message}\n", result.Stderr);
        Assert.Empty(cli.Emulator.Journal.Entries);
    }

    [Fact]
    public async Task The_configured_time_limit_applies_and_the_option_beats_it()
    {
        await using var cli = await AgentCli.StartAsync(canonical: true);
        var time = new SleepSkippingTimeProvider();
        cli.TimeProvider = time;
        cli.WriteConfig("""{"agents":{"defaults":{"imageGenerationModel":{"timeoutMs":90000}}}}""");

        cli.Emulator.Faults.Enqueue("stall; ms=600000", "/chat/completions");
        var configured = cli.RunAsync("infer", "image", "generate", "--prompt", "A red square on white");
        await MediaFiles.WaitForAsync(() => ImageRequests(cli).Count == 1);
        time.Clock.Advance(TimeSpan.FromMilliseconds(90_000));
        var first = await configured;

        cli.Emulator.Faults.Enqueue("stall; ms=600000", "/chat/completions");
        var option = cli.RunAsync("infer", "image", "generate", "--prompt", "A red square on white", "--timeout-ms", "7000");
        await MediaFiles.WaitForAsync(() => ImageRequests(cli).Count == 2);
        time.Clock.Advance(TimeSpan.FromMilliseconds(7_000));
        var second = await option;

        Assert.Equal("Error: OpenRouter image generation failed: no answer within 90000 ms\n", first.Stderr);
        Assert.Equal("Error: OpenRouter image generation failed: no answer within 7000 ms\n", second.Stderr);
        Assert.Empty(FilesIn(cli.Home.WorkingDirectory));
    }

    [Fact]
    public async Task Ctrl_c_aborts_and_writes_nothing()
    {
        await using var cli = await AgentCli.StartAsync(canonical: true);
        cli.Emulator.Faults.Enqueue("stall; ms=600000", "/chat/completions");
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var running = cli.RunAsync(null, interrupt.Token, "infer", "image", "generate", "--prompt", "A red square on white", "--output", "out/img.png");
        await MediaFiles.WaitForAsync(() => ImageRequests(cli).Count == 1);
        await interrupt.CancelAsync();
        var result = await running;

        Assert.Equal(130, result.ExitCode);
        Assert.Equal("Aborted.\n", result.Stderr);
        Assert.Equal("", result.Stdout);
        Assert.Empty(FilesIn(cli.Home.WorkingDirectory));
    }

    [Fact]
    public async Task The_real_program_reaches_a_loopback_emulator_when_private_networks_are_allowed()
    {
        await using var cli = await AgentCli.StartAsync();
        cli.WriteConfig("""{"models":{"providers":{"openrouter":{"request":{"allowPrivateNetwork":true}}}}}""");

        var result = await cli.RunProcessAsync("infer", "image", "generate", "--prompt", "A red square on white", "--count", "2", "--output", "out/img.png", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var outputs = result.Json["outputs"]!.AsArray();
        Assert.Equal(
            [Path.Combine(cli.Home.WorkingDirectory, "out", "img-1.png"), Path.Combine(cli.Home.WorkingDirectory, "out", "img-2.png")],
            outputs.Select(output => (string?)output!["path"]));
        Assert.All(outputs, output => Assert.Equal((64, 64), MediaFiles.PngSize((string)output!["path"]!)));
        var request = Assert.Single(ImageRequests(cli));
        Assert.Equal(
            """{"model":"google/gemini-3.1-flash-image-preview","messages":[{"role":"user","content":"A red square on white"}],"modalities":["image","text"],"n":2}""",
            request.BodyText);
        // The local route: attribution, but no categories (provider spec §5.2).
        Assert.Equal("OpenClaw", request.Header("X-OpenRouter-Title"));
        Assert.Null(request.Header("X-OpenRouter-Categories"));
    }

    [Fact]
    public async Task The_real_program_refuses_a_loopback_base_url_by_default()
    {
        await using var cli = await AgentCli.StartAsync();

        var result = await cli.RunProcessAsync("infer", "image", "generate", "--prompt", "A red square on white");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error: Blocked hostname or private/internal/special-use IP address\n", result.Stderr);
        Assert.Empty(ImageRequests(cli));
        Assert.Empty(FilesIn(cli.Home.WorkingDirectory));
    }
}
