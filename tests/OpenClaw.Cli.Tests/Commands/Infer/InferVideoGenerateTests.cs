using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using OpenClaw.Cli.Tests.Support;
using OpenClaw.OpenRouter.Emulator;

namespace OpenClaw.Cli.Tests.Commands.Infer;

/// <summary>
/// <c>openclaw infer video generate</c> (CLI spec §7, provider spec §16) against the emulator. In-process runs use a clock on
/// which the 5 s pauses between polls pass at once. Most run on the local route; one runs on the canonical route with the
/// download on a foreign storage origin.
/// </summary>
public sealed class InferVideoGenerateTests
{
    private static async Task<AgentCli> StartAsync(EmulatorOptions? options = null)
    {
        var cli = await AgentCli.StartAsync(options: options);
        cli.TimeProvider = new SleepSkippingTimeProvider();
        return cli;
    }

    private static IReadOnlyList<JsonObject> Submits(AgentCli cli) =>
        [.. cli.Emulator.Journal.Entries.Where(entry => entry.Method == "POST" && entry.Path.EndsWith("/videos", StringComparison.Ordinal)).Select(entry => entry.BodyJson!.AsObject())];

    private static IReadOnlyList<JournalEntry> VideoRequests(AgentCli cli) =>
        [.. cli.Emulator.Journal.Entries.Where(entry => entry.Path.Contains("/videos", StringComparison.Ordinal))];

