using System.Net;
using OpenClaw.OpenRouter;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Images;
using OpenClaw.OpenRouter.Speech;
using OpenClaw.OpenRouter.Videos;
using OpenClaw.Reliability.Tests.Support;

namespace OpenClaw.Reliability.Tests.Bounds;

/// <summary>
/// A server that sends ten gigabytes, or never stops: every answer the library reads is cut at its cap (the spec's caps where
/// it gives one: tool-call arguments and post-tool-call deltas 256,000 bytes, media count × mediaMaxMb; otherwise
/// <see cref="OpenRouterClientOptions.MaxResponseBytes"/>), with a typed error, and the client reads no more than the cap
/// plus one read buffer.
/// </summary>
public sealed class ResponseBoundsTests
{
    private const long OneMebibyte = 1024 * 1024;

    /// <summary>What a reader may take beyond a cap: the buffers between the socket and the parser.</summary>
    private const long ReadSlack = 256 * 1024;

    private const string Model = "openai/gpt-5.5";

    private static readonly string TextChunk =
        """data: {"id":"gen-endless","model":"openai/gpt-5.5","choices":[{"index":0,"delta":{"content":"0123456789abcdef0123456789abcdef"}}]}""" + "\n\n";

    [Fact]
    public async Task A_non_streamed_chat_answer_of_ten_gigabytes_without_a_length_stops_at_the_default_cap()
    {
        var handler = new HostileHandler(new EndlessBody("{\"id\":\"gen-1\",", " "), "application/json");
        using var client = Client(handler);

        var error = await Assert.ThrowsAsync<OpenRouterMalformedResponseException>(() => client.CompleteChatAsync(Chat(), TestContext.Current.CancellationToken));

        Record(error);
        Assert.Equal("OpenRouter's answer is larger than 33554432 bytes (OpenRouterClientOptions.MaxResponseBytes); the rest was not read.", error.Message);
        Assert.Equal(32 * OneMebibyte, OpenRouterClientOptions.DefaultMaxResponseBytes);
        Assert.InRange(handler.Body.BytesRead, 32 * OneMebibyte, 32 * OneMebibyte + ReadSlack);
    }

    [Fact]
    public async Task A_declared_ten_gigabyte_length_is_refused_before_a_byte_of_the_body_is_read()
    {
        var handler = new HostileHandler(new EndlessBody("{", " "), "application/json") { DeclaredLength = EndlessBody.TenGigabytes };
        using var client = Client(handler);

        var error = await Assert.ThrowsAsync<OpenRouterMalformedResponseException>(() => client.CompleteChatAsync(Chat(), TestContext.Current.CancellationToken));

        Record(error);
        Assert.StartsWith("OpenRouter's answer is larger than", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, handler.Body.BytesRead);
    }

