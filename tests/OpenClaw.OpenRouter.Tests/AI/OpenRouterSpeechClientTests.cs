using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using OpenClaw.OpenRouter.AI;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Speech;
using OpenClaw.OpenRouter.Tests.Speech;
using OpenClaw.OpenRouter.Tests.Support;

namespace OpenClaw.OpenRouter.Tests.AI;

/// <summary><see cref="OpenRouterSpeechClient"/>: MEAI's text-to-speech abstraction over <c>POST /audio/speech</c>.</summary>
public sealed class OpenRouterSpeechClientTests
{
    [Fact]
    public async Task Defaults_give_one_mp3_data_content()
    {
        await using var harness = await ClientHarness.StartAsync();
        using ITextToSpeechClient speech = new OpenRouterSpeechClient(harness.Client);

        var response = await speech.GetAudioAsync("Hello there", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("""{"model":"hexgrad/kokoro-82m","input":"Hello there","voice":"af_alloy","response_format":"mp3"}""",
            Assert.Single(harness.Emulator.Journal.For("/audio/speech")).BodyText);
        var audio = Assert.IsType<DataContent>(Assert.Single(response.Contents));
        Assert.Equal("audio/mpeg", audio.MediaType);
        Assert.Equal("speech.mp3", audio.Name);
        Assert.Equal(await SpeechResultTests.DirectAsync(harness.Emulator, "mp3"), audio.Data.ToArray());
        Assert.Equal("hexgrad/kokoro-82m", response.ModelId);
        Assert.StartsWith("gen-", response.ResponseId, StringComparison.Ordinal);
        Assert.IsType<OpenRouterSpeechResult>(response.RawRepresentation);
        Assert.Equal("af_alloy", response.AdditionalProperties?[OpenRouterSpeechClient.VoiceProperty]);
        Assert.Equal("mp3", response.AdditionalProperties?[OpenRouterSpeechClient.FormatProperty]);
    }

    [Fact]
    public async Task Options_map_to_the_body_in_the_spec_order()
    {
        await using var harness = await ClientHarness.StartAsync();
        using var speech = new OpenRouterSpeechClient(harness.Client);
        using var provider = JsonDocument.Parse("""{"order":["deepinfra"]}""");
        var options = new TextToSpeechOptions
        {
            ModelId = "hexgrad/kokoro-82m",
            VoiceId = "af_bella",
            Speed = 1.5f,
            AudioFormat = "pcm",
            Language = "en-US",
            Pitch = 1.2f,
            AdditionalProperties = new AdditionalPropertiesDictionary
            {
                [OpenRouterSpeechClient.ProviderProperty] = provider.RootElement.Clone(),
            },
        };

        var response = await speech.GetAudioAsync("Hello there", options, TestContext.Current.CancellationToken);

        Assert.Equal(
            """{"model":"hexgrad/kokoro-82m","input":"Hello there","voice":"af_bella","response_format":"pcm","speed":1.5,"provider":{"order":["deepinfra"]}}""",
            Assert.Single(harness.Emulator.Journal.For("/audio/speech")).BodyText);
        Assert.Equal("audio/pcm", Assert.IsType<DataContent>(Assert.Single(response.Contents)).MediaType);
    }

    [Theory]
    [InlineData("audio/mpeg", "mp3")]
    [InlineData("MP3", "mp3")]
    [InlineData("audio/pcm", "pcm")]
    public void Audio_formats_may_be_media_types(string audioFormat, string wire)
    {
        using var client = new OpenRouterClient(new OpenRouterClientOptions { ApiKey = "k" });
        using var speech = new OpenRouterSpeechClient(client);

        Assert.Equal(wire, speech.CreateRequest("Hi", new TextToSpeechOptions { AudioFormat = audioFormat }).ResponseFormat.Value);
    }

    [Fact]
    public void An_unknown_audio_format_is_refused_with_the_providers_message()
    {
        using var client = new OpenRouterClient(new OpenRouterClientOptions { ApiKey = "k" });
        using var speech = new OpenRouterSpeechClient(client);

        var error = Assert.Throws<OpenRouterInvalidRequestException>(() => speech.CreateRequest("Hi", new TextToSpeechOptions { AudioFormat = "wav" }));

        Assert.Equal("Invalid OpenRouter speech responseFormat: wav", error.Message);
    }

    [Fact]
    public void Constructor_defaults_apply_when_the_options_name_nothing()
    {
        using var client = new OpenRouterClient(new OpenRouterClientOptions { ApiKey = "k" });
        using var speech = new OpenRouterSpeechClient(client, "elevenlabs/eleven-turbo-v2", "Rachel", OpenRouterSpeechFormat.Pcm);

        var request = speech.CreateRequest("Hi", new TextToSpeechOptions
        {
            AdditionalProperties = new AdditionalPropertiesDictionary { [OpenRouterSpeechClient.TimeoutMsProperty] = 2500 },
        });

        Assert.Equal(("elevenlabs/eleven-turbo-v2", "Rachel", "pcm", TimeSpan.FromMilliseconds(2500)),
            (request.Model, request.Voice, request.ResponseFormat.Value, request.Timeout));
        var metadata = speech.GetService<TextToSpeechClientMetadata>();
        Assert.NotNull(metadata);
        Assert.Equal(("openrouter", "elevenlabs/eleven-turbo-v2"), (metadata.ProviderName, metadata.DefaultModelId));
        Assert.Same(client, speech.GetService<OpenRouterClient>());
    }

    [Fact]
    public void A_raw_request_is_the_starting_point_and_the_text_is_the_calls()
    {
        using var client = new OpenRouterClient(new OpenRouterClientOptions { ApiKey = "k" });
        using var speech = new OpenRouterSpeechClient(client);
        var raw = new OpenRouterSpeechRequest
        {
            Input = "ignored",
            Voice = "am_adam",
            Speed = 0.8,
            Provider = new JsonObject { ["sort"] = "price" },
        };

        var request = speech.CreateRequest("Hi", new TextToSpeechOptions { VoiceId = "af_bella", ModelId = "hexgrad/kokoro-82m", RawRepresentationFactory = _ => raw });

        Assert.Equal("Hi", request.Input);
        Assert.Equal("am_adam", request.Voice);
        Assert.Equal("hexgrad/kokoro-82m", request.Model);
        Assert.Equal(0.8, request.Speed);
        Assert.Equal("""{"sort":"price"}""", request.Provider?.ToJsonString());
    }

    [Fact]
    public async Task Streaming_yields_the_whole_audio_once()
    {
        await using var harness = await ClientHarness.StartAsync();
        using var speech = new OpenRouterSpeechClient(harness.Client);

        var updates = new List<TextToSpeechResponseUpdate>();
        await foreach (var update in speech.GetStreamingAudioAsync("Hello there", cancellationToken: TestContext.Current.CancellationToken))
        {
            updates.Add(update);
        }

        Assert.Single(harness.Emulator.Journal.For("/audio/speech"));
        var audio = updates.SelectMany(update => update.Contents).OfType<DataContent>().ToList();
        Assert.Equal(await SpeechResultTests.DirectAsync(harness.Emulator, "mp3"), Assert.Single(audio).Data.ToArray());
    }

    [Fact]
    public async Task Errors_are_the_librarys_own()
    {
        await using var harness = await ClientHarness.StartAsync();
        harness.Emulator.Faults.Enqueue("server-error", "/audio/speech");
        using var speech = new OpenRouterSpeechClient(harness.Client);

        var error = await Assert.ThrowsAsync<OpenRouterServerException>(() => speech.GetAudioAsync("Hello there", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("OpenRouter TTS API error (HTTP 500): Internal Server Error", error.Message);
    }
}
