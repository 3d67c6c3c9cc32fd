using OpenClaw.Agent.Speech;
using OpenClaw.Core.Config;
using OpenClaw.Core.Errors;
using OpenClaw.OpenRouter;
using OpenClaw.OpenRouter.Emulator;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Speech;
using Microsoft.Extensions.Time.Testing;

namespace OpenClaw.Agent.Tests.Speech;

/// <summary>Speech written to disk: the configured settings on the wire, the audio as sent, never a partial file.</summary>
public sealed class SpeechSynthesizerTests : IAsyncLifetime
{
    private readonly TemporaryDirectory _directory = new();
    private OpenRouterEmulator _emulator = null!;
    private EmulatorRedirectHandler _handler = null!;
    private OpenRouterClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _emulator = await OpenRouterEmulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        _handler = new EmulatorRedirectHandler(_emulator.Origin);
        _client = new OpenRouterClient(new OpenRouterClientOptions { ApiKey = ApiKeyRegistry.DefaultKey, Handler = _handler });
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        _handler.Dispose();
        await _emulator.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task The_configured_settings_are_sent_and_the_file_holds_the_audio_exactly()
    {
        var settings = new TtsOpenRouterSettings
        {
            Model = "hexgrad/kokoro-82m",
            Voice = "af_bella",
            Speed = 1.1,
            ResponseFormat = OpenRouterSpeechFormat.Pcm,
            Provider = new System.Text.Json.Nodes.JsonObject { ["order"] = new System.Text.Json.Nodes.JsonArray("deepinfra") },
        };
        var synthesizer = new SpeechSynthesizer(_client, settings);
        var path = _directory.Combine("out", "speech.pcm");

        var audio = await synthesizer.SynthesizeToFileAsync(synthesizer.CreateRequest("Hello there"), path, TestContext.Current.CancellationToken);

        Assert.Equal(
            """{"model":"hexgrad/kokoro-82m","input":"Hello there","voice":"af_bella","response_format":"pcm","speed":1.1,"provider":{"order":["deepinfra"]}}""",
            Assert.Single(_emulator.Journal.For("/audio/speech")).BodyText);
        Assert.Equal(path, audio.Path);
        Assert.Equal(audio.Result.Audio.ToArray(), await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken));
        Assert.Equal(24000 * 2 * 660 / 1000, new FileInfo(path).Length);
        Assert.Equal(OpenRouterSpeechFormat.Pcm, audio.Format);
        Assert.False(audio.VoiceCompatible);
        Assert.Equal(["speech.pcm"], Directory.GetFiles(_directory.Combine("out")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Empty_settings_use_the_provider_defaults()
    {
        var synthesizer = new SpeechSynthesizer(_client, TtsOpenRouterSettings.Empty, TimeSpan.FromSeconds(9));

        var request = synthesizer.CreateRequest("Hello there");
        var audio = await synthesizer.SynthesizeToFileAsync(request, _directory.Combine("a.mp3"), TestContext.Current.CancellationToken);

        Assert.Equal(TimeSpan.FromSeconds(9), request.Timeout);
        Assert.Equal("""{"model":"hexgrad/kokoro-82m","input":"Hello there","voice":"af_alloy","response_format":"mp3"}""",
            Assert.Single(_emulator.Journal.For("/audio/speech")).BodyText);
        var bytes = await File.ReadAllBytesAsync(audio.Path, TestContext.Current.CancellationToken);
        Assert.True(bytes[0] == 0xFF && (bytes[1] & 0xE0) == 0xE0, "an MP3 frame sync");
        Assert.True(audio.VoiceCompatible);
    }

    [Fact]
    public async Task Replies_get_unique_names_under_media_tts()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 12, 30, 5, TimeSpan.Zero));
        var synthesizer = new SpeechSynthesizer(_client, TtsOpenRouterSettings.Empty, time: time);
        var directory = SpeechSynthesizer.MediaDirectory(_directory.Path);

        var first = await synthesizer.SynthesizeToDirectoryAsync(synthesizer.CreateRequest("Hello there"), directory, TestContext.Current.CancellationToken);
        var second = await synthesizer.SynthesizeToDirectoryAsync(synthesizer.CreateRequest("Hello there"), directory, TestContext.Current.CancellationToken);

        Assert.Equal(_directory.Combine("media", "tts"), directory);
        Assert.NotEqual(first.Path, second.Path);
        Assert.Matches(@"^tts-20261124T123005Z-[0-9a-f]{12}\.mp3$", Path.GetFileName(first.Path));
        Assert.Equal(2, Directory.GetFiles(directory).Length);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(directory));
        }
    }

    [Theory]
    [InlineData("server-error")]
    [InlineData("video-empty-content")]
    [InlineData("drop")]
    public async Task A_failed_synthesis_leaves_no_file_and_no_temporary_file(string fault)
    {
        _emulator.Faults.Enqueue(fault, "/audio/speech");
        var synthesizer = new SpeechSynthesizer(_client, TtsOpenRouterSettings.Empty);
        var path = _directory.Combine("speech.mp3");

        await Assert.ThrowsAnyAsync<OpenRouterException>(() =>
            synthesizer.SynthesizeToFileAsync(synthesizer.CreateRequest("Hello there"), path, TestContext.Current.CancellationToken));

        Assert.Empty(Directory.GetFileSystemEntries(_directory.Path));
    }

    [Fact]
    public async Task A_failed_synthesis_keeps_an_existing_file_as_it_was()
    {
        var path = _directory.Combine("speech.mp3");
        await File.WriteAllTextAsync(path, "previous", TestContext.Current.CancellationToken);
        _emulator.Faults.Enqueue("bad-gateway", "/audio/speech");
        var synthesizer = new SpeechSynthesizer(_client, TtsOpenRouterSettings.Empty);

        await Assert.ThrowsAsync<OpenRouterServerException>(() =>
            synthesizer.SynthesizeToFileAsync(synthesizer.CreateRequest("Hello there"), path, TestContext.Current.CancellationToken));

        Assert.Equal("previous", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        Assert.Single(Directory.GetFileSystemEntries(_directory.Path));
    }

    [Fact]
    public async Task A_directory_as_the_target_is_refused_before_paying_for_audio()
    {
        var synthesizer = new SpeechSynthesizer(_client, TtsOpenRouterSettings.Empty);

        var error = await Assert.ThrowsAsync<OpenClawException>(() =>
            synthesizer.SynthesizeToFileAsync(synthesizer.CreateRequest("Hello there"), _directory.Path, TestContext.Current.CancellationToken));

        Assert.Equal($"Cannot write {_directory.Path}: it is a directory.", error.Message);
        Assert.Empty(_emulator.Journal.Entries);
    }
}