    [Fact]
    public async Task A_stream_of_text_that_never_ends_fails_at_the_cap_and_keeps_the_text_that_arrived()
    {
        var handler = new HostileHandler(new EndlessBody(": OPENROUTER PROCESSING\n\n", TextChunk), "text/event-stream");
        using var client = Client(handler, maxResponseBytes: 4 * OneMebibyte);

        var error = await Assert.ThrowsAsync<OpenRouterMalformedResponseException>(() => DrainAsync(client));

        Record(error);
        Assert.StartsWith("OpenRouter's answer is larger than 4194304 bytes", error.Message, StringComparison.Ordinal);
        Assert.InRange(handler.Body.BytesRead, 4 * OneMebibyte, 4 * OneMebibyte + ReadSlack);
        var partial = Assert.IsType<OpenRouterChatResult>(error.PartialResult);
        Assert.True(partial.Text.Length > 100_000, $"partial text of {partial.Text.Length} characters");
        Assert.StartsWith("0123456789abcdef0123456789abcdef0123456789abcdef", partial.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keep_alive_comments_forever_count_towards_the_cap()
    {
        var handler = new HostileHandler(new EndlessBody("", ": OPENROUTER PROCESSING\n\n"), "text/event-stream");
        using var client = Client(handler, maxResponseBytes: 2 * OneMebibyte);

        var error = await Assert.ThrowsAsync<OpenRouterMalformedResponseException>(() => DrainAsync(client));

        Record(error);
        Assert.InRange(handler.Body.BytesRead, 2 * OneMebibyte, 2 * OneMebibyte + ReadSlack);
        Assert.Equal("", error.PartialResult?.Text ?? "");
    }

    [Fact]
    public async Task One_event_line_that_never_ends_cannot_grow_the_parser_buffer_past_the_cap()
    {
        var handler = new HostileHandler(new EndlessBody("data: {\"choices\":[{\"delta\":{\"content\":\"", "x"), "text/event-stream");
        using var client = Client(handler, maxResponseBytes: 4 * OneMebibyte);

        var error = await Assert.ThrowsAsync<OpenRouterMalformedResponseException>(() => DrainAsync(client));

        Record(error);
        Assert.InRange(handler.Body.BytesRead, 4 * OneMebibyte, 4 * OneMebibyte + ReadSlack);
    }

    [Fact]
    public async Task Tool_call_arguments_that_never_end_fail_at_256000_bytes_with_the_specs_message()
    {
        var fragment = new string('x', 1000);
        var open = """data: {"id":"gen-tool","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"lookup","arguments":""}}]}}]}""" + "\n\n";
        var more = $$$"""data: {"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{{{fragment}}}"}}]}}]}""" + "\n\n";
        var handler = new HostileHandler(new EndlessBody(open, more), "text/event-stream");
        using var client = Client(handler);

        var error = await Assert.ThrowsAnyAsync<OpenRouterException>(() => DrainAsync(client));

        Record(error);
        Assert.Equal("Exceeded tool-call argument buffer limit", error.Message);
        // 256 fragments of 1000 bytes fit; the 257th fails — about 257 events, nowhere near the 32 MiB answer cap.
        Assert.InRange(handler.Body.BytesRead, 256 * more.Length, 257 * more.Length + ReadSlack);
    }

    [Fact]
    public async Task Text_arriving_while_a_tool_call_is_open_is_buffered_only_up_to_256000_bytes()
    {
        var open = """data: {"id":"gen-tool","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"lookup","arguments":"{}"}}]}}]}""" + "\n\n";
        var text = $$$"""data: {"choices":[{"index":0,"delta":{"content":"{{{new string('y', 1000)}}}"}}]}""" + "\n\n";
        var handler = new HostileHandler(new EndlessBody(open, text), "text/event-stream");
        using var client = Client(handler);

        var error = await Assert.ThrowsAnyAsync<OpenRouterException>(() => DrainAsync(client));

        Record(error);
        Assert.Equal("Exceeded post-tool-call delta buffer limit", error.Message);
        Assert.InRange(handler.Body.BytesRead, 256 * text.Length, 257 * text.Length + ReadSlack);
    }

    public static TheoryData<string> AccountReads => ["models", "key", "credits", "generation"];

    [Theory]
    [MemberData(nameof(AccountReads))]
    public async Task Catalog_key_credits_and_generation_reads_of_ten_gigabytes_stop_at_the_cap(string read)
    {
        var handler = new HostileHandler(new EndlessBody("{\"data\":", " "), "application/json");
        using var client = Client(handler, maxResponseBytes: 2 * OneMebibyte);
        var token = TestContext.Current.CancellationToken;

        var error = await Assert.ThrowsAsync<OpenRouterMalformedResponseException>(async () =>
        {
            switch (read)
            {
                case "models":
                    await client.ListModelsAsync(refresh: true, token);
                    break;
                case "key":
                    await client.GetKeyAsync(token);
                    break;
                case "credits":
                    await client.GetCreditsAsync(token);
                    break;
                default:
                    await client.GetGenerationAsync("gen-1", token);
                    break;
            }
        });

        Record(error);
        Assert.StartsWith("OpenRouter's answer is larger than 2097152 bytes", error.Message, StringComparison.Ordinal);
        Assert.InRange(handler.Body.BytesRead, 2 * OneMebibyte, 2 * OneMebibyte + ReadSlack);
    }

    [Fact]
    public async Task An_endless_error_body_is_read_only_up_to_64_KiB_and_still_gives_the_typed_error()
    {
        var handler = new HostileHandler(new EndlessBody("<html>", "<p>bad gateway</p>"), "text/html", HttpStatusCode.BadGateway);
        using var client = Client(handler);

        var error = await Assert.ThrowsAsync<OpenRouterServerException>(() => client.CompleteChatAsync(Chat(), TestContext.Current.CancellationToken));

        Record(error);
        Assert.Equal(502, error.StatusCode);
        Assert.InRange(handler.Body.BytesRead, 64 * 1024, 64 * 1024 + ReadSlack);
    }

    [Fact]
    public async Task An_image_answer_of_ten_gigabytes_stops_at_count_times_the_media_cap()
    {
        var handler = new HostileHandler(new EndlessBody("{\"choices\":[{\"message\":{\"images\":[{\"image_url\":{\"url\":\"data:image/png;base64,", "AAAA"), "application/json");
        using var client = Client(handler, mediaMaxBytes: OneMebibyte);

        var error = await Assert.ThrowsAsync<OpenRouterMalformedResponseException>(() =>
            client.GenerateImagesAsync(new OpenRouterImageRequest { Prompt = "a lighthouse", Count = 2 }, TestContext.Current.CancellationToken));

        Record(error);
        Assert.Contains("the answer is larger than 2097152 bytes", error.Message, StringComparison.Ordinal);
        Assert.InRange(handler.Body.BytesRead, 2 * OneMebibyte, 2 * OneMebibyte + ReadSlack);
    }

    [Fact]
    public async Task Speech_audio_of_ten_gigabytes_stops_at_the_media_cap()
    {
        var handler = new HostileHandler(new EndlessBody("ID3", "\u00ff"), "audio/mpeg");
        using var client = Client(handler, mediaMaxBytes: OneMebibyte);

        var error = await Assert.ThrowsAsync<OpenRouterMalformedResponseException>(() =>
            client.SynthesizeSpeechAsync(new OpenRouterSpeechRequest { Input = "hello there" }, TestContext.Current.CancellationToken));

        Record(error);
        Assert.Contains("larger than 1048576 bytes", error.Message, StringComparison.Ordinal);
        Assert.InRange(handler.Body.BytesRead, OneMebibyte, OneMebibyte + ReadSlack);
    }

    [Fact]
    public async Task A_video_job_answer_of_ten_gigabytes_stops_at_one_mebibyte()
    {
        var handler = new HostileHandler(new EndlessBody("{\"id\":\"job-1\",", " "), "application/json");
        using var client = Client(handler);

        var error = await Assert.ThrowsAnyAsync<OpenRouterException>(() =>
            client.GenerateVideoAsync(new OpenRouterVideoRequest { Prompt = "waves" }, cancellationToken: TestContext.Current.CancellationToken));

        Record(error);
        Assert.Contains("larger than 1048576 bytes", error.Message, StringComparison.Ordinal);
        // The capabilities read (8 MiB cap, failure → defaults) and the submit (1 MiB) are the only reads.
        Assert.True(handler.Body.BytesRead <= 9 * OneMebibyte + 2 * ReadSlack, $"{handler.Body.BytesRead} bytes read");
    }

    [Fact]
    public void A_cap_that_is_not_positive_is_refused_when_the_client_is_made()
    {
        var error = Assert.Throws<ArgumentException>(() => new OpenRouterClient(new OpenRouterClientOptions { ApiKey = SuiteKey.Value, MaxResponseBytes = 0 }));
        Assert.StartsWith("The response size cap must be positive.", error.Message, StringComparison.Ordinal);
    }

    private static OpenRouterClient Client(HostileHandler handler, long? maxResponseBytes = null, long? mediaMaxBytes = null)
    {
        var options = new OpenRouterClientOptions
        {
            ApiKey = SuiteKey.Value,
            BaseUrl = "https://proxy.example.com/v1",
            CapabilityCatalogUrl = null,
            Handler = handler,
        };
        if (maxResponseBytes is { } max)
        {
            options.MaxResponseBytes = max;
        }
        if (mediaMaxBytes is { } media)
        {
            options.MediaMaxBytes = media;
        }
        return new OpenRouterClient(options);
    }

    private static OpenRouterChatRequest Chat() => new() { Model = Model, Messages = [OpenRouterMessage.User("hello")] };

    private static async Task DrainAsync(OpenRouterClient client)
    {
        await foreach (var _ in client.StreamChatAsync(Chat(), TestContext.Current.CancellationToken))
        {
        }
    }

    private static void Record(Exception error) => OutputLedger.Record(nameof(ResponseBoundsTests), error);
}
