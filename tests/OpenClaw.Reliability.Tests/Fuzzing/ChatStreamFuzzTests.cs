using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.AI;
using OpenClaw.OpenRouter;
using OpenClaw.OpenRouter.AI;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Streaming;
using OpenClaw.Reliability.Tests.Support;

namespace OpenClaw.Reliability.Tests.Fuzzing;

/// <summary>
/// The SSE/stream mapper under FsCheck: <see cref="ChatStreamReader"/> with <see cref="ChatResponseAccumulator"/>, the MEAI
/// mapping (<see cref="ChatResponseMapper"/>), and the whole <see cref="OpenRouterChatClient.GetStreamingResponseAsync"/> path
/// over an in-process handler. Valid streams re-assemble exactly, however the bytes are cut into reads; edited streams end —
/// within a few seconds — in an answer or an <see cref="OpenRouterException"/>, never another exception.
/// </summary>
public sealed class ChatStreamFuzzTests
{
    public const int ValidReaderCount = 30_000;
    public const int ValidClientCount = 10_000;
    public const int MutatedStreamCount = 10_000;
    public const int MutatedChunkStreamCount = 10_000;
    public const int MutatedClientStreamCount = 2_000;
    public const int EditsPerStream = 5;

    /// <summary>Longer than any stream here could take; tripping it means the reader stopped making progress.</summary>
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(5);

    private static readonly string[] Snippets =
    [
        "\n", "\r", "\r\n", "\n\n", "\r\r", "data: ", "data:", "data", ":", " ", "data: [DONE]\n\n", "[DONE]", ": OPENROUTER PROCESSING\n\n", "event: error\n",
        "event:\n", "id: 7\n", "id: \0\n", "retry: 5\n", "retry: 99999999999999999999\n", "data: {}\n\n", "data: 42\n\n", "data: \"x\"\n\n", "data: {\"choices\":null}\n\n",
        "data: {\"error\":{\"code\":429,\"message\":\"slow\",\"metadata\":{\"retry_after_seconds\":1e300}}}\n\n",
        "data: {\"error\":{\"code\":\"502\",\"message\":null,\"metadata\":{\"retry_after_seconds\":-1}}}\n\n",
        "data: {\"error\":\"flat\"}\n\n", "data: {\"choices\":[{\"error\":{\"code\":1e400}}]}\n\n",
        "data: {\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":-1,\"function\":{\"arguments\":{}}}]}}]}\n\n",
        "data: {\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":2147483648,\"id\":\"\",\"function\":{\"name\":7,\"arguments\":[1]}}]}}]}\n\n",
        "data: {\"choices\":[{\"delta\":{\"images\":[{\"image_url\":{\"url\":\"data:x\"}},{\"url\":\"data:image/png;base64,!!\"},{\"image_url\":{\"url\":\"::\"}}]}}]}\n\n",
        "data: {\"usage\":{\"prompt_tokens\":1e300,\"completion_tokens\":-5,\"cost\":79228162514264337593543950335}}\n\n",
        "data: {\"usage\":{\"cost\":1e28,\"cost_details\":{\"upstream_inference_cost\":\"x\"},\"is_byok\":1}}\n\n",
        "data: {\"choices\":[{\"finish_reason\":\"\",\"delta\":{\"content\":[null,1,{\"type\":\"thinking\"},{\"type\":\"text\",\"text\":\"t\"}]}}]}\n\n",
        "\uFEFF", "\"", "{", "}", "[", "]", ",", "null", "\\u0000", "\\ud800", "\\", "é", "\u2028",
    ];

    private static readonly string[] ChunkKeys =
    [
        "content", "reasoning", "reasoning_content", "reasoning_text", "reasoning_details", "type", "text", "data", "id", "tool_calls", "index",
        "function", "name", "arguments", "images", "image_url", "url", "annotations", "refusal", "usage", "prompt_tokens", "completion_tokens",
        "cost", "cost_details", "upstream_inference_cost", "prompt_tokens_details", "cached_tokens", "cache_write_tokens", "prompt_cache_hit_tokens",
        "completion_tokens_details", "reasoning_tokens", "is_byok", "finish_reason", "native_finish_reason", "error", "code", "message", "metadata",
        "retry_after_seconds", "choices", "delta", "message", "model", "provider", "role",
    ];

