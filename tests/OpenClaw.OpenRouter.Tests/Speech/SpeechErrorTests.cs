using System.Net;
using OpenClaw.OpenRouter.Emulator;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Speech;
using OpenClaw.OpenRouter.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace OpenClaw.OpenRouter.Tests.Speech;

/// <summary>How speech fails: <c>OpenRouter TTS API error (HTTP &lt;status&gt;): &lt;detail&gt;</c>, typed, and never with partial audio.</summary>
public sealed class SpeechErrorTests
{
    private static OpenRouterSpeechRequest Hello => new() { Input = "Hello there" };

    [Fact]
    public async Task A_400_names_the_operation_status_and_OpenRouters_message()
    {
        await using var harness = await ClientHarness.StartAsync();

        var error = await Assert.ThrowsAsync<OpenRouterBadRequestException>(() =>
            harness.Client.SynthesizeSpeechAsync(Hello with { Voice = "alloy" }, TestContext.Current.CancellationToken));

        Assert.Equal("OpenRouter TTS API error (HTTP 400): Voice \"alloy\" is not supported by hexgrad/kokoro-82m. " +
            "Supported voices: af_alloy, af_bella, af_heart, af_nicole, am_adam, am_michael, bf_emma, bm_george", error.Message);
        Assert.Equal(400, error.StatusCode);
    }

    [Theory]
    [InlineData("server-error", typeof(OpenRouterServerException), "OpenRouter TTS API error (HTTP 500): Internal Server Error")]
    [InlineData("bad-gateway", typeof(OpenRouterServerException), "OpenRouter TTS API error (HTTP 502): Provider returned error")]
    [InlineData("unavailable", typeof(OpenRouterServerException), "OpenRouter TTS API error (HTTP 503): Service temporarily unavailable")]
    [InlineData("status; code=402; message=Insufficient credits", typeof(OpenRouterPaymentRequiredException), "OpenRouter TTS API error (HTTP 402): Insufficient credits")]
    [InlineData("status; code=404; message=No endpoints found for hexgrad/kokoro-82m.", typeof(OpenRouterNotFoundException), "OpenRouter TTS API error (HTTP 404): No endpoints found for hexgrad/kokoro-82m.")]
    [InlineData("rate-limit; retry-after=7", typeof(OpenRouterRateLimitException), "OpenRouter TTS API error (HTTP 429): Rate limit exceeded: free-models-per-min.")]
    public async Task Http_errors_are_typed_by_status(string fault, Type type, string message)
    {
        await using var harness = await ClientHarness.StartAsync();
        harness.Emulator.Faults.Enqueue(fault, "/audio/speech");

        var error = await Assert.ThrowsAnyAsync<OpenRouterException>(() => harness.Client.SynthesizeSpeechAsync(Hello, TestContext.Current.CancellationToken));

        Assert.IsType(type, error);
        Assert.Equal(message, error.Message);
        Assert.Single(harness.Emulator.Journal.For("/audio/speech"));
    }

    [Fact]
    public async Task A_429_keeps_retry_after()
    {
        await using var harness = await ClientHarness.StartAsync();
        harness.Emulator.Faults.Enqueue("rate-limit; retry-after=7", "/audio/speech");

        var error = await Assert.ThrowsAsync<OpenRouterRateLimitException>(() => harness.Client.SynthesizeSpeechAsync(Hello, TestContext.Current.CancellationToken));

        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
    }

    [Fact]
    public async Task An_unknown_key_is_a_401()
    {
        await using var harness = await ClientHarness.StartAsync(configure: options => options.ApiKey = "sk-or-v1-not-registered");

        var error = await Assert.ThrowsAsync<OpenRouterAuthenticationException>(() => harness.Client.SynthesizeSpeechAsync(Hello, TestContext.Current.CancellationToken));

        Assert.Equal("OpenRouter TTS API error (HTTP 401): User not found.", error.Message);
    }

    [Fact]
    public async Task An_error_envelope_in_a_200_answer_is_the_typed_error()
    {
        await using var harness = await ClientHarness.StartAsync();
        harness.Emulator.Faults.Enqueue("error-body-200; code=502; message=Provider returned error", "/audio/speech");

        var error = await Assert.ThrowsAsync<OpenRouterServerException>(() => harness.Client.SynthesizeSpeechAsync(Hello, TestContext.Current.CancellationToken));

        Assert.Equal("OpenRouter TTS API error: Provider returned error", error.Message);
        Assert.Equal(502, error.Code);
        Assert.True(error.Details.InBand);
    }

