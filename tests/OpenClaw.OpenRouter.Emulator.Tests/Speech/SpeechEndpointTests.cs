using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Emulator.Http;
using OpenClaw.OpenRouter.Emulator.Tests.Support;
using static OpenClaw.OpenRouter.Emulator.Tests.Support.MediaAssertions;

namespace OpenClaw.OpenRouter.Emulator.Tests.Speech;

public sealed class SpeechEndpointTests
{
    private const string Kokoro = "hexgrad/kokoro-82m";
    private const int PcmBytesPerSecond = 24000 * 2;

    [Fact]
    public async Task Mp3_speech_is_audio_mpeg_with_a_generation_id()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostAsync("/audio/speech", Body(Kokoro, "Hello there", "af_alloy", "mp3"));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("audio/mpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("gen-", response.Headers.GetValues("X-Generation-Id").Single(), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.Equal(0xFF, bytes[0]);
        Assert.Equal(0xE0, bytes[1] & 0xE0);
        Assert.True(AssertMp3(bytes) >= 10);
    }

    [Theory]
    [InlineData("Hello there", 660)] // 11 characters at 60 ms each
    [InlineData("Hi", 120)]
    [InlineData("A", 100)] // 60 ms, clamped up to 100 ms
    [InlineData("This sentence is long enough to say.", 2160)]
    public async Task Pcm_speech_is_24kHz_mono_16_bit_of_60ms_per_character(string input, int durationMs)
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostAsync("/audio/speech", Body(Kokoro, input, "af_bella", "pcm"));