    [Fact(Timeout = 300_000)]
    public async Task Valid_streams_reassemble_exactly_through_the_reader_and_the_MEAI_mapping_however_the_bytes_are_cut()
    {
        await Task.Run(() => FuzzCheck.Run("stream valid (reader + MEAI mapping)", ChatStreams.Stream, ValidReaderCount, stream =>
        {
            using var hang = new CancellationTokenSource(HangLimit);
            var accumulator = new ChatResponseAccumulator("fuzz/model");
            var updates = Read(stream.Bytes, stream.ReadSizes, accumulator, hang.Token);
            var result = accumulator.Build();

            Expect(stream, result.Text, string.Concat(result.Thinking.Select(block => block.Text)), result.ToolCalls, "result");
            Expect(stream, string.Concat(updates.Select(update => update.Text)), string.Concat(updates.Select(update => update.Thinking?.Text)),
                [.. updates.SelectMany(update => update.ToolCalls ?? [])], "updates");
            Equal(stream.FinishReason, result.FinishReason?.Value, "finish reason", stream);
            Equal(stream.PromptTokens ?? 0, result.Usage?.PromptTokens ?? 0, "prompt tokens", stream);
            Equal(stream.CompletionTokens ?? 0, result.Usage?.CompletionTokens ?? 0, "completion tokens", stream);
            Equal(stream.Cost, result.Usage?.Cost, "cost", stream);

            updates.Add(new OpenRouterChatUpdate { Completed = result });
            ExpectMeai(stream, updates.Select(ChatResponseMapper.ToChatResponseUpdate).ToList());
        }), TestContext.Current.CancellationToken);
    }

    [Fact(Timeout = 300_000)]
    public async Task Valid_streams_reassemble_exactly_through_OpenRouterChatClient()
    {
        using var server = new StreamServer();
        using var client = server.CreateClient();
        using var chat = new OpenRouterChatClient(client, "fuzz/model");
        await Task.Run(() => FuzzCheck.Run("stream valid (OpenRouterChatClient)", ChatStreams.Stream, ValidClientCount, stream =>
        {
            using var hang = new CancellationTokenSource(HangLimit);
            server.Next = (stream.Bytes, stream.ReadSizes, hang.Token);
            var updates = StreamAsync(chat, hang.Token).GetAwaiter().GetResult();
            ExpectMeai(stream, updates);
        }), TestContext.Current.CancellationToken);
    }

    [Fact(Timeout = 300_000)]
    public async Task Edited_streams_end_in_an_answer_or_an_OpenRouterException()
    {
        var cases =
            from stream in ChatStreams.Stream
            from edits in Gen.ArrayOf(Mutation.Edits, EditsPerStream)
            from sizes in ChatStreams.ReadSizes
            select new EditedStream(stream, edits, sizes);
        var failures = 0;
        await Task.Run(() => FuzzCheck.Run("stream byte edits (reader + MEAI mapping)", cases, MutatedStreamCount, edited =>
        {
            foreach (var edits in edited.Edits)
            {
                failures += ReadEdited(Mutation.Apply(edited.Stream.Bytes, edits, Snippets), edited.ReadSizes) ? 0 : 1;
            }
        }, EditsPerStream), TestContext.Current.CancellationToken);
        Assert.InRange(failures, 1, MutatedStreamCount * EditsPerStream);
    }

    [Fact(Timeout = 300_000)]
    public async Task Streams_with_strange_chunks_and_stray_event_lines_end_in_an_answer_or_an_OpenRouterException()
    {
        var cases =
            from stream in ChatStreams.Stream
            from seeds in Gen.ArrayOf(Gen.Choose(0, int.MaxValue), EditsPerStream)
            from sizes in ChatStreams.ReadSizes
            select new ReshapedStream(stream, seeds, sizes);
        await Task.Run(() => FuzzCheck.Run("stream chunk-JSON edits (reader + MEAI mapping)", cases, MutatedChunkStreamCount, reshaped =>
        {
            foreach (var seed in reshaped.Seeds)
            {
                ReadEdited(Reshape(reshaped.Stream, new Random(seed)), reshaped.ReadSizes);
            }
        }, EditsPerStream), TestContext.Current.CancellationToken);
    }