    private static string[] FilesIn(string directory) =>
        Directory.Exists(directory) ? [.. Directory.GetFileSystemEntries(directory, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Order(StringComparer.Ordinal)!] : [];

    [Fact]
    public async Task Submits_polls_downloads_and_writes_the_mp4_showing_progress_on_stderr()
    {
        await using var cli = await StartAsync();

        var result = await cli.RunAsync("infer", "video", "generate", "--prompt", "A slow pan over a lake",
            "--duration", "5", "--resolution", "1080P", "--aspect-ratio", "9:16", "--audio");

        Assert.True(result.ExitCode == 0, result.ToString());
        var path = Path.Combine(cli.Home.WorkingDirectory, "video-1.mp4");
        Assert.Equal(path + "\n", result.Stdout);
        MediaFiles.AssertMp4(path);
        var submit = cli.Emulator.Journal.Entries.Single(entry => entry.Method == "POST" && entry.Path.EndsWith("/videos", StringComparison.Ordinal));
        Assert.Equal(
            """{"model":"google/veo-3.1-fast","prompt":"A slow pan over a lake","duration":6,"resolution":"1080p","aspect_ratio":"9:16","generate_audio":true}""",
            submit.BodyText);
        Assert.Equal("Bearer " + ApiKeyRegistry.DefaultKey, submit.Header("Authorization"));
        Assert.Equal("application/json", submit.Header("Content-Type"));
        Assert.Equal("https://openclaw.ai", submit.Header("HTTP-Referer"));
        Assert.Equal("OpenClaw", submit.Header("X-OpenRouter-Title"));
        var jobId = System.Text.RegularExpressions.Regex.Match(result.StderrLines[0], "^Submitted job (\\S+)$").Groups[1].Value;
        Assert.NotEmpty(jobId);
        Assert.Equal(
            [
                $"Submitted job {jobId}",
                "Status in_progress (poll 1, 0s)",
                "Status completed (poll 2, 5s)",
                "Downloading video",
            ],
            result.StderrLines.Take(4));
        Assert.StartsWith($"google/veo-3.1-fast · job {jobId} · $", result.StderrLines[4], StringComparison.Ordinal);
        Assert.Equal(5, result.StderrLines.Count);
    }

    [Fact]
    public async Task On_the_canonical_route_polls_carry_the_key_and_a_foreign_storage_download_carries_no_header()
    {
        await using var cli = await AgentCli.StartAsync(canonical: true, options: new EmulatorOptions { ForeignPort = 0 });
        cli.TimeProvider = new SleepSkippingTimeProvider();
        cli.Emulator.Faults.Enqueue(FaultNames.VideoForeignUrls, "/videos");

        var result = await cli.RunAsync("infer", "video", "generate", "--prompt", "A slow pan over a lake", "--output", "lake.mp4");

        Assert.True(result.ExitCode == 0, result.ToString());
        MediaFiles.AssertMp4(Path.Combine(cli.Home.WorkingDirectory, "lake.mp4"));
        Assert.All(cli.Handler.Requested, url => Assert.True(url.Host is "openrouter.ai" || url.IsLoopback, url.ToString()));
        var foreign = cli.Emulator.ForeignOrigin!.GetLeftPart(UriPartial.Authority);
        var onApi = VideoRequests(cli).Where(entry => entry.Origin != foreign).ToList();
        Assert.Contains(onApi, entry => entry.Method == "GET" && entry.Path.Contains("/videos/", StringComparison.Ordinal));
        Assert.All(onApi, entry =>
        {
            Assert.Equal("Bearer " + ApiKeyRegistry.DefaultKey, entry.Header("Authorization"));
            Assert.Equal("https://openclaw.ai", entry.Header("HTTP-Referer"));
            Assert.Equal("OpenClaw", entry.Header("X-OpenRouter-Title"));
            Assert.NotNull(entry.Header("X-OpenRouter-Categories"));
        });
        var download = Assert.Single(cli.Emulator.Journal.Entries, entry => entry.Origin == foreign);
        Assert.Null(download.Header("Authorization"));
        Assert.Null(download.Header("HTTP-Referer"));
        Assert.Null(download.Header("X-OpenRouter-Title"));
        Assert.Null(download.Header("X-OpenRouter-Categories"));
    }

    [Fact]
    public async Task Json_prints_the_video_generate_document()
    {
        await using var cli = await StartAsync();

        var result = await cli.RunAsync("infer", "video", "generate", "--prompt", "A slow pan over a lake", "--output", "out/video.mp4", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var path = Path.Combine(cli.Home.WorkingDirectory, "out", "video.mp4");
        MediaFiles.AssertMp4(path);
        var expected = new JsonObject
        {
            ["ok"] = true,
            ["capability"] = "video.generate",
            ["transport"] = "local",
            ["provider"] = "openrouter",
            ["model"] = "google/veo-3.1-fast",
            ["attempts"] = new JsonArray(),
            ["outputs"] = new JsonArray(new JsonObject { ["path"] = path, ["mimeType"] = "video/mp4", ["size"] = new FileInfo(path).Length }),
        };
        Assert.Equal(expected.ToJsonString(), result.Json.ToJsonString());
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public async Task Frames_and_references_go_where_their_options_say()
    {
        await using var cli = await StartAsync();
        var first = MediaFiles.TinyPng(4, 4);
        var last = MediaFiles.TinyPng(6, 6);
        var reference = MediaFiles.TinyPng(8, 8);
        File.WriteAllBytes(Path.Combine(cli.Home.WorkingDirectory, "first.png"), first);
        File.WriteAllBytes(Path.Combine(cli.Home.WorkingDirectory, "last.png"), last);
        File.WriteAllBytes(Path.Combine(cli.Home.WorkingDirectory, "ref.png"), reference);

        var frames = await cli.RunAsync("infer", "video", "generate", "--prompt", "Bring it to life",
            "--last-frame", "last.png", "--first-frame", "first.png", "--seed", "42");
        var referenced = await cli.RunAsync("infer", "video", "generate", "--prompt", "Bring it to life",
            "--reference", "ref.png", "--first-frame", "first.png", "--output", "second.mp4");

        Assert.True(frames.ExitCode == 0, frames.ToString());
        Assert.True(referenced.ExitCode == 0, referenced.ToString());
        static string Url(byte[] png) => "data:image/png;base64," + Convert.ToBase64String(png);
        var submits = Submits(cli);
        Assert.Equal(
            $$$"""{"model":"google/veo-3.1-fast","prompt":"Bring it to life","frame_images":[{"type":"image_url","image_url":{"url":"{{{Url(first)}}}"},"frame_type":"first_frame"},{"type":"image_url","image_url":{"url":"{{{Url(last)}}}"},"frame_type":"last_frame"}],"seed":42}""",
            submits[0].ToJsonString());
        Assert.Equal(
            $$$"""{"model":"google/veo-3.1-fast","prompt":"Bring it to life","frame_images":[{"type":"image_url","image_url":{"url":"{{{Url(first)}}}"},"frame_type":"first_frame"}],"input_references":[{"type":"image_url","image_url":{"url":"{{{Url(reference)}}}"}}]}""",
            submits[1].ToJsonString());
    }

    [Fact]
    public async Task Audio_is_asked_for_only_when_the_option_is_given()
    {
        await using var cli = await StartAsync();

        await cli.RunAsync("infer", "video", "generate", "--prompt", "Quiet", "--output", "a.mp4");
        await cli.RunAsync("infer", "video", "generate", "--prompt", "Loud", "--audio", "--output", "b.mp4");
        await cli.RunAsync("infer", "video", "generate", "--prompt", "Silent", "--audio", "false", "--output", "c.mp4");

        Assert.Equal([null, "true", "false"], Submits(cli).Select(body => body["generate_audio"]?.ToJsonString()));
    }

    [Fact]
    public async Task More_images_than_the_model_takes_are_refused_before_the_job_is_submitted()
    {
        await using var cli = await StartAsync();
        var png = MediaFiles.TinyPng();
        File.WriteAllBytes(Path.Combine(cli.Home.WorkingDirectory, "a.png"), png);

        var result = await cli.RunAsync("infer", "video", "generate", "--prompt", "Bring it to life",
            "--first-frame", "a.png", "--last-frame", "a.png", "--reference", "a.png");

        Assert.Equal(1, result.ExitCode);
        // Veo 3.1 Fast's live row lists two frame types: two input images at most.
        Assert.Equal("Error: OpenRouter video model google/veo-3.1-fast supports at most 2 input images, got 3.\n", result.Stderr);
        Assert.Empty(Submits(cli));
        Assert.Equal(["a.png"], FilesIn(cli.Home.WorkingDirectory));
    }

    [Theory]
    [InlineData("""{"agents":{"defaults":{"videoGenerationModel":"openrouter/google/veo-3.1-fast"}}}""")]
    [InlineData("""{"agents":{"defaults":{"mediaModels":{"video":{"primary":"google/veo-3.1-fast","timeoutMs":600000}}}}}""")]
    public async Task The_string_form_and_the_media_models_alias_name_the_model(string config)
    {
        await using var cli = await StartAsync();
        cli.WriteConfig(config);

        var result = await cli.RunAsync("infer", "video", "generate", "--prompt", "A slow pan over a lake");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("google/veo-3.1-fast", (string?)Assert.Single(Submits(cli))["model"]);
    }

    [Fact]
    public async Task When_every_model_fails_the_error_lists_them()
    {
        await using var cli = await StartAsync();
        cli.WriteConfig("""{"agents":{"defaults":{"videoGenerationModel":{"primary":"openrouter/google/veo-3.1-fast","fallbacks":["openrouter/google/veo-9"]}}}}""");
        cli.Emulator.Faults.Enqueue("video-failed; error=Content policy violation", "/videos");

        var result = await cli.RunAsync("infer", "video", "generate", "--prompt", "A slow pan over a lake");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "Error: All video models failed (2): openrouter/google/veo-3.1-fast: Content policy violation | " +
            "openrouter/google/veo-9: OpenRouter video generation failed (HTTP 400): google/veo-9 is not a valid model ID",
            result.StderrLines[^1]);
        Assert.Contains("openrouter/google/veo-3.1-fast failed (timeout): Content policy violation Trying openrouter/google/veo-9.", result.StderrLines);
        Assert.Equal(["google/veo-3.1-fast", "google/veo-9"], Submits(cli).Select(body => (string?)body["model"]));
        Assert.Empty(FilesIn(cli.Home.WorkingDirectory));
    }

    [Fact]
    public async Task A_download_that_is_not_a_video_leaves_no_file()
    {
        await using var cli = await StartAsync();
        cli.Emulator.Faults.Enqueue("video-html-content", "/videos");

        var result = await cli.RunAsync("infer", "video", "generate", "--prompt", "A slow pan over a lake", "--output", "out/clip.mp4");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("Error: ", result.StderrLines[^1], StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
        Assert.Empty(FilesIn(cli.Home.WorkingDirectory));
    }

    [Fact]
    public async Task A_video_over_the_cap_is_printed_as_its_url_and_not_written()
    {
        await using var cli = await StartAsync();
        cli.WriteConfig("""{"agents":{"defaults":{"mediaMaxMb":0.001}}}""");
        cli.Emulator.Faults.Enqueue("oversize; bytes=4096", "/videos");
        cli.Emulator.Faults.Enqueue("oversize; bytes=4096", "/videos");

        var text = await cli.RunAsync("infer", "video", "generate", "--prompt", "A long film");
        var json = await cli.RunAsync("infer", "video", "generate", "--prompt", "A long film", "--json");

        Assert.True(text.ExitCode == 0, text.ToString());
        var url = Assert.Single(text.StdoutLines);
        Assert.StartsWith(cli.Emulator.BaseUrl.AbsoluteUri + "/videos/", url, StringComparison.Ordinal);
        Assert.Contains("The video is larger than 1.023 KiB (agents.defaults.mediaMaxMb): not downloaded. Its URL:", text.StderrLines);
        var output = Assert.Single(json.Json["outputs"]!.AsArray())!;
        Assert.Equal(["url", "mimeType"], output.AsObject().Select(property => property.Key));
        Assert.StartsWith(cli.Emulator.BaseUrl.AbsoluteUri + "/videos/", (string?)output["url"], StringComparison.Ordinal);
        Assert.Empty(FilesIn(cli.Home.WorkingDirectory));
    }

    [Theory]
    [InlineData(new[] { "--resolution", "4K" }, "Invalid --resolution \"4K\": use one of 720P, 1080P.")]
    [InlineData(new[] { "--duration", "long" }, "Invalid --duration \"long\": expected a positive number of seconds.")]
    [InlineData(new[] { "--seed", "1.5" }, "Invalid --seed \"1.5\": expected an integer.")]
    [InlineData(new[] { "--aspect-ratio", "wide" }, "Invalid --aspect-ratio \"wide\": expected WIDTH:HEIGHT, e.g. 16:9.")]
    [InlineData(new[] { "--size", "big" }, "Invalid --size \"big\": expected WIDTHxHEIGHT, e.g. 1280x720.")]
    [InlineData(new[] { "--first-frame", "missing.png" }, "Input image not found: missing.png")]
    [InlineData(new[] { "--reference", "notes.txt" }, "Input image notes.txt is not a PNG, JPEG, WebP or GIF image.")]
    public async Task Bad_options_are_named_and_nothing_is_sent(string[] options, string message)
    {
        await using var cli = await StartAsync();
        File.WriteAllText(Path.Combine(cli.Home.WorkingDirectory, "notes.txt"), "hello");

        var result = await cli.RunAsync(["infer", "video", "generate", "--prompt", "A slow pan over a lake", .. options]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"Error: {message}\n", result.Stderr);
        Assert.Empty(cli.Emulator.Journal.Entries);
    }

    [Fact]
    public async Task Without_a_key_nothing_is_sent()
    {
        await using var cli = await StartAsync();
        cli.Home.Environment.Remove("OPENROUTER_API_KEY");

        var result = await cli.RunAsync("infer", "video", "generate", "--prompt", "A slow pan over a lake");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error: OpenRouter API key missing\n", result.Stderr);
        Assert.Empty(cli.Emulator.Journal.Entries);
    }

    [Fact]
    public async Task Ctrl_c_while_polling_aborts_and_writes_nothing()
    {
        await using var cli = await AgentCli.StartAsync();
        // A clock that never moves by itself: the job waits at its first pause until the test interrupts it.
        cli.TimeProvider = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 10, 15, 0, TimeSpan.Zero));
        cli.Emulator.Faults.Enqueue("video-never-finishes", "/videos");
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var running = cli.RunAsync(null, interrupt.Token, "infer", "video", "generate", "--prompt", "A slow pan over a lake");
        await MediaFiles.WaitForAsync(() => cli.Emulator.Journal.Entries.Any(entry => entry.Method == "GET" && entry.Path.Contains("/videos/", StringComparison.Ordinal) && !entry.Path.EndsWith("/models", StringComparison.Ordinal)));
        await interrupt.CancelAsync();
        var result = await running;

        Assert.Equal(130, result.ExitCode);
        Assert.Equal("Aborted.", result.StderrLines[^1]);
        Assert.StartsWith("Submitted job ", result.StderrLines[0], StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
        Assert.Empty(FilesIn(cli.Home.WorkingDirectory));
    }

    [Fact]
    public async Task The_real_program_reaches_a_loopback_emulator_when_private_networks_are_allowed()
    {
        await using var cli = await AgentCli.StartAsync(options: new EmulatorOptions { VideoPollsToComplete = 1 });
        cli.WriteConfig("""{"models":{"providers":{"openrouter":{"request":{"allowPrivateNetwork":true}}}}}""");

        var result = await cli.RunProcessAsync("infer", "video", "generate", "--prompt", "A slow pan over a lake", "--resolution", "720p", "--output", "clip.mp4");

        Assert.True(result.ExitCode == 0, result.ToString());
        var path = Path.Combine(cli.Home.WorkingDirectory, "clip.mp4");
        Assert.Equal(path + "\n", result.Stdout);
        MediaFiles.AssertMp4(path);
        Assert.StartsWith("Submitted job ", result.StderrLines[0], StringComparison.Ordinal);
        Assert.Matches(@"^Status completed \(poll 1, \d+s\)$", result.StderrLines[1]);
        Assert.Equal(
            """{"model":"google/veo-3.1-fast","prompt":"A slow pan over a lake","resolution":"720p"}""",
            Assert.Single(Submits(cli)).ToJsonString());
    }

    [Fact]
    public async Task The_real_program_refuses_a_loopback_base_url_by_default()
    {
        await using var cli = await AgentCli.StartAsync();

        var result = await cli.RunProcessAsync("infer", "video", "generate", "--prompt", "A slow pan over a lake", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            """{"ok":false,"error":{"type":"cli_error","message":"Blocked hostname or private/internal/special-use IP address"}}""",
            result.Json.ToJsonString());
        Assert.Empty(VideoRequests(cli));
        Assert.Empty(FilesIn(cli.Home.WorkingDirectory));
    }

    [Fact]
    public async Task The_real_program_stops_on_ctrl_c_while_polling()
    {
        await using var cli = await AgentCli.StartAsync();
        cli.WriteConfig("""{"models":{"providers":{"openrouter":{"request":{"allowPrivateNetwork":true}}}}}""");
        cli.Emulator.Faults.Enqueue("video-never-finishes", "/videos");

        using var running = cli.Home.Start("infer", "video", "generate", "--prompt", "A slow pan over a lake");
        await MediaFiles.WaitForAsync(() => cli.Emulator.Journal.Entries.Any(entry => entry.Method == "GET" && entry.Path.Contains("/videos/", StringComparison.Ordinal) && !entry.Path.EndsWith("/models", StringComparison.Ordinal)));
        running.Interrupt();
        var result = await running.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(130, result.ExitCode);
        Assert.Equal("Aborted.", result.StderrLines[^1]);
        Assert.Empty(FilesIn(cli.Home.WorkingDirectory));
    }
}
