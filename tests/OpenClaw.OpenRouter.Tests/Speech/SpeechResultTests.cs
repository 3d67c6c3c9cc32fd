using System.Net.Http.Headers;
using OpenClaw.OpenRouter.Emulator;
using OpenClaw.OpenRouter.Speech;
using OpenClaw.OpenRouter.Tests.Support;

namespace OpenClaw.OpenRouter.Tests.Speech;

/// <summary>What <see cref="OpenRouterClient.SynthesizeSpeechAsync"/> returns: the audio exactly as sent, and how to store it.</summary>
public sealed class SpeechResultTests
{
    private const int PcmBytesPerSecond = 24000 * 2;

    [Fact]
    public async Task Mp3_audio_is_returned_byte_for_byte_with_its_file_facts()
    {
        await using var harness = await ClientHarness.StartAsync();

        var result = await harness.Client.SynthesizeSpeechAsync(new OpenRouterSpeechRequest { Input = "Hello there" }, TestContext.Current.CancellationToken);

        var expected = await DirectAsync(harness.Emulator, "mp3");
        Assert.Equal(expected, result.Audio.ToArray());
        Assert.True(StartsLikeMp3(result.Audio.Span));
        Assert.Equal(OpenRouterSpeechFormat.Mp3, result.Format);
        Assert.Equal(".mp3", result.FileExtension);
        Assert.True(result.VoiceCompatible);
        Assert.Equal("audio/mpeg", result.MediaType);
        Assert.StartsWith("gen-", result.GenerationId, StringComparison.Ordinal);
        Assert.Equal("hexgrad/kokoro-82m", result.Model);
        Assert.Equal("af_alloy", result.Voice);
    }

    [Fact]
    public async Task Pcm_audio_is_raw_24kHz_16_bit_samples()
    {
        await using var harness = await ClientHarness.StartAsync();

        var result = await harness.Client.SynthesizeSpeechAsync(
            new OpenRouterSpeechRequest { Input = "Hello there", ResponseFormat = OpenRouterSpeechFormat.Pcm }, TestContext.Current.CancellationToken);

        // The emulator speaks 60 ms per character: 11 characters.
        Assert.Equal(PcmBytesPerSecond * 660 / 1000, result.Audio.Length);
        Assert.Equal(await DirectAsync(harness.Emulator, "pcm"), result.Audio.ToArray());
        Assert.Equal(".pcm", result.FileExtension);
        Assert.False(result.VoiceCompatible);
        Assert.Equal("audio/pcm", result.MediaType);
    }

    [Fact]
    public async Task An_answer_without_a_content_type_takes_the_formats_media_type()
    {
        using var handler = new ScriptedHandler().Then((_, _) =>
            Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new ByteArrayContent([0xFF, 0xF3, 1, 2]) }));
        using var client = new OpenRouterClient(new OpenRouterClientOptions { ApiKey = "k", Handler = handler });

        var result = await client.SynthesizeSpeechAsync(new OpenRouterSpeechRequest { Input = "Hello there" }, TestContext.Current.CancellationToken);

        Assert.Equal([0xFF, 0xF3, 1, 2], result.Audio.ToArray());
        Assert.Equal("audio/mpeg", result.MediaType);
    }

    [Fact]
    public async Task Octet_stream_is_audio_even_when_it_starts_like_text()
    {
        using var handler = new ScriptedHandler().Then((_, _) =>
        {
            var content = new ByteArrayContent("{<"u8.ToArray());
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = content });
        });
        using var client = new OpenRouterClient(new OpenRouterClientOptions { ApiKey = "k", Handler = handler });

        var result = await client.SynthesizeSpeechAsync(new OpenRouterSpeechRequest { Input = "Hello there", ResponseFormat = OpenRouterSpeechFormat.Pcm },
            TestContext.Current.CancellationToken);

        Assert.Equal("{<"u8.ToArray(), result.Audio.ToArray());
        Assert.Equal("audio/pcm", result.MediaType);
    }

    /// <summary>MP3 starts with an ID3 tag or a frame sync (11 set bits).</summary>
    internal static bool StartsLikeMp3(ReadOnlySpan<byte> audio) =>
        audio.Length > 3 && (audio[..3].SequenceEqual("ID3"u8) || (audio[0] == 0xFF && (audio[1] & 0xE0) == 0xE0));

    /// <summary>The bytes the emulator answers to a plain request, for comparison.</summary>
    internal static async Task<byte[]> DirectAsync(OpenRouterEmulator emulator, string format)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, emulator.BaseUrl.AbsoluteUri + "/audio/speech")
        {
            Content = new StringContent($$"""{"model":"hexgrad/kokoro-82m","input":"Hello there","voice":"af_alloy","response_format":"{{format}}"}""",
                System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiKeyRegistry.DefaultKey);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
    }
}