    [Fact(Timeout = 300_000)]
    public async Task Edited_streams_through_OpenRouterChatClient_end_in_an_answer_or_an_OpenRouterException()
    {
        using var server = new StreamServer();
        using var client = server.CreateClient();
        using var chat = new OpenRouterChatClient(client, "fuzz/model");
        var cases =
            from stream in ChatStreams.Stream
            from seeds in Gen.ArrayOf(Gen.Choose(0, int.MaxValue), EditsPerStream)
            from edits in Gen.ArrayOf(Mutation.Edits, EditsPerStream)
            from sizes in ChatStreams.ReadSizes
            select new ClientEditedStream(stream, seeds, edits, sizes);
        await Task.Run(() => FuzzCheck.Run("stream edits (OpenRouterChatClient)", cases, MutatedClientStreamCount, edited =>
        {
            for (var i = 0; i < EditsPerStream; i++)
            {
                var bytes = i % 2 == 0 ? Mutation.Apply(edited.Stream.Bytes, edited.Edits[i], Snippets) : Reshape(edited.Stream, new Random(edited.Seeds[i]));
                using var hang = new CancellationTokenSource(HangLimit);
                server.Next = (bytes, edited.ReadSizes, hang.Token);
                try
                {
                    StreamAsync(chat, hang.Token).GetAwaiter().GetResult();
                }
                catch (OpenRouterException exception)
                {
                    FuzzLedger.Record("stream client", exception);
                }
                catch (Exception exception)
                {
                    throw Unexpected(exception, bytes, hang.IsCancellationRequested);
                }
            }
        }, EditsPerStream), TestContext.Current.CancellationToken);
    }

    /// <summary>Reads an edited stream and maps what came out; true when it ended in an answer, false on an OpenRouterException.</summary>
    private static bool ReadEdited(byte[] bytes, int[] readSizes)
    {
        using var hang = new CancellationTokenSource(HangLimit);
        var accumulator = new ChatResponseAccumulator("fuzz/model");
        List<OpenRouterChatUpdate> updates = [];
        var answered = true;
        try
        {
            try
            {
                updates = Read(bytes, readSizes, accumulator, hang.Token);
            }
            catch (OpenRouterException exception)
            {
                FuzzLedger.Record("stream", exception);
                answered = false;
                // The partial answer travels with the error and must map as well as a whole one.
                if (exception.PartialResult is not { } partial)
                {
                    throw new InvalidOperationException("An OpenRouterException from a stream carries no PartialResult.", exception);
                }
                ChatResponseMapper.ToChatResponse(partial);
            }
            updates.Add(new OpenRouterChatUpdate { Completed = accumulator.Build() });
            var mapped = updates.Select(ChatResponseMapper.ToChatResponseUpdate).ToList();
            mapped.ToChatResponse();
            ChatResponseMapper.ToChatResponse(accumulator.Build());
            return answered;
        }
        catch (Exception exception) when (exception is not OpenRouterException || !answered)
        {
            throw Unexpected(exception, bytes, hang.IsCancellationRequested);
        }
    }

    private static Exception Unexpected(Exception exception, byte[] bytes, bool hung) => new InvalidOperationException(
        (hung ? $"The stream did not end within {HangLimit.TotalSeconds} s" : $"{exception.GetType().Name} escaped instead of an OpenRouterException")
        + $" for: {FuzzCheck.Show(bytes)}", exception);