        Assert.Equal(200, (int)response.StatusCode);
        AssertPcmContentType(response);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal(PcmBytesPerSecond * durationMs / 1000, bytes.Length);
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.Contains(bytes, b => b != 0);
    }

    [Fact]
    public async Task Pcm_speech_is_clamped_to_ten_seconds()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostAsync("/audio/speech", Body(Kokoro, new string('a', 400), "af_alloy", "pcm"));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(PcmBytesPerSecond * 10, (await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Length);
    }

    [Fact]
    public async Task Speech_without_response_format_is_pcm()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostAsync("/audio/speech", Body(Kokoro, "Hello there", "af_alloy", format: null));

        Assert.Equal(200, (int)response.StatusCode);
        AssertPcmContentType(response);
        Assert.Equal(PcmBytesPerSecond * 660 / 1000, (await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Length);
    }

    [Fact]
    public async Task Speech_is_billed_and_recorded_as_a_generation()
    {
        await using var client = await EmulatorClient.StartAsync();
        using var response = await client.PostAsync("/audio/speech", Body(Kokoro, "Hello there", "af_alloy", "mp3"));
        var id = response.Headers.GetValues("X-Generation-Id").Single();

        using var generation = await client.GetAsync("/generation?id=" + id);
        using var key = await client.GetAsync("/key");

        // 11 characters at $0.0000008 each.
        var record = (await EmulatorClient.JsonAsync(generation))["data"]!;
        Assert.Equal(id, Str(record["id"]));
        Assert.Equal(Kokoro, Str(record["model"]));
        Assert.Equal(0.0000088m, Dec(record["total_cost"]));
        Assert.Equal(0.0000088m, Dec((await EmulatorClient.JsonAsync(key))["data"]!["usage"]));
    }

    [Fact]
    public async Task Speech_with_an_unsupported_response_format_is_400()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostAsync("/audio/speech", Body(Kokoro, "Hello", "af_alloy", "wav"));

        await EmulatorClient.AssertErrorAsync(response, 400, "Invalid request parameters: \"response_format\" must be \"mp3\" or \"pcm\" (got \"wav\").");
    }

    [Fact]
    public async Task Speech_with_an_OpenAI_voice_name_for_Kokoro_is_400_listing_the_voices()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostAsync("/audio/speech", Body(Kokoro, "Hello", "alloy", "mp3"));

        await EmulatorClient.AssertErrorAsync(response, 400,
            "Voice \"alloy\" is not supported by hexgrad/kokoro-82m. Supported voices: af_alloy, af_bella, af_heart, af_nicole, am_adam, am_michael, bf_emma, bm_george");
    }

    [Theory]
    [InlineData("Rachel")]
    [InlineData("21m00Tcm4TlvDq8ikWAM")]
    public async Task Speech_accepts_any_voice_for_a_model_without_a_voice_list(string voice)
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostAsync("/audio/speech", Body("elevenlabs/eleven-turbo-v2", "Hello", voice, "mp3"));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("audio/mpeg", response.Content.Headers.ContentType?.MediaType);
        AssertMp3(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("""{"model":"hexgrad/kokoro-82m","voice":"af_alloy","response_format":"mp3"}""", "Invalid request parameters: \"input\" is required and must be a non-empty string.")]
    [InlineData("""{"model":"hexgrad/kokoro-82m","input":"","voice":"af_alloy","response_format":"mp3"}""", "Invalid request parameters: \"input\" is required and must be a non-empty string.")]
    [InlineData("""{"model":"hexgrad/kokoro-82m","input":42,"voice":"af_alloy","response_format":"mp3"}""", "Invalid request parameters: \"input\" is required and must be a non-empty string.")]
    [InlineData("""{"model":"hexgrad/kokoro-82m","input":"Hello","response_format":"mp3"}""", "Invalid request parameters: \"voice\" is required.")]
    [InlineData("""{"model":"hexgrad/kokoro-82m","input":"Hello","voice":"af_alloy","response_format":"mp3","speed":10}""", "Invalid request parameters: \"speed\" must be a number from 0.25 to 4.0.")]
    [InlineData("""{"model":"hexgrad/kokoro-82m","input":"Hello","voice":"af_alloy","response_format":"mp3","speed":0.1}""", "Invalid request parameters: \"speed\" must be a number from 0.25 to 4.0.")]
    [InlineData("""{"model":"hexgrad/kokoro-82m","input":"Hello","voice":"af_alloy","response_format":"mp3","speed":"fast"}""", "Invalid request parameters: \"speed\" must be a number from 0.25 to 4.0.")]
    [InlineData("""{"model":"hexgrad/kokoro-82m","input":"Hello","voice":"af_alloy","response_format":"mp3","provider":"deepinfra"}""", "Invalid request parameters: \"provider\" must be an object.")]
    [InlineData("""{"input":"Hello","voice":"af_alloy"}""", "Invalid request parameters: \"model\" is required.")]
    [InlineData("""{"model":"acme/voice","input":"Hello","voice":"af_alloy"}""", "acme/voice is not a valid model ID")]
    public async Task Speech_with_bad_input_is_400(string json, string message)
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostAsync("/audio/speech", json);

        await EmulatorClient.AssertErrorAsync(response, 400, message);
        Assert.False(response.Headers.Contains("X-Generation-Id"));
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(4.0)]
    public async Task Speech_accepts_speeds_at_the_limits(double speed)
    {
        await using var client = await EmulatorClient.StartAsync();
        var body = JsonNode.Parse(Body(Kokoro, "Hello", "af_alloy", "mp3"))!.AsObject();
        body["speed"] = speed;

        using var response = await client.PostAsync("/audio/speech", body.ToJsonString());

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task Speech_with_a_chat_model_is_404()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostAsync("/audio/speech", Body("openai/gpt-5.5", "Hello", "alloy", "mp3"));

        await EmulatorClient.AssertErrorAsync(response, 404, "No endpoints found that support the requested output modalities: speech");
    }

    [Fact]
    public async Task Speech_server_error_fault_is_a_500_envelope()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostAsync("/audio/speech", Body(Kokoro, "Hello", "af_alloy", "mp3"), EmulatorClient.Key,
            (RequestPipeline.FaultHeader, FaultNames.ServerError));

        var error = await EmulatorClient.AssertErrorAsync(response, 500, "Internal Server Error");
        Assert.Equal("user_emulator", Str(error["user_id"]));
    }

    [Fact]
    public async Task Speech_rate_limit_fault_is_a_429_with_retry_after()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostAsync("/audio/speech", Body(Kokoro, "Hello", "af_alloy", "mp3"), EmulatorClient.Key,
            (RequestPipeline.FaultHeader, "rate-limit; retry-after=2"));

        var error = await EmulatorClient.AssertErrorAsync(response, 429, "Rate limit exceeded: free-models-per-min.");
        Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
        Assert.Equal("2", response.Headers.GetValues("Retry-After").Single());
        Assert.Equal("20", response.Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.Equal("0", response.Headers.GetValues("X-RateLimit-Remaining").Single());
        var reset = response.Headers.GetValues("X-RateLimit-Reset").Single();
        Assert.True(long.Parse(reset, System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Assert.Equal(reset, Str(error["error"]!["metadata"]!["headers"]!["X-RateLimit-Reset"]));
    }

    [Fact]
    public async Task Speech_rate_limit_fault_can_be_queued_for_the_speech_path()
    {
        await using var client = await EmulatorClient.StartAsync();
        client.Emulator.Faults.Enqueue("rate-limit; retry-after=2", "/audio/speech", Kokoro);

        using var limited = await client.PostAsync("/audio/speech", Body(Kokoro, "Hello", "af_alloy", "mp3"));
        using var fine = await client.PostAsync("/audio/speech", Body(Kokoro, "Hello", "af_alloy", "mp3"));

        await EmulatorClient.AssertErrorAsync(limited, 429, "Rate limit exceeded: free-models-per-min.");
        Assert.Equal("2", limited.Headers.GetValues("Retry-After").Single());
        Assert.Equal(200, (int)fine.StatusCode);
    }

    [Fact]
    public async Task Speech_drop_fault_fails_while_the_client_reads_the_body()
    {
        await using var client = await EmulatorClient.StartAsync();
        using var request = client.Request(HttpMethod.Post, "/audio/speech", Body(Kokoro, "Hello there", "af_alloy", "mp3"), EmulatorClient.Key,
            (RequestPipeline.FaultHeader, FaultNames.Drop));

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("audio/mpeg", response.Content.Headers.ContentType?.MediaType);
        var failure = await Record.ExceptionAsync(() => response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.NotNull(failure);
        Assert.True(failure is IOException or HttpRequestException, $"Unexpected {failure.GetType()}: {failure.Message}");
    }

    [Fact]
    public async Task Speech_drop_fault_also_fails_a_buffered_send()
    {
        await using var client = await EmulatorClient.StartAsync();

        var failure = await Record.ExceptionAsync(() => client.PostAsync("/audio/speech", Body(Kokoro, "Hello there", "af_alloy", "mp3"), EmulatorClient.Key,
            (RequestPipeline.FaultHeader, FaultNames.Drop)));

        Assert.NotNull(failure);
        Assert.True(failure is IOException or HttpRequestException, $"Unexpected {failure.GetType()}: {failure.Message}");
    }

    private static string Body(string model, string input, string voice, string? format)
    {
        var body = new JsonObject { ["model"] = model, ["input"] = input, ["voice"] = voice };
        if (format is not null)
        {
            body["response_format"] = format;
        }
        return body.ToJsonString();
    }

    private static void AssertPcmContentType(HttpResponseMessage response)
    {
        Assert.True(response.Content.Headers.NonValidated.TryGetValues("Content-Type", out var raw));
        Assert.Equal("audio/pcm;rate=24000;channels=1", raw.ToString());
        var contentType = response.Content.Headers.ContentType;
        Assert.NotNull(contentType);
        Assert.Equal("audio/pcm", contentType.MediaType);
        var parameters = contentType.Parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.OrdinalIgnoreCase);
        Assert.Equal("24000", parameters["rate"]);
        Assert.Equal("1", parameters["channels"]);
        Assert.Equal(2, parameters.Count);
    }
}
