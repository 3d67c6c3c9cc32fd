using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using OpenClaw.Cli.Tests.Support;
using OpenClaw.OpenRouter.Emulator;

namespace OpenClaw.Cli.Tests.Commands.Infer;

/// <summary>
/// <c>openclaw infer tts convert</c> (CLI spec §7, provider spec §17): the TTS config on the wire, the key and base URL chains
/// of §3.2/§4.1, the written file, the <c>--json</c> document, and failures that leave no file behind.
/// </summary>
public sealed class InferTtsConvertTests
{
    private const string Categories = "cli-agent,cloud-agent,programming-app,creative-writing,writing-assistant,general-chat,personal-agent";
    private const string DefaultBody = """{"model":"hexgrad/kokoro-82m","input":"Hello there","voice":"af_alloy","response_format":"mp3"}""";

    private static readonly string TtsKey = Key('a');
    private static readonly string ProviderKey = Key('b');
    private static readonly string EnvKey = Key('c');

    /// <summary>A key the emulator accepts (<c>sk-or-v1-</c> + 64 lower-case hex), told apart by its digit.</summary>
    private static string Key(char digit) => "sk-or-v1-" + new string(digit, 64);

    private static IReadOnlyList<JournalEntry> SpeechRequests(AgentCli cli) => cli.Emulator.Journal.For("/audio/speech");

    private static string Output(AgentCli cli, string name = "speech.mp3") => Path.Combine(cli.Home.WorkingDirectory, "out", name);