    /// <summary>The stream's chunks again, one to three of them reshaped, and now and then a stray SSE line.</summary>
    private static byte[] Reshape(ChatStream stream, Random random)
    {
        var sse = new StringBuilder();
        var reshape = new HashSet<int>(Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(stream.Chunks.Count)));
        for (var i = 0; i < stream.Chunks.Count; i++)
        {
            if (random.Next(6) == 0)
            {
                sse.Append(Snippets[random.Next(Snippets.Length)]);
            }
            var json = reshape.Contains(i) ? JsonShapeFuzzer.Mutate(stream.Chunks[i], random, ChunkKeys) : stream.Chunks[i].ToJsonString();
            sse.Append("data: ").Append(json).Append(stream.Newline).Append(stream.Newline);
        }
        if (random.Next(2) == 0)
        {
            sse.Append("data: [DONE]").Append(stream.Newline).Append(stream.Newline);
        }
        return Encoding.UTF8.GetBytes(sse.ToString());
    }

    private static List<OpenRouterChatUpdate> Read(byte[] bytes, int[] readSizes, ChatResponseAccumulator accumulator, CancellationToken hang)
    {
        return ReadAsync().GetAwaiter().GetResult();

        async Task<List<OpenRouterChatUpdate>> ReadAsync()
        {
            var updates = new List<OpenRouterChatUpdate>();
            await foreach (var update in ChatStreamReader.ReadAsync(new ChunkedStream(bytes, readSizes, hang), accumulator, hang))
            {
                updates.Add(update);
            }
            return updates;
        }
    }

    private static async Task<List<ChatResponseUpdate>> StreamAsync(OpenRouterChatClient chat, CancellationToken hang)
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in chat.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "fuzz")], cancellationToken: hang).ConfigureAwait(false))
        {
            updates.Add(update);
        }
        return updates;
    }

    private static void Expect(ChatStream stream, string text, string thinking, IReadOnlyList<OpenRouterToolCall> calls, string where)
    {
        Equal(stream.Text, text, where + " text", stream);
        Equal(stream.Thinking, thinking, where + " thinking", stream);
        Equal(stream.ToolCalls.Count, calls.Count, where + " tool-call count", stream);
        for (var i = 0; i < calls.Count; i++)
        {
            Equal(stream.ToolCalls[i], new ExpectedToolCall(calls[i].Id, calls[i].Name, calls[i].Arguments), $"{where} tool call {i}", stream);
        }
    }

    private static void ExpectMeai(ChatStream stream, List<ChatResponseUpdate> updates)
    {
        var response = updates.ToChatResponse();
        var contents = response.Messages.SelectMany(message => message.Contents).ToList();
        Equal(stream.Text, response.Text, "MEAI text", stream);
        Equal(stream.Thinking, string.Concat(contents.OfType<TextReasoningContent>().Select(content => content.Text)), "MEAI thinking", stream);
        var calls = contents.OfType<FunctionCallContent>().ToList();
        Equal(stream.ToolCalls.Count, calls.Count, "MEAI tool-call count", stream);
        for (var i = 0; i < calls.Count; i++)
        {
            var raw = (OpenRouterToolCall)calls[i].RawRepresentation!;
            Equal(stream.ToolCalls[i], new ExpectedToolCall(calls[i].CallId, calls[i].Name, raw.Arguments), $"MEAI tool call {i}", stream);
            var expectedArguments = JsonNode.Parse(stream.ToolCalls[i].Arguments)!.AsObject();
            Equal(expectedArguments.Count, calls[i].Arguments?.Count ?? 0, $"MEAI tool call {i} argument count", stream);
            if (calls[i].Exception is { } exception)
            {
                throw new InvalidOperationException($"MEAI tool call {i} arguments did not parse in {stream}", exception);
            }
        }
        var expectedFinish = stream.FinishReason switch { "tool_calls" => ChatFinishReason.ToolCalls, "length" => ChatFinishReason.Length, _ => ChatFinishReason.Stop };
        Equal(expectedFinish, response.FinishReason, "MEAI finish reason", stream);
        Equal(stream.PromptTokens, response.Usage?.InputTokenCount, "MEAI input tokens", stream);
        Equal(stream.CompletionTokens, response.Usage?.OutputTokenCount, "MEAI output tokens", stream);
    }

    private static void Equal<T>(T expected, T actual, string what, ChatStream stream)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            throw new InvalidOperationException($"{what}: expected {Quote(expected)}, got {Quote(actual)} in {stream}");
        }
    }

    private static string Quote<T>(T value) => value is string text ? "\"" + FuzzCheck.Show(text) + "\"" : value?.ToString() ?? "null";

    private sealed record EditedStream(ChatStream Stream, Mutation[][] Edits, int[] ReadSizes)
    {
        public override string ToString() => $"{Stream} with edits {string.Join(" | ", Edits.Select(edits => string.Join(", ", edits.Select(edit => edit.ToString()))))}";
    }

    private sealed record ReshapedStream(ChatStream Stream, int[] Seeds, int[] ReadSizes)
    {
        public override string ToString() => $"{Stream} reshaped with seeds {string.Join(',', Seeds)}, reads {string.Join(',', ReadSizes)}";
    }

    private sealed record ClientEditedStream(ChatStream Stream, int[] Seeds, Mutation[][] Edits, int[] ReadSizes)
    {
        public override string ToString() => $"{Stream} with seeds {string.Join(',', Seeds)} and edits {string.Join(" | ", Edits.Select(edits => string.Join(", ", edits.Select(edit => edit.ToString()))))}";
    }

    /// <summary>Answers every chat request with the next stream as <c>text/event-stream</c>, cut into the given reads.</summary>
    private sealed class StreamServer : HttpMessageHandler
    {
        public (byte[] Bytes, int[] ReadSizes, CancellationToken Hang) Next { get; set; }

        public OpenRouterClient CreateClient() => new(new OpenRouterClientOptions
        {
            ApiKey = SuiteKey.Value,
            Handler = this,
            CapabilityCatalogUrl = null,
            StreamIdleTimeout = TimeSpan.FromSeconds(30),
        });

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var (bytes, readSizes, hang) = Next;
            var content = new StreamContent(new ChunkedStream(bytes, readSizes, hang));
            content.Headers.ContentType = new MediaTypeHeaderValue("text/event-stream");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
