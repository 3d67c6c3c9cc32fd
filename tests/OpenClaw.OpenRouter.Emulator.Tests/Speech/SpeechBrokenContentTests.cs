using OpenClaw.OpenRouter.Emulator.Http;
using OpenClaw.OpenRouter.Emulator.Tests.Support;

namespace OpenClaw.OpenRouter.Emulator.Tests.Speech;

/// <summary>The broken 200 answers <c>POST /audio/speech</c> can be scripted to give, reusing the video download faults.</summary>
public sealed class SpeechBrokenContentTests
{
    private const string Body = """{"model":"hexgrad/kokoro-82m","input":"Hello there","voice":"af_alloy","response_format":"mp3"}""";

    [Fact]
    public async Task Empty_content_fault_answers_200_audio_with_no_bytes()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostAsync("/audio/speech", Body, EmulatorClient.Key, (RequestPipeline.FaultHeader, FaultNames.VideoEmptyContent));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("audio/mpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, response.Content.Headers.ContentLength);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Html_content_fault_answers_200_with_a_page()
    {
        await using var client = await EmulatorClient.StartAsync();
        client.Emulator.Faults.Enqueue(FaultNames.VideoHtmlContent, "/audio/speech");

        using var response = await client.PostAsync("/audio/speech", Body);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<!doctype html>", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_fault_the_next_answer_is_audio_again()
    {
        await using var client = await EmulatorClient.StartAsync();
        client.Emulator.Faults.Enqueue(FaultNames.VideoEmptyContent, "/audio/speech");

        using var empty = await client.PostAsync("/audio/speech", Body);
        using var audio = await client.PostAsync("/audio/speech", Body);

        Assert.Empty(await empty.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.NotEmpty(await audio.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }
}