    [Fact]
    public async Task An_empty_answer_is_malformed()
    {
        await using var harness = await ClientHarness.StartAsync();
        harness.Emulator.Faults.Enqueue(FaultNames.VideoEmptyContent, "/audio/speech");

        var error = await Assert.ThrowsAsync<OpenRouterMalformedResponseException>(() => harness.Client.SynthesizeSpeechAsync(Hello, TestContext.Current.CancellationToken));

        Assert.Equal("OpenRouter TTS API error: the answer has no audio (empty body).", error.Message);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task An_html_page_is_malformed()
    {
        await using var harness = await ClientHarness.StartAsync();
        harness.Emulator.Faults.Enqueue(FaultNames.VideoHtmlContent, "/audio/speech");

        var error = await Assert.ThrowsAsync<OpenRouterMalformedResponseException>(() => harness.Client.SynthesizeSpeechAsync(Hello, TestContext.Current.CancellationToken));

        Assert.Equal("OpenRouter TTS API error: the answer is text/html, not audio.", error.Message);
    }

    [Theory]
    [InlineData("""{"hello":"world"}""", "application/json", "OpenRouter TTS API error: the answer is JSON, not audio.")]
    [InlineData("""  {"hello":"world"}""", null, "OpenRouter TTS API error: the answer is JSON, not audio.")]
    [InlineData("<html><body>Sign in</body></html>", null, "OpenRouter TTS API error: the answer is HTML, not audio.")]
    [InlineData("plain words", "text/plain", "OpenRouter TTS API error: the answer is text/plain, not audio.")]
    public async Task Json_or_text_that_is_not_an_error_envelope_is_malformed(string body, string? mediaType, string message)
    {
        using var handler = new ScriptedHandler().Then((_, _) =>
        {
            var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(body));
            if (mediaType is not null)
            {
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
            }
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        });
        using var client = new OpenRouterClient(new OpenRouterClientOptions { ApiKey = "k", Handler = handler });

        var error = await Assert.ThrowsAsync<OpenRouterMalformedResponseException>(() => client.SynthesizeSpeechAsync(Hello, TestContext.Current.CancellationToken));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task A_connection_dropped_halfway_is_a_network_error_with_no_audio()
    {
        await using var harness = await ClientHarness.StartAsync();
        harness.Emulator.Faults.Enqueue(FaultNames.Drop, "/audio/speech");

        var error = await Assert.ThrowsAsync<OpenRouterNetworkException>(() => harness.Client.SynthesizeSpeechAsync(Hello, TestContext.Current.CancellationToken));

        Assert.Equal("OpenRouter TTS API error: network connection error.", error.Message);
    }

    [Fact]
    public async Task Audio_over_the_media_cap_is_refused()
    {
        await using var harness = await ClientHarness.StartAsync(configure: options => options.MediaMaxBytes = 1000);

        var error = await Assert.ThrowsAsync<OpenRouterMalformedResponseException>(() => harness.Client.SynthesizeSpeechAsync(Hello, TestContext.Current.CancellationToken));

        Assert.Equal("OpenRouter TTS API error: the answer is larger than 1000 bytes", error.Message);
    }

    [Fact]
    public async Task A_stalled_answer_ends_at_the_calls_time_limit()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
        await using var harness = await ClientHarness.StartAsync(configure: options => options.TimeProvider = time);
        harness.Emulator.Faults.Enqueue("slow-first-byte; ms=600000", "/audio/speech");

        var call = harness.Client.SynthesizeSpeechAsync(Hello with { Timeout = TimeSpan.FromSeconds(5) }, TestContext.Current.CancellationToken);
        for (var i = 0; i < 2000 && !call.IsCompleted; i++)
        {
            await Task.Delay(5, TestContext.Current.CancellationToken);
            time.Advance(TimeSpan.FromMilliseconds(100));
        }

        var error = await Assert.ThrowsAsync<OpenRouterTimeoutException>(() => call);
        Assert.Equal("OpenRouter TTS API error: no answer within 5000 ms", error.Message);
        Assert.Equal(OpenRouterTimeoutKind.Deadline, error.Kind);
    }

    [Fact]
    public async Task Without_a_key_nothing_is_sent()
    {
        await using var harness = await ClientHarness.StartAsync(configure: options => options.ApiKey = null);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Client.SynthesizeSpeechAsync(Hello, TestContext.Current.CancellationToken));

        Assert.Equal("OpenRouter API key missing", error.Message);
        Assert.Empty(harness.Emulator.Journal.Entries);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Empty_text_is_refused_before_sending(string input)
    {
        await using var harness = await ClientHarness.StartAsync();

        var error = await Assert.ThrowsAsync<OpenRouterInvalidRequestException>(() =>
            harness.Client.SynthesizeSpeechAsync(new OpenRouterSpeechRequest { Input = input }, TestContext.Current.CancellationToken));

        Assert.Equal("OpenRouter speech input is empty: there is no text to speak.", error.Message);
        Assert.Empty(harness.Emulator.Journal.Entries);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public async Task A_speed_that_is_not_finite_is_refused_before_sending(double speed)
    {
        await using var harness = await ClientHarness.StartAsync();

        var error = await Assert.ThrowsAsync<OpenRouterInvalidRequestException>(() =>
            harness.Client.SynthesizeSpeechAsync(Hello with { Speed = speed }, TestContext.Current.CancellationToken));

        Assert.Equal("OpenRouter speech speed must be a finite number.", error.Message);
        Assert.Empty(harness.Emulator.Journal.Entries);
    }
}
