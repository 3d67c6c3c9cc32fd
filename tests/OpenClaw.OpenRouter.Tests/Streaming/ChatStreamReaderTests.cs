using System.Diagnostics;
using System.Text;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Streaming;

namespace OpenClaw.OpenRouter.Tests.Streaming;

public sealed class ChatStreamReaderTests
{
    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public async Task Comments_are_skipped_every_line_ending_works_and_DONE_ends_the_stream(string newline)
    {
        var transcript = string.Join(newline,
            ": OPENROUTER PROCESSING", "",
            ": OPENROUTER PROCESSING", "",
            "data: " + Chunk("""{"role":"assistant","content":"Hel"}"""), "",
            ": OPENROUTER PROCESSING", "",
            "data: " + Chunk("""{"role":"assistant","content":"lo"}"""), "",
            "data: " + Chunk("""{"role":"assistant","content":""}""", "\"stop\""), "",
            "data: " + UsageChunk, "",
            "data: [DONE]", "",
            "data: " + Chunk("""{"content":"after done"}"""), "", "");

        var (updates, result) = await ReadAllAsync(transcript);

        Assert.Equal(["Hel", "lo"], updates.Where(update => update.Text is not null).Select(update => update.Text));
        Assert.Equal("Hello", result.Text);
        Assert.Equal(OpenRouterStopReason.Stop, result.StopReason);
        Assert.Equal(12, result.Usage!.TotalTokens);
        Assert.Equal(0.0001m, updates[^1].Usage!.Cost);
        Assert.Equal("gen-1", updates[0].ResponseId);
    }

    [Fact]
    public async Task Data_that_is_not_a_JSON_object_is_skipped()
    {
        var transcript = Sse(
            "42",
            "\"text\"",
            "[1,2]",
            """{"id":"gen-1","choices":[{"delta":{"content":"broken""",
            "",
            Chunk("""{"content":"ok"}""", "\"stop\""),
            "[DONE]");

        var (_, result) = await ReadAllAsync(transcript);

        Assert.Equal("ok", result.Text);
        Assert.Equal(OpenRouterFinishReason.Stop, result.FinishReason);
    }

    [Fact]
    public async Task A_stream_that_ends_with_neither_finish_reason_nor_DONE_fails_with_the_partial_answer()
    {
        var accumulator = new ChatResponseAccumulator("openai/gpt-5.5");
        var transcript = Sse(Chunk("""{"reasoning":"plan"}"""), Chunk("""{"content":"half"}"""));

        var error = await Assert.ThrowsAsync<OpenRouterException>(() => DrainAsync(ToStream(transcript), accumulator));

        Assert.Equal("Stream ended without finish_reason", error.Message);
        Assert.Equal("half", error.PartialResult!.Text);
        Assert.Equal([new ThinkingBlock("plan", "reasoning")], error.PartialResult.Thinking);
    }

    [Fact]
    public async Task A_finish_reason_without_DONE_or_DONE_without_a_finish_reason_is_a_complete_answer()
    {
        var (_, finished) = await ReadAllAsync(Sse(Chunk("""{"content":"a"}""", "\"length\"")));
        var (updates, done) = await ReadAllAsync(Sse(
            Chunk("""{"tool_calls":[{"index":0,"id":"call_1","function":{"name":"f","arguments":"{}"}}]}"""),
            Chunk("""{"content":"after"}"""),
            "[DONE]"));

        Assert.Equal(OpenRouterStopReason.Length, finished.StopReason);
        Assert.Equal(OpenRouterStopReason.ToolUse, done.StopReason);
        Assert.Null(done.FinishReason);
        Assert.Equal([new OpenRouterToolCall("call_1", "f", "{}")], updates[^2].ToolCalls);
        Assert.Equal("after", updates[^1].Text);
    }

    [Theory]
    [InlineData("429", typeof(OpenRouterRateLimitException), 429)]
    [InlineData("\"502\"", typeof(OpenRouterServerException), 502)]
    public async Task A_mid_stream_error_chunk_throws_the_typed_error_and_keeps_the_partial_answer(string code, Type expectedType, int expectedCode)
    {
        var accumulator = new ChatResponseAccumulator("openai/gpt-4o");
        var transcript = Sse(
            Chunk("""{"content":"The answer "}"""),
            Chunk("""{"tool_calls":[{"index":0,"id":"call_1","function":{"name":"f","arguments":"{\"a\":"}}]}"""),
            $$$"""{"id":"gen-1","object":"chat.completion.chunk","model":"openai/gpt-4o","provider":"OpenAI","error":{"code":{{{code}}},"message":"Provider returned error","metadata":{"error_type":"provider_unavailable","provider_name":"OpenAI","raw":"upstream 5xx"}},"choices":[{"index":0,"delta":{"content":""},"finish_reason":"error","native_finish_reason":"error"}]}""",
            "[DONE]");
        var seen = new List<OpenRouterChatUpdate>();

        var error = await Assert.ThrowsAnyAsync<OpenRouterException>(() => DrainAsync(ToStream(transcript), accumulator, seen));

        Assert.IsType(expectedType, error);
        Assert.Equal("Provider returned error", error.Message);
        Assert.Equal(expectedCode, error.Code);
        Assert.True(error.Details.InBand);
        Assert.Equal("OpenAI", error.ProviderName);
        Assert.Equal("upstream 5xx", error.RawError);
        Assert.Equal("gen-1", error.GenerationId);
        Assert.Equal("The answer ", error.PartialResult!.Text);
        Assert.Equal([new OpenRouterToolCall("call_1", "f", "{\"a\":")], error.PartialResult.ToolCalls);
        Assert.Equal(OpenRouterStopReason.Error, error.PartialResult.StopReason);
        Assert.Equal("The answer ", Assert.Single(seen).Text);
    }

