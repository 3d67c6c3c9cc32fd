using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Speech;

namespace OpenClaw.OpenRouter.Tests.Speech;

/// <summary><c>response_format</c>: mp3 or pcm, trimmed and case-insensitive, anything else refused with the provider's message.</summary>
public sealed class OpenRouterSpeechFormatTests
{
    [Theory]
    [InlineData("mp3", "mp3")]
    [InlineData(" MP3 ", "mp3")]
    [InlineData("pcm", "pcm")]
    [InlineData("\tPcm\n", "pcm")]
    public void Mp3_and_pcm_are_read_trimmed_in_any_case(string value, string expected) =>
        Assert.Equal(expected, OpenRouterSpeechFormat.Parse(value).Value);

    [Theory]
    [InlineData("wav")]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("mp 3")]
    [InlineData("opus")]
    public void Anything_else_is_refused_with_the_value_as_given(string value)
    {
        var error = Assert.Throws<OpenRouterInvalidRequestException>(() => OpenRouterSpeechFormat.Parse(value));

        Assert.Equal($"Invalid OpenRouter speech responseFormat: {value}", error.Message);
        Assert.False(OpenRouterSpeechFormat.TryParse(value, out _));
    }

    [Fact]
    public void Each_format_knows_its_file_and_media_type()
    {
        Assert.Equal((".mp3", "audio/mpeg", true), (OpenRouterSpeechFormat.Mp3.FileExtension, OpenRouterSpeechFormat.Mp3.MediaType, OpenRouterSpeechFormat.Mp3.IsVoiceCompatible));
        Assert.Equal((".pcm", "audio/pcm", false), (OpenRouterSpeechFormat.Pcm.FileExtension, OpenRouterSpeechFormat.Pcm.MediaType, OpenRouterSpeechFormat.Pcm.IsVoiceCompatible));
    }

    [Fact]
    public void The_default_value_is_mp3()
    {
        OpenRouterSpeechFormat unset = default;

        Assert.Equal("mp3", unset.Value);
        Assert.Equal(OpenRouterSpeechFormat.Mp3, unset);
        Assert.Equal(OpenRouterSpeechFormat.Mp3.GetHashCode(), unset.GetHashCode());
        Assert.NotEqual(OpenRouterSpeechFormat.Pcm, unset);
        Assert.Equal("mp3", new OpenRouterSpeechRequest { Input = "x" }.ResponseFormat.Value);
    }

    [Theory]
    [InlineData("audio/mpeg", "mp3")]
    [InlineData("audio/mp3", "mp3")]
    [InlineData("audio/pcm;rate=24000;channels=1", "pcm")]
    [InlineData("AUDIO/L16", "pcm")]
    [InlineData("mp3", "mp3")]
    public void Media_types_map_to_formats(string mediaType, string expected)
    {
        Assert.True(OpenRouterSpeechFormat.TryParseMediaType(mediaType, out var format));
        Assert.Equal(expected, format.Value);
    }

    [Fact]
    public void The_provider_metadata_matches_the_spec()
    {
        Assert.Equal("hexgrad/kokoro-82m", OpenRouterSpeechModels.DefaultModel);
        Assert.Equal("af_alloy", OpenRouterSpeechModels.DefaultVoice);
        Assert.Equal(35, OpenRouterSpeechModels.AutoSelectOrder);
        Assert.Equal(["hexgrad/kokoro-82m", "elevenlabs/eleven-turbo-v2", "google/gemini-3.1-flash-tts-preview", "mistralai/voxtral-mini-tts-2603"],
            OpenRouterSpeechModels.Listed);
        Assert.Equal(["af_alloy"], OpenRouterSpeechModels.Voices);
        Assert.Equal(["mp3", "pcm"], OpenRouterSpeechModels.Formats.Select(format => format.Value));
    }
}
