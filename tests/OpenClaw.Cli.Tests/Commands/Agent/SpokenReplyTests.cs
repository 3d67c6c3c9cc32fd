using OpenClaw.Cli.Tests.Support;
using OpenClaw.OpenRouter.Emulator;

namespace OpenClaw.Cli.Tests.Commands.Agent;

/// <summary>
/// Spoken replies (<c>messages.tts.auto</c>): <c>openclaw agent</c> writes the reply as audio under
/// <c>&lt;stateDir&gt;/media/tts/</c> and reports it as the payload's <c>mediaUrl</c>; a speech failure never loses the reply.
/// </summary>
public sealed class SpokenReplyTests
{
    private static IReadOnlyList<JournalEntry> SpeechRequests(AgentCli cli) => cli.Emulator.Journal.For("/audio/speech");

    private static string MediaDirectory(AgentCli cli) => Path.Combine(cli.Home.StateDir, "media", "tts");

    private static void UseTts(AgentCli cli, string tts) =>
        cli.WriteConfig($$"""{"agents":{"defaults":{"model":{"primary":"openrouter/openai/gpt-5.5"} } },"messages":{"tts":{{tts}} } }""");

    [Fact]
    public async Task The_seed_pages_snippet_speaks_the_reply_and_json_reports_its_file()
    {
        await using var cli = await AgentCli.StartAsync(canonical: true);
        cli.Home.WriteConfig(DocumentedConfigs.SeedTextToSpeech);

        var result = await cli.RunAsync("agent", "-m", "Hello there", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var payload = Assert.Single(result.Json["payloads"]!.AsArray())!;
        Assert.Equal("Echo: Hello there", (string?)payload["text"]);
        var mediaUrl = (string?)payload["mediaUrl"];
        Assert.NotNull(mediaUrl);
        Assert.Equal(MediaDirectory(cli), Path.GetDirectoryName(mediaUrl));
        Assert.Matches(@"^tts-\d{8}T\d{6}Z-[0-9a-f]{12}\.mp3$", Path.GetFileName(mediaUrl));
        var bytes = await File.ReadAllBytesAsync(mediaUrl, TestContext.Current.CancellationToken);
        Assert.True(bytes.Length > 10 && bytes[0] == 0xFF && (bytes[1] & 0xE0) == 0xE0, "an MP3 frame sync");
        var speech = Assert.Single(SpeechRequests(cli));
        Assert.Equal("""{"model":"hexgrad/kokoro-82m","input":"Echo: Hello there","voice":"af_alloy","response_format":"mp3"}""", speech.BodyText);
        Assert.Equal("Bearer " + ApiKeyRegistry.DefaultKey, speech.Header("Authorization"));
        Assert.Equal(
            "cli-agent,cloud-agent,programming-app,creative-writing,writing-assistant,general-chat,personal-agent",
            speech.Header("X-OpenRouter-Categories"));
        Assert.Equal(["https://openrouter.ai/api/v1/chat/completions", "https://openrouter.ai/api/v1/audio/speech"],
            cli.Handler.Requested.Select(url => url.AbsoluteUri).Where(url => !url.EndsWith("/models", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Text_mode_prints_the_reply_and_notes_the_audio_file_on_stderr()
    {
        await using var cli = await AgentCli.StartAsync();
        UseTts(cli, """{"auto":"always"}""");

        var result = await cli.RunAsync("agent", "-m", "Hello there");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Echo: Hello there\n", result.Stdout);
        var note = Assert.Single(result.StderrLines, line => line.StartsWith("Spoken reply: ", StringComparison.Ordinal));
        var path = note["Spoken reply: ".Length..];
        Assert.True(File.Exists(path));
        Assert.Equal(MediaDirectory(cli), Path.GetDirectoryName(path));
        Assert.StartsWith("openai/gpt-5.5 via ", result.StderrLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_configured_voice_and_format_are_used()
    {
        await using var cli = await AgentCli.StartAsync();
        UseTts(cli, """{"auto":"always","providers":{"openrouter":{"voice":"af_bella","responseFormat":"pcm","speed":1.2}}}""");

        var result = await cli.RunAsync("agent", "-m", "Hello there", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""{"model":"hexgrad/kokoro-82m","input":"Echo: Hello there","voice":"af_bella","response_format":"pcm","speed":1.2}""",
            Assert.Single(SpeechRequests(cli)).BodyText);
        var mediaUrl = (string)result.Json["payloads"]![0]!["mediaUrl"]!;
        Assert.EndsWith(".pcm", mediaUrl, StringComparison.Ordinal);
        // "Echo: Hello there" is 17 characters at 60 ms each, 24 kHz 16-bit mono.
        Assert.Equal(24000 * 2 * 1020 / 1000, new FileInfo(mediaUrl).Length);
    }

    [Fact]
    public async Task Tagged_speaks_only_the_tagged_text()
    {
        await using var cli = await AgentCli.StartAsync();
        UseTts(cli, """{"auto":"tagged"}""");

        var result = await cli.RunAsync("agent", "-m", "Intro [[tts:text]]Only this part is spoken[[/tts:text]] outro", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Only this part is spoken", Assert.Single(SpeechRequests(cli)).BodyJson!["input"]!.GetValue<string>());
        Assert.NotNull((string?)result.Json["payloads"]![0]!["mediaUrl"]);
    }

    [Theory]
    [InlineData("""{"auto":"tagged"}""", "A reply long enough but without any tag")]
    [InlineData("""{"auto":"off"}""", "Hello there, a reply long enough")]
    [InlineData("""{"auto":"inbound"}""", "Hello there, a reply long enough")]
    [InlineData("""{"provider":"openrouter"}""", "Hello there, a reply long enough")]
    [InlineData("""{"auto":"always"}""", "Hi")]
    [InlineData("""{"auto":"always"}""", "123")]
    public async Task Nothing_is_spoken_when_the_mode_or_the_length_says_so(string tts, string message)
    {
        await using var cli = await AgentCli.StartAsync();
        UseTts(cli, tts);

        var result = await cli.RunAsync("agent", "-m", message, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Null(result.Json["payloads"]![0]!["mediaUrl"]);
        Assert.Empty(SpeechRequests(cli));
        Assert.False(Directory.Exists(MediaDirectory(cli)));
    }

    [Fact]
    public async Task Without_a_tts_block_nothing_is_spoken()
    {
        await using var cli = await AgentCli.StartAsync();
        cli.UseModels("openrouter/openai/gpt-5.5");

        var result = await cli.RunAsync("agent", "-m", "Hello there");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(SpeechRequests(cli));
        Assert.DoesNotContain(result.StderrLines, line => line.StartsWith("Spoken reply", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_speech_failure_keeps_the_reply_warns_and_exits_0()
    {
        await using var cli = await AgentCli.StartAsync();
        UseTts(cli, """{"auto":"always"}""");
        cli.Emulator.Faults.Enqueue("server-error", "/audio/speech");

        var result = await cli.RunAsync("agent", "-m", "Hello there", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var payload = Assert.Single(result.Json["payloads"]!.AsArray())!;
        Assert.Equal("Echo: Hello there", (string?)payload["text"]);
        Assert.Null(payload["mediaUrl"]);
        Assert.Equal(
            "Warning: the reply was not spoken: TTS conversion failed: openrouter: OpenRouter TTS API error (HTTP 500): Internal Server Error\n",
            result.Stderr);
        Assert.Empty(Directory.GetFileSystemEntries(MediaDirectory(cli)));
    }

    [Fact]
    public async Task Empty_audio_is_a_warning_and_no_file()
    {
        await using var cli = await AgentCli.StartAsync();
        UseTts(cli, """{"auto":"always"}""");
        cli.Emulator.Faults.Enqueue(FaultNames.VideoEmptyContent, "/audio/speech");

        var result = await cli.RunAsync("agent", "-m", "Hello there");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Echo: Hello there\n", result.Stdout);
        Assert.Contains("Warning: the reply was not spoken: TTS conversion failed: openrouter: OpenRouter TTS API error: the answer has no audio (empty body).",
            result.StderrLines);
        Assert.Empty(Directory.GetFileSystemEntries(MediaDirectory(cli)));
    }

    [Fact]
    public async Task An_onboarded_user_without_a_tts_key_is_spoken_to_with_the_auth_profile_key()
    {
        await using var cli = await AgentCli.StartAsync();
        cli.Home.Environment.Remove("OPENROUTER_API_KEY");
        var onboard = await cli.RunAsync("onboard", "--non-interactive", "--accept-risk", "--openrouter-api-key", ApiKeyRegistry.DefaultKey, "--json");
        Assert.True(onboard.ExitCode == 0, onboard.ToString());
        UseTts(cli, """{"auto":"always"}""");

        var result = await cli.RunAsync("agent", "-m", "Hello there", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Echo: Hello there", (string?)result.Json["payloads"]![0]!["text"]);
        Assert.True(File.Exists((string?)result.Json["payloads"]![0]!["mediaUrl"]), result.ToString());
        Assert.Equal("", result.Stderr);
        Assert.Equal("Bearer " + ApiKeyRegistry.DefaultKey, Assert.Single(SpeechRequests(cli)).Header("Authorization"));
    }

    [Fact]
    public async Task Another_tts_provider_is_a_warning()
    {
        await using var cli = await AgentCli.StartAsync();
        UseTts(cli, """{"auto":"always","provider":"elevenlabs"}""");

        var result = await cli.RunAsync("agent", "-m", "Hello there", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Warning: the reply was not spoken: TTS provider \"elevenlabs\" is not available: this port speaks through openrouter only.\n", result.Stderr);
        Assert.Empty(SpeechRequests(cli));
    }

    [Fact]
    public async Task A_real_process_speaks_through_a_local_emulator_with_allowPrivateNetwork_and_the_top_level_tts_alias()
    {
        await using var cli = await AgentCli.StartAsync();
        cli.WriteConfig("""
            {"agents":{"defaults":{"model":{"primary":"openrouter/openai/gpt-5.5"}}},
             "tts":{"auto":"always","providers":{"openrouter":{"voice":"am_adam"}}},
             "models":{"providers":{"openrouter":{"request":{"allowPrivateNetwork":true}}}}}
            """);

        var result = await cli.RunProcessAsync("agent", "-m", "Hello there", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var mediaUrl = (string?)result.Json["payloads"]![0]!["mediaUrl"];
        Assert.NotNull(mediaUrl);
        Assert.True(File.Exists(mediaUrl));
        Assert.Equal("""{"model":"hexgrad/kokoro-82m","input":"Echo: Hello there","voice":"am_adam","response_format":"mp3"}""",
            Assert.Single(SpeechRequests(cli)).BodyText);
    }

    [Fact]
    public async Task A_real_process_without_allowPrivateNetwork_keeps_the_reply_and_warns()
    {
        await using var cli = await AgentCli.StartAsync();
        UseTts(cli, """{"auto":"always"}""");

        var result = await cli.RunProcessAsync("agent", "-m", "Hello there", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Null(result.Json["payloads"]![0]!["mediaUrl"]);
        Assert.Contains(
            "Warning: the reply was not spoken: TTS conversion failed: openrouter: Blocked hostname or private/internal/special-use IP address",
            result.StderrLines);
        Assert.Empty(SpeechRequests(cli));
    }
}