    [Fact]
    public async Task A_connection_dropped_mid_stream_is_a_network_error_with_the_partial_answer()
    {
        var accumulator = new ChatResponseAccumulator("openai/gpt-5.5");
        var bytes = Encoding.UTF8.GetBytes(Sse(Chunk("""{"content":"Partial"}"""), Chunk("""{"content":" answ""")).TrimEnd());
        await using var stream = new BreakingStream(bytes, new HttpIOException(HttpRequestError.ResponseEnded, "The response ended prematurely."));

        var error = await Assert.ThrowsAsync<OpenRouterNetworkException>(() => DrainAsync(stream, accumulator));

        Assert.False(error.BeforeResponse);
        Assert.False(error.IsTransient);
        Assert.Equal("LLM request failed: network connection error.", error.Message);
        Assert.IsType<HttpIOException>(error.InnerException);
        Assert.Equal("Partial", error.PartialResult!.Text);
    }

    [Fact]
    public async Task Cancellation_propagates_unchanged_even_when_the_read_fails_with_an_IOException()
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var accumulator = new ChatResponseAccumulator("openai/gpt-5.5");
        var bytes = Encoding.UTF8.GetBytes(Sse(Chunk("""{"content":"Partial"}""")));
        // The socket's own reaction to an abort can be an IOException; the caller must still see its cancellation.
        await using var stream = new BreakingStream(bytes, new IOException("Unable to read data from the transport connection: Operation canceled."));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in ChatStreamReader.ReadAsync(stream, accumulator, cancellation.Token))
            {
                await cancellation.CancelAsync();
            }
        });

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DrainAsync(ToStream(Sse(Chunk("{}", "\"stop\""))), new ChatResponseAccumulator("m"), token: cancelled.Token));
    }

    [Fact]
    public async Task Ten_megabytes_of_reasoning_in_ten_thousand_fragments_is_read_in_linear_time()
    {
        const int Fragments = 10_000;
        var fragment = new string('r', 1_000);
        var builder = new StringBuilder(Fragments * 1_400);
        var chunk = "data: " + Chunk($$"""{"reasoning":"{{fragment}}","reasoning_details":[{"type":"reasoning.text","text":"{{fragment}}","format":"anthropic-claude-v1","index":0}]}""") + "\n\n";
        for (var i = 0; i < Fragments; i++)
        {
            builder.Append(chunk);
        }
        builder.Append("data: ").Append(Chunk("""{"content":"done"}""", "\"stop\"")).Append("\n\ndata: [DONE]\n\n");
        var accumulator = new ChatResponseAccumulator("anthropic/claude-sonnet-4.6");

        var stopwatch = Stopwatch.StartNew();
        var updates = 0;
        await foreach (var update in ChatStreamReader.ReadAsync(ToStream(builder.ToString()), accumulator, TestContext.Current.CancellationToken))
        {
            updates++;
        }
        var result = accumulator.Build();
        stopwatch.Stop();

        var thinking = Assert.Single(result.Thinking);
        Assert.Equal(10_000_000, thinking.Text.Length);
        Assert.Equal("reasoning_details", thinking.SourceField);
        Assert.Equal(Fragments, result.ReasoningDetails.Count);
        Assert.Equal(Fragments + 1, updates);
        // Quadratic concatenation would copy ~50 GB here; linear work takes well under a second.
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed}");
    }

    private const string UsageChunk =
        """{"id":"gen-1","object":"chat.completion.chunk","model":"anthropic/claude-sonnet-4.6","provider":"Anthropic","choices":[],"usage":{"prompt_tokens":10,"completion_tokens":2,"total_tokens":12,"cost":0.0001,"is_byok":false}}""";

    private static async Task<(List<OpenRouterChatUpdate> Updates, OpenRouterChatResult Result)> ReadAllAsync(string transcript)
    {
        var accumulator = new ChatResponseAccumulator("anthropic/claude-sonnet-4.6");
        var updates = new List<OpenRouterChatUpdate>();
        await DrainAsync(ToStream(transcript), accumulator, updates);
        return (updates, accumulator.Build());
    }

    private static async Task DrainAsync(Stream stream, ChatResponseAccumulator accumulator, List<OpenRouterChatUpdate>? seen = null, CancellationToken? token = null)
    {
        await foreach (var update in ChatStreamReader.ReadAsync(stream, accumulator, token ?? TestContext.Current.CancellationToken))
        {
            seen?.Add(update);
        }
    }

    private static MemoryStream ToStream(string text) => new(Encoding.UTF8.GetBytes(text));

    private static string Sse(params string[] data) => string.Concat(data.Select(item => "data: " + item + "\n\n"));

    private static string Chunk(string delta, string finishReason = "null") =>
        $$"""{"id":"gen-1","object":"chat.completion.chunk","created":1795481301,"model":"anthropic/claude-sonnet-4.6","provider":"Anthropic","choices":[{"index":0,"delta":{{delta}},"finish_reason":{{finishReason}},"native_finish_reason":null,"logprobs":null}]}""";

    // Serves the bytes, then fails the next read the way a dropped connection does.
    private sealed class BreakingStream(byte[] bytes, Exception failure) : SynchronousReadStream
    {
        private int _position;

        public override int Read(Span<byte> buffer)
        {
            if (_position >= bytes.Length)
            {
                throw failure;
            }
            var count = Math.Min(buffer.Length, bytes.Length - _position);
            bytes.AsSpan(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }
    }
}