    [Fact]
    public async Task The_seed_pages_snippet_pasted_verbatim_converts_on_the_canonical_route()
    {
        await using var cli = await AgentCli.StartAsync(canonical: true);
        cli.Home.WriteConfig(DocumentedConfigs.SeedTextToSpeech);

        var result = await cli.RunAsync("infer", "tts", "convert", "--text", "Hello there", "--output", "out/speech.mp3");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Output(cli) + "\n", result.Stdout);
        Assert.Equal("", result.Stderr);
        var entry = Assert.Single(SpeechRequests(cli));
        Assert.Equal(DefaultBody, entry.BodyText);
        Assert.Equal("Bearer " + ApiKeyRegistry.DefaultKey, entry.Header("Authorization"));
        Assert.Equal("application/json", entry.Header("Content-Type"));
        Assert.Equal("https://openclaw.ai", entry.Header("HTTP-Referer"));
        Assert.Equal("OpenClaw", entry.Header("X-OpenRouter-Title"));
        Assert.Equal(Categories, entry.Header("X-OpenRouter-Categories"));
        Assert.Equal("https://openrouter.ai/api/v1/audio/speech", Assert.Single(cli.Handler.Requested).AbsoluteUri);
        var bytes = await File.ReadAllBytesAsync(Output(cli), TestContext.Current.CancellationToken);
        Assert.True(bytes[0] == 0xFF && (bytes[1] & 0xE0) == 0xE0, "an MP3 frame sync");
        Assert.Equal(await DirectAsync(cli.Emulator, DefaultBody), bytes);
        Assert.Equal(["speech.mp3"], Directory.GetFiles(Path.GetDirectoryName(Output(cli))!).Select(Path.GetFileName));
    }

    [Fact]
    public async Task The_seed_snippet_takes_its_key_from_the_state_dir_env_file()
    {
        await using var cli = await AgentCli.StartAsync(canonical: true);
        cli.Home.Environment.Remove("OPENROUTER_API_KEY");
        cli.Home.WriteConfig(DocumentedConfigs.SeedTextToSpeech);
        await File.WriteAllTextAsync(Path.Combine(cli.Home.StateDir, ".env"), $"OPENROUTER_API_KEY={EnvKey}\n", TestContext.Current.CancellationToken);

        var result = await cli.RunAsync("infer", "tts", "convert", "--text", "Hello there", "--output", "out/speech.mp3");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Bearer " + EnvKey, Assert.Single(SpeechRequests(cli)).Header("Authorization"));
    }

    [Fact]
    public async Task Every_config_key_is_sent_in_the_spec_order()
    {
        await using var cli = await AgentCli.StartAsync();
        cli.WriteConfig("""
            {"messages":{"tts":{"auto":"off","provider":"openrouter","timeoutMs":20000,"providers":{"openrouter":{
              "model":"hexgrad/kokoro-82m","voice":"af_bella","responseFormat":" PCM ","speed":1.25,"provider":{"order":["deepinfra"],"allow_fallbacks":false}}}}}}
            """);

        var result = await cli.RunAsync("infer", "tts", "convert", "--text", "Hello there", "--output", "out/speech.pcm");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            """{"model":"hexgrad/kokoro-82m","input":"Hello there","voice":"af_bella","response_format":"pcm","speed":1.25,"provider":{"order":["deepinfra"],"allow_fallbacks":false}}""",
            Assert.Single(SpeechRequests(cli)).BodyText);
        // 24 kHz, 16-bit mono, 60 ms per character in the emulator: 11 characters.
        Assert.Equal(24000 * 2 * 660 / 1000, new FileInfo(Output(cli, "speech.pcm")).Length);
    }

    [Fact]
    public async Task The_aliases_modelId_and_voiceId_are_read_from_the_top_level_tts_block()
    {
        await using var cli = await AgentCli.StartAsync();
        cli.WriteConfig("""{"tts":{"providers":{"openrouter":{"modelId":"google/gemini-3.1-flash-tts-preview","voiceId":"Kore"}}}}""");

        var result = await cli.RunAsync("infer", "tts", "convert", "--text", "Hello there", "--output", "out/speech.mp3");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""{"model":"google/gemini-3.1-flash-tts-preview","input":"Hello there","voice":"Kore","response_format":"mp3"}""",
            Assert.Single(SpeechRequests(cli)).BodyText);
    }

    [Fact]
    public async Task Top_level_tts_wins_per_key_over_messages_tts()
    {
        await using var cli = await AgentCli.StartAsync();
        cli.WriteConfig("""
            {"messages":{"tts":{"providers":{"openrouter":{"model":"hexgrad/kokoro-82m","voice":"af_alloy","speed":0.8}}}},
             "tts":{"providers":{"openrouter":{"voice":"am_adam","responseFormat":"pcm"}}}}
            """);

        var result = await cli.RunAsync("infer", "tts", "convert", "--text", "Hello there", "--output", "out/speech.pcm");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""{"model":"hexgrad/kokoro-82m","input":"Hello there","voice":"am_adam","response_format":"pcm","speed":0.8}""",
            Assert.Single(SpeechRequests(cli)).BodyText);
    }

    [Fact]
    public async Task Flags_override_the_config()
    {
        await using var cli = await AgentCli.StartAsync();
        cli.WriteConfig("""{"messages":{"tts":{"providers":{"openrouter":{"model":"elevenlabs/eleven-turbo-v2","voice":"Rachel","responseFormat":"pcm","speed":0.8}}}}}""");

        var result = await cli.RunAsync("infer", "tts", "convert", "--text", "Hello there", "--output", "out/speech.mp3",
            "--model", "hexgrad/kokoro-82m", "--voice", "af_heart", "--format", "MP3", "--speed", "1.5", "--provider", "openrouter", "--local");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""{"model":"hexgrad/kokoro-82m","input":"Hello there","voice":"af_heart","response_format":"mp3","speed":1.5}""",
            Assert.Single(SpeechRequests(cli)).BodyText);
    }

    [Fact]
    public async Task Text_dash_reads_standard_input()
    {
        await using var cli = await AgentCli.StartAsync();

        var result = await cli.RunAsync("Hello from standard input\n", TestContext.Current.CancellationToken,
            "infer", "tts", "convert", "--text", "-", "--output", "out/speech.mp3");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Hello from standard input\n", Assert.Single(SpeechRequests(cli)).BodyJson!["input"]!.GetValue<string>());
    }

    [Fact]
    public async Task Json_prints_the_tts_convert_document()
    {
        await using var cli = await AgentCli.StartAsync();

        var result = await cli.RunAsync("infer", "tts", "convert", "--text", "Hello there", "--output", "out/speech.mp3", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Stderr);
        var document = result.Json.AsObject();
        var attempt = document["attempts"]![0]!.AsObject();
        var latency = attempt["latencyMs"]!.GetValue<long>();
        Assert.True(latency >= 0);
        Assert.Equal(
            new JsonObject
            {
                ["ok"] = true,
                ["capability"] = "tts.convert",
                ["transport"] = "local",
                ["provider"] = "openrouter",
                ["attempts"] = new JsonArray(new JsonObject
                {
                    ["provider"] = "openrouter", ["outcome"] = "success", ["reasonCode"] = "success", ["personaBinding"] = "none", ["latencyMs"] = latency,
                }),
                ["outputs"] = new JsonArray(new JsonObject { ["path"] = Output(cli), ["format"] = "mp3", ["voiceCompatible"] = true }),
            }.ToJsonString(),
            document.ToJsonString());
        Assert.True(File.Exists(Output(cli)));
    }

    [Fact]
    public async Task Json_reports_pcm_as_not_voice_compatible()
    {
        await using var cli = await AgentCli.StartAsync();

        var result = await cli.RunAsync("infer", "tts", "convert", "--text", "Hello there", "--output", "out/speech.pcm", "--format", "pcm", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""{"path":"PATH","format":"pcm","voiceCompatible":false}""".Replace("PATH", Output(cli, "speech.pcm"), StringComparison.Ordinal),
            result.Json["outputs"]![0]!.ToJsonString());
    }

    [Fact]
    public async Task The_tts_api_key_comes_first()
    {
        await using var cli = await AgentCli.StartAsync(canonical: true);
        cli.Home.Environment["OPENROUTER_API_KEY"] = EnvKey;
        cli.Home.WriteConfig($$"""
            {messages: {tts: {providers: {openrouter: {apiKey: "{{TtsKey}}"} } } },
             models: {providers: {openrouter: {apiKey: "{{ProviderKey}}"} } } }
            """);

        var result = await cli.RunAsync("infer", "tts", "convert", "--text", "Hello there", "--output", "out/speech.mp3");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Bearer " + TtsKey, Assert.Single(SpeechRequests(cli)).Header("Authorization"));
    }

    [Fact]
    public async Task The_top_level_tts_api_key_counts_too()
    {
        await using var cli = await AgentCli.StartAsync(canonical: true);
        cli.Home.WriteConfig($$"""{tts: {providers: {openrouter: {apiKey: "{{TtsKey}}"} } }, models: {providers: {openrouter: {apiKey: "{{ProviderKey}}"} } } }""");

        var result = await cli.RunAsync("infer", "tts", "convert", "--text", "Hello there", "--output", "out/speech.mp3");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Bearer " + TtsKey, Assert.Single(SpeechRequests(cli)).Header("Authorization"));
    }

    [Fact]
    public async Task Then_the_models_provider_api_key_before_the_environment()
    {
        await using var cli = await AgentCli.StartAsync(canonical: true);
        cli.Home.Environment["OPENROUTER_API_KEY"] = EnvKey;
        cli.Home.WriteConfig($$"""{messages: {tts: {auto: "off"} }, models: {providers: {openrouter: {apiKey: "{{ProviderKey}}"} } } }""");

        var result = await cli.RunAsync("infer", "tts", "convert", "--text", "Hello there", "--output", "out/speech.mp3");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Bearer " + ProviderKey, Assert.Single(SpeechRequests(cli)).Header("Authorization"));
    }

    [Fact]
    public async Task Then_OPENROUTER_API_KEY()
    {
        await using var cli = await AgentCli.StartAsync(canonical: true);
        cli.Home.Environment["OPENROUTER_API_KEY"] = EnvKey;
        cli.Home.WriteConfig("{}");

        var result = await cli.RunAsync("infer", "tts", "convert", "--text", "Hello there", "--output", "out/speech.mp3");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Bearer " + EnvKey, Assert.Single(SpeechRequests(cli)).Header("Authorization"));
    }

    [Fact]
    public async Task OPENROUTER_API_KEY_may_come_from_the_config_env_block()
    {
        await using var cli = await AgentCli.StartAsync(canonical: true);
        cli.Home.Environment.Remove("OPENROUTER_API_KEY");
        cli.Home.WriteConfig($$"""{env: {OPENROUTER_API_KEY: "{{EnvKey}}"}, messages: {tts: {provider: "openrouter"} } }""");

        var result = await cli.RunAsync("infer", "tts", "convert", "--text", "Hello there", "--output", "out/speech.mp3");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Bearer " + EnvKey, Assert.Single(SpeechRequests(cli)).Header("Authorization"));
    }

    [Fact]
    public async Task A_tts_key_marker_naming_an_unset_variable_falls_through()
    {
        await using var cli = await AgentCli.StartAsync(canonical: true);
        cli.Home.Environment["OPENROUTER_API_KEY"] = EnvKey;
        cli.Home.WriteConfig("""{tts: {providers: {openrouter: {apiKey: "UNSET_TTS_KEY"}}}}""");

        var result = await cli.RunAsync("infer", "tts", "convert", "--text", "Hello there", "--output", "out/speech.mp3");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Bearer " + EnvKey, Assert.Single(SpeechRequests(cli)).Header("Authorization"));
    }

    [Fact]
    public async Task Without_any_key_nothing_is_sent()
    {
        await using var cli = await AgentCli.StartAsync();
        cli.Home.Environment.Remove("OPENROUTER_API_KEY");

        var text = await cli.RunAsync("infer", "tts", "convert", "--text", "Hello there", "--output", "out/speech.mp3");
        var json = await cli.RunAsync("infer", "tts", "convert", "--text", "Hello there", "--output", "out/speech.mp3", "--json");

        Assert.Equal(1, text.ExitCode);
        Assert.Equal("Error: OpenRouter API key missing\n", text.Stderr);
        Assert.Equal(1, json.ExitCode);
        Assert.Equal("""{"ok":false,"error":{"type":"cli_error","message":"OpenRouter API key missing"}}""", json.Json.ToJsonString());
        Assert.Empty(cli.Emulator.Journal.Entries);
        Assert.False(Directory.Exists(Path.GetDirectoryName(Output(cli))));
    }

    [Fact]
    public async Task The_onboarded_auth_profile_is_the_last_resort_after_the_documented_chain()
    {
        await using var cli = await AgentCli.StartAsync();
        cli.Home.Environment.Remove("OPENROUTER_API_KEY");
        var onboard = await cli.RunAsync("onboard", "--non-interactive", "--accept-risk", "--openrouter-api-key", ProviderKey, "--json");
        Assert.True(onboard.ExitCode == 0, onboard.ToString());

        var result = await cli.RunAsync("infer", "tts", "convert", "--text", "Hello there", "--output", "out/speech.mp3");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Bearer " + ProviderKey, Assert.Single(SpeechRequests(cli)).Header("Authorization"));
    }

    [Fact]
    public async Task The_environment_key_wins_over_the_onboarded_auth_profile()
    {
        await using var cli = await AgentCli.StartAsync();
        var onboard = await cli.RunAsync("onboard", "--non-interactive", "--accept-risk", "--openrouter-api-key", ProviderKey, "--json");
        Assert.True(onboard.ExitCode == 0, onboard.ToString());

        var result = await cli.RunAsync("infer", "tts", "convert", "--text", "Hello there", "--output", "out/speech.mp3");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Bearer " + ApiKeyRegistry.DefaultKey, Assert.Single(SpeechRequests(cli)).Header("Authorization"));
    }

    [Fact]
    public async Task The_tts_base_url_wins_over_the_models_provider_base_url()
    {
        await using var cli = await AgentCli.StartAsync(canonical: true);
        cli.Home.WriteConfig($$"""
            {messages: {tts: {providers: {openrouter: {baseUrl: "{{cli.Emulator.BaseUrl.AbsoluteUri}}/"} } } },
             models: {providers: {openrouter: {baseUrl: "https://proxy.example.com/v1"} } } }
            """);

        var result = await cli.RunAsync("infer", "tts", "convert", "--text", "Hello there", "--output", "out/speech.mp3");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(cli.Emulator.BaseUrl.AbsoluteUri + "/audio/speech", Assert.Single(cli.Handler.Requested).AbsoluteUri);
        var entry = Assert.Single(SpeechRequests(cli));
        Assert.Equal("OpenClaw", entry.Header("X-OpenRouter-Title"));
        Assert.Null(entry.Header("X-OpenRouter-Categories"));
    }

    [Fact]
    public async Task Then_the_models_provider_base_url_with_referer_and_title_but_no_categories()
    {
        await using var cli = await AgentCli.StartAsync(canonical: true);
        cli.Home.WriteConfig("""{models: {providers: {openrouter: {baseUrl: "https://proxy.example.com/v1/"}}}}""");

        var result = await cli.RunAsync("infer", "tts", "convert", "--text", "Hello there", "--output", "out/speech.mp3");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("https://proxy.example.com/v1/audio/speech", Assert.Single(cli.Handler.Requested).AbsoluteUri);
        var entry = Assert.Single(SpeechRequests(cli));
        Assert.Equal("Bearer " + ApiKeyRegistry.DefaultKey, entry.Header("Authorization"));
        Assert.Equal("https://openclaw.ai", entry.Header("HTTP-Referer"));
        Assert.Equal("OpenClaw", entry.Header("X-OpenRouter-Title"));
        Assert.Null(entry.Header("X-OpenRouter-Categories"));
    }

    [Theory]
    [InlineData("https://openrouter.ai/v1")]
    [InlineData("https://openrouter.ai/api/v1//")]
    public async Task A_legacy_tts_base_url_is_canonicalised(string baseUrl)
    {
        await using var cli = await AgentCli.StartAsync(canonical: true);
        cli.Home.WriteConfig($$"""{tts: {providers: {openrouter: {baseUrl: "{{baseUrl}}"} } }, models: {providers: {openrouter: {baseUrl: "https://proxy.example.com/v1"} } } }""");

        var result = await cli.RunAsync("infer", "tts", "convert", "--text", "Hello there", "--output", "out/speech.mp3");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("https://openrouter.ai/api/v1/audio/speech", Assert.Single(cli.Handler.Requested).AbsoluteUri);
        Assert.Equal(Categories, Assert.Single(SpeechRequests(cli)).Header("X-OpenRouter-Categories"));
    }

    [Fact]
    public async Task An_invalid_tts_base_url_is_refused_before_sending()
    {
        await using var cli = await AgentCli.StartAsync(canonical: true);
        cli.Home.WriteConfig("""{tts: {providers: {openrouter: {baseUrl: "file:///x"}}}}""");

        var result = await cli.RunAsync("infer", "tts", "convert", "--text", "Hello there", "--output", "out/speech.mp3");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error: Invalid OpenRouter API base URL: file:///x (scheme \"file\" is not http or https)\n", result.Stderr);
        Assert.Empty(cli.Emulator.Journal.Entries);
    }

    [Theory]
    [InlineData("messages")]
    [InlineData("tts")]
    public async Task A_bad_responseFormat_in_the_config_is_refused_before_sending(string block)
    {
        await using var cli = await AgentCli.StartAsync();
        var tts = """{"providers":{"openrouter":{"responseFormat":"wav"}}}""";
        cli.WriteConfig(block == "messages" ? $$"""{"messages":{"tts":{{tts}}} }""" : $$"""{"tts":{{tts}}}""");
        var path = block == "messages" ? "messages.tts" : "tts";

        var text = await cli.RunAsync("infer", "tts", "convert", "--text", "Hello there", "--output", "out/speech.mp3");
        var json = await cli.RunAsync("infer", "tts", "convert", "--text", "Hello there", "--output", "out/speech.mp3", "--json");

        var message = $"Config invalid: ~/.openclaw/openclaw.json: {path}.providers.openrouter.responseFormat: Invalid OpenRouter speech responseFormat: wav";
        Assert.Equal(1, text.ExitCode);
        Assert.Equal($"Error: {message}\n", text.Stderr);
        Assert.Equal(1, json.ExitCode);
        Assert.Equal(message, (string?)json.Json["error"]!["message"]);
        Assert.Empty(cli.Emulator.Journal.Entries);
    }

    [Theory]
    [InlineData("wav")]
    [InlineData("")]
    public async Task A_bad_format_flag_is_refused_before_sending(string format)
    {
        await using var cli = await AgentCli.StartAsync();

        var result = await cli.RunAsync("infer", "tts", "convert", "--text", "Hello there", "--output", "out/speech.mp3", "--format", format);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"Error: Invalid OpenRouter speech responseFormat: {format}\n", result.Stderr);
        Assert.Empty(cli.Emulator.Journal.Entries);
    }

    [Theory]
    [InlineData("fast")]
    [InlineData("0")]
    [InlineData("NaN")]
    public async Task A_bad_speed_flag_is_refused_before_sending(string speed)
    {
        await using var cli = await AgentCli.StartAsync();

        var result = await cli.RunAsync("infer", "tts", "convert", "--text", "Hello there", "--output", "out/speech.mp3", "--speed", speed);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"Error: Invalid --speed \"{speed}\": expected a positive number (1 is normal speed).\n", result.Stderr);
        Assert.Empty(cli.Emulator.Journal.Entries);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Empty_text_is_refused_before_sending(string text)
    {
        await using var cli = await AgentCli.StartAsync();

        var result = await cli.RunAsync("infer", "tts", "convert", "--text", text, "--output", "out/speech.mp3");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error: The text is empty: pass --text <text> or --text - (standard input).\n", result.Stderr);
        Assert.Empty(cli.Emulator.Journal.Entries);
    }

    [Fact]
    public async Task Another_provider_is_refused()
    {
        await using var cli = await AgentCli.StartAsync();
        cli.WriteConfig("""{"messages":{"tts":{"provider":"elevenlabs"}}}""");

        var configured = await cli.RunAsync("infer", "tts", "convert", "--text", "Hello there", "--output", "out/speech.mp3");
        var flagged = await cli.RunAsync("infer", "tts", "convert", "--text", "Hello there", "--output", "out/speech.mp3", "--provider", "edge");

        Assert.Equal("Error: TTS provider \"elevenlabs\" is not available: this port speaks through openrouter only.\n", configured.Stderr);
        Assert.Equal("Error: TTS provider \"edge\" is not available: this port speaks through openrouter only.\n", flagged.Stderr);
        Assert.Empty(cli.Emulator.Journal.Entries);
    }

    [Theory]
    [InlineData("status; code=400; message=Invalid request parameters", "OpenRouter TTS API error (HTTP 400): Invalid request parameters")]
    [InlineData("status; code=401; message=User not found.", "OpenRouter TTS API error (HTTP 401): User not found.")]
    [InlineData("status; code=402; message=Insufficient credits", "OpenRouter TTS API error (HTTP 402): Insufficient credits")]
    [InlineData("rate-limit", "OpenRouter TTS API error (HTTP 429): Rate limit exceeded: free-models-per-min.")]
    [InlineData("server-error", "OpenRouter TTS API error (HTTP 500): Internal Server Error")]
    [InlineData("bad-gateway", "OpenRouter TTS API error (HTTP 502): Provider returned error")]
    [InlineData("unavailable", "OpenRouter TTS API error (HTTP 503): Service temporarily unavailable")]
    [InlineData("error-body-200; code=502; message=Provider returned error", "OpenRouter TTS API error: Provider returned error")]
    [InlineData("video-empty-content", "OpenRouter TTS API error: the answer has no audio (empty body).")]
    [InlineData("video-html-content", "OpenRouter TTS API error: the answer is text/html, not audio.")]
    [InlineData("drop", "OpenRouter TTS API error: network connection error.")]
    public async Task Failures_are_reported_and_leave_no_file(string fault, string message)
    {
        await using var cli = await AgentCli.StartAsync();
        var directory = Path.GetDirectoryName(Output(cli))!;
        Directory.CreateDirectory(directory);
        cli.Emulator.Faults.Enqueue(fault, "/audio/speech");

        var text = await cli.RunAsync("infer", "tts", "convert", "--text", "Hello there", "--output", "out/speech.mp3");
        cli.Emulator.Faults.Enqueue(fault, "/audio/speech");
        var json = await cli.RunAsync("infer", "tts", "convert", "--text", "Hello there", "--output", "out/speech.mp3", "--json");

        Assert.Equal(1, text.ExitCode);
        Assert.Equal($"Error: TTS conversion failed: openrouter: {message}\n", text.Stderr);
        Assert.Equal("", text.Stdout);
        Assert.Equal(1, json.ExitCode);
        Assert.Equal(
            new JsonObject { ["ok"] = false, ["error"] = new JsonObject { ["type"] = "cli_error", ["message"] = "TTS conversion failed: openrouter: " + message } }.ToJsonString(),
            json.Json.ToJsonString());
        Assert.Empty(Directory.GetFileSystemEntries(directory));
    }

    [Fact]
    public async Task A_voice_the_model_does_not_have_is_the_providers_400()
    {
        await using var cli = await AgentCli.StartAsync();

        var result = await cli.RunAsync("infer", "tts", "convert", "--text", "Hello there", "--output", "out/speech.mp3", "--voice", "alloy");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error: TTS conversion failed: openrouter: OpenRouter TTS API error (HTTP 400): Voice \"alloy\" is not supported by hexgrad/kokoro-82m. " +
            "Supported voices: af_alloy, af_bella, af_heart, af_nicole, am_adam, am_michael, bf_emma, bm_george\n", result.Stderr);
        Assert.False(File.Exists(Output(cli)));
    }

    [Fact]
    public async Task A_failure_keeps_an_existing_output_file_as_it_was()
    {
        await using var cli = await AgentCli.StartAsync();
        Directory.CreateDirectory(Path.GetDirectoryName(Output(cli))!);
        await File.WriteAllTextAsync(Output(cli), "previous", TestContext.Current.CancellationToken);
        cli.Emulator.Faults.Enqueue("server-error", "/audio/speech");

        var result = await cli.RunAsync("infer", "tts", "convert", "--text", "Hello there", "--output", "out/speech.mp3");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("previous", await File.ReadAllTextAsync(Output(cli), TestContext.Current.CancellationToken));
        Assert.Single(Directory.GetFileSystemEntries(Path.GetDirectoryName(Output(cli))!));
    }

    [Fact]
    public async Task A_real_process_reaches_a_local_emulator_with_allowPrivateNetwork()
    {
        await using var cli = await AgentCli.StartAsync();
        cli.WriteConfig("""
            {"messages":{"tts":{"providers":{"openrouter":{"voice":"af_bella","responseFormat":"mp3"}}}},
             "models":{"providers":{"openrouter":{"request":{"allowPrivateNetwork":true}}}}}
            """);

        var result = await cli.RunProcessAsync("infer", "tts", "convert", "--text", "Hello there", "--output", "out/speech.mp3", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Output(cli), (string?)result.Json["outputs"]![0]!["path"]);
        var entry = Assert.Single(SpeechRequests(cli));
        Assert.Equal("""{"model":"hexgrad/kokoro-82m","input":"Hello there","voice":"af_bella","response_format":"mp3"}""", entry.BodyText);
        Assert.Equal("Bearer " + ApiKeyRegistry.DefaultKey, entry.Header("Authorization"));
        Assert.Equal("OpenClaw", entry.Header("X-OpenRouter-Title"));
        Assert.Null(entry.Header("X-OpenRouter-Categories"));
        var bytes = await File.ReadAllBytesAsync(Output(cli), TestContext.Current.CancellationToken);
        Assert.Equal(await DirectAsync(cli.Emulator, entry.BodyText), bytes);
    }

    [Fact]
    public async Task A_real_process_is_refused_a_loopback_base_without_allowPrivateNetwork()
    {
        await using var cli = await AgentCli.StartAsync();

        var result = await cli.RunProcessAsync("infer", "tts", "convert", "--text", "Hello there", "--output", "out/speech.mp3");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error: TTS conversion failed: openrouter: Blocked hostname or private/internal/special-use IP address\n", result.Stderr);
        Assert.Empty(cli.Emulator.Journal.Entries);
        Assert.False(File.Exists(Output(cli)));
    }

    /// <summary>The bytes the emulator answers to this body, sent directly.</summary>
    private static async Task<byte[]> DirectAsync(OpenRouterEmulator emulator, string body)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, emulator.BaseUrl.AbsoluteUri + "/audio/speech")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiKeyRegistry.DefaultKey);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
    }
}
