using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace OpenClaw.Benchmarks.Streaming;

/// <summary>
/// Builds, deterministically, the bytes of an OpenRouter chat stream as Claude Sonnet 4.6 sends it through OpenRouter: the
/// <c>: OPENROUTER PROCESSING</c> comment, reasoning deltas (<c>reasoning</c> + <c>reasoning_details</c>, the last with its
/// signature), text deltas, two tool calls streamed in 12-character argument fragments, the finish chunk, the usage chunk and
/// <c>data: [DONE]</c>. Shapes follow the emulator's <c>ChatStreamChunks</c>/<c>ChatJsonWriter</c>, which follow the wire.
/// </summary>
public static class StreamRecording
{
    /// <summary>JSON <c>chat.completion.chunk</c> events in the stream (the comment and <c>[DONE]</c> not counted).</summary>
    /// <remarks>A constant so the benchmarks can use it as <c>OperationsPerInvoke</c> and report per chunk.</remarks>
    public const int ChunkCount = 4000;

    /// <summary>Chunks that carry reasoning.</summary>
    public const int ReasoningChunkCount = 1200;

    /// <summary>The model the stream says answered.</summary>
    public const string Model = "anthropic/claude-sonnet-4.6";

    /// <summary>The generation id on every chunk.</summary>
    public const string GenerationId = "gen-1777777777-BnChMaRkStReAmRecOrD0";

    /// <summary>Arguments are streamed in fragments of this many characters, like the emulator (and Anthropic via OpenRouter).</summary>
    public const int ArgumentFragmentLength = 12;

    private const long Created = 1_777_777_777;
    private const string Provider = "Anthropic";
    private const string ReasoningFormat = "anthropic-claude-v1";

    // Words with the things a real stream has: punctuation, quotes and newlines (escaped in JSON), non-ASCII and a
    // surrogate pair, code. Text lengths below are UTF-16 chars, as every parser counts them.
    private static readonly string[] Words =
    [
        "the ", "stream ", "parser ", "reads ", "each ", "chunk ", "and ", "folds ", "it ", "into ", "an ", "update", ". ",
        "We ", "need ", "to ", "check ", "`ChatStreamReader` ", "first", ", ", "then ", "the ", "accumulator ", "\"delta\" ",
        "field ", "for ", "tool ", "calls", ".\n\n", "- ", "naïve ", "approach ", "→ ", "allocates ", "per ", "token ", "🚀 ",
        "so ", "we ", "pool ", "buffers ", "where ", "it ", "matters", ";\n", "```csharp\n", "var x = 42;\n", "```\n",
        "OpenRouter ", "forwards ", "Anthropic's ", "thinking ", "as ", "`reasoning` ", "plus ", "`reasoning_details`", ". ",
        "Costs ", "are ", "reported ", "in ", "USD", ": ", "$0.0123 ", "total", ".\n",
    ];

    /// <summary>The two tool calls the answer ends with: id, name, arguments (JSON text).</summary>
    private static readonly (string Id, string Name, string Arguments)[] ToolCalls =
    [
        ("toolu_01BnchRdFiLe0000000001", "read_file",
            """{"path":"src/OpenClaw.OpenRouter/Streaming/ChatStreamReader.cs","offset":1,"limit":400}"""),
        ("toolu_01BnchEdFiLe0000000002", "edit_file",
            """{"path":"src/OpenClaw.OpenRouter/Streaming/ChatResponseAccumulator.cs","edits":[{"old_text":"private readonly StringBuilder _text = new();\n    private StringBuilder? _refusal;","new_text":"private readonly StringBuilder _text = new(capacity: 4096);\n    private StringBuilder? _refusal;\n    // Pre-sized: most answers are a few KB of text."},{"old_text":"if (delta.TryGetProperty(\"tool_calls\", out var toolCalls) && toolCalls.ValueKind == JsonValueKind.Array)","new_text":"if (delta.TryGetProperty(\"tool_calls\"u8, out var toolCalls) && toolCalls.ValueKind == JsonValueKind.Array)"}],"dry_run":false,"reason":"Avoid re-allocating the text builder while a long answer streams in; look up the tool_calls property by its UTF-8 name so no string is transcoded per chunk. Both changes keep behaviour identical and the existing tests cover them."}"""),
    ];

    /// <summary>Generates the recording.</summary>
    public static Recording Create()
    {
        var random = new DeterministicRandom(20260507);
        var events = new List<byte[]>(ChunkCount);
        var content = new StringBuilder();
        var reasoning = new StringBuilder();

        var toolChunks = 0;
        foreach (var (_, _, arguments) in ToolCalls)
        {
            toolChunks += 1 + ((arguments.Length + ArgumentFragmentLength - 1) / ArgumentFragmentLength);
        }
        var contentChunkCount = ChunkCount - ReasoningChunkCount - toolChunks - 2;

        for (var i = 0; i < ReasoningChunkCount; i++)
        {
            var piece = NextPiece(random);
            reasoning.Append(piece);
            var last = i == ReasoningChunkCount - 1;
            events.Add(Chunk(writer =>
            {
                writer.WriteString("content", "");
                writer.WriteString("reasoning", piece);
                writer.WriteStartArray("reasoning_details");
                writer.WriteStartObject();
                writer.WriteString("type", "reasoning.text");
                writer.WriteString("text", piece);
                if (last)
                {
                    writer.WriteString("signature", "ErUBCkYIBRgCIkDbEnChMaRkSiGnAtUrE0123456789abcdefABCDEF+/xyzw==");
                }
                writer.WriteString("format", ReasoningFormat);
                writer.WriteNumber("index", 0);
                writer.WriteEndObject();
                writer.WriteEndArray();
            }));
        }

        for (var i = 0; i < contentChunkCount; i++)
        {
            var piece = NextPiece(random);
            content.Append(piece);
            events.Add(Chunk(writer => writer.WriteString("content", piece)));
        }

        var argumentChars = 0;
        for (var index = 0; index < ToolCalls.Length; index++)
        {
            var (id, name, arguments) = ToolCalls[index];
            argumentChars += arguments.Length;
            var callIndex = index;
            events.Add(Chunk(writer => WriteToolCallFragment(writer, callIndex, id, name, "")));
            for (var offset = 0; offset < arguments.Length; offset += ArgumentFragmentLength)
            {
                var fragment = arguments.Substring(offset, Math.Min(ArgumentFragmentLength, arguments.Length - offset));
                events.Add(Chunk(writer => WriteToolCallFragment(writer, callIndex, null, null, fragment)));
            }
        }

        events.Add(Chunk(writer => writer.WriteString("content", ""), "tool_calls", "tool_use"));
        events.Add(UsageChunk());

        if (events.Count != ChunkCount)
        {
            throw new InvalidOperationException($"The recording has {events.Count} chunks, not {ChunkCount}.");
        }

        using var sse = new MemoryStream();
        Append(sse, ": OPENROUTER PROCESSING\n\n"u8);
        foreach (var json in events)
        {
            Append(sse, "data: "u8);
            Append(sse, json);
            Append(sse, "\n\n"u8);
        }
        Append(sse, "data: [DONE]\n\n"u8);

        return new Recording(sse.ToArray(), ChunkCount, content.ToString(), reasoning.ToString(),
            [.. ToolCalls.Select(call => call.Name)], argumentChars);
    }

    private static string NextPiece(DeterministicRandom random)
    {
        // One to four words per delta, as Anthropic's text deltas arrive.
        var count = 1 + random.Next(4);
        var piece = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            piece.Append(Words[random.Next(Words.Length)]);
        }
        return piece.ToString();
    }

    private static void WriteToolCallFragment(Utf8JsonWriter writer, int index, string? id, string? name, string arguments)
    {
        writer.WriteNull("content");
        writer.WriteStartArray("tool_calls");
        writer.WriteStartObject();
        writer.WriteNumber("index", index);
        if (id is not null)
        {
            writer.WriteString("id", id);
            writer.WriteString("type", "function");
        }
        writer.WriteStartObject("function");
        if (name is not null)
        {
            writer.WriteString("name", name);
        }
        writer.WriteString("arguments", arguments);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    private static byte[] Chunk(Action<Utf8JsonWriter> writeDelta, string? finish = null, string? nativeFinish = null) => Write(writer =>
    {
        writer.WriteStartObject();
        WriteHeader(writer);
        writer.WriteStartArray("choices");
        writer.WriteStartObject();
        writer.WriteNumber("index", 0);
        writer.WriteStartObject("delta");
        writer.WriteString("role", "assistant");
        writeDelta(writer);
        writer.WriteEndObject();
        WriteFinish(writer, finish, nativeFinish);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    private static byte[] UsageChunk() => Write(writer =>
    {
        writer.WriteStartObject();
        WriteHeader(writer);
        writer.WriteStartArray("choices");
        writer.WriteStartObject();
        writer.WriteNumber("index", 0);
        writer.WriteStartObject("delta");
        writer.WriteString("role", "assistant");
        writer.WriteString("content", "");
        writer.WriteEndObject();
        WriteFinish(writer, "tool_calls", "tool_use");
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteStartObject("usage");
        writer.WriteNumber("prompt_tokens", 48_213);
        writer.WriteNumber("completion_tokens", 9_874);
        writer.WriteNumber("total_tokens", 58_087);
        writer.WriteNumber("cost", 0.2446917m);
        writer.WriteBoolean("is_byok", false);
        writer.WriteStartObject("prompt_tokens_details");
        writer.WriteNumber("cached_tokens", 40_960);
        writer.WriteNumber("cache_write_tokens", 7_253);
        writer.WriteNumber("audio_tokens", 0);
        writer.WriteNumber("video_tokens", 0);
        writer.WriteEndObject();
        writer.WriteStartObject("cost_details");
        writer.WriteNull("upstream_inference_cost");
        writer.WriteNumber("upstream_inference_prompt_cost", 0.0968007m);
        writer.WriteNumber("upstream_inference_completions_cost", 0.14811m);
        writer.WriteEndObject();
        writer.WriteStartObject("completion_tokens_details");
        writer.WriteNumber("reasoning_tokens", 3_517);
        writer.WriteNumber("image_tokens", 0);
        writer.WriteNumber("audio_tokens", 0);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    private static void WriteHeader(Utf8JsonWriter writer)
    {
        writer.WriteString("id", GenerationId);
        writer.WriteString("object", "chat.completion.chunk");
        writer.WriteNumber("created", Created);
        writer.WriteString("model", Model);
        writer.WriteString("provider", Provider);
        writer.WriteNull("system_fingerprint");
    }

    private static void WriteFinish(Utf8JsonWriter writer, string? finish, string? nativeFinish)
    {
        if (finish is null)
        {
            writer.WriteNull("finish_reason");
            writer.WriteNull("native_finish_reason");
        }
        else
        {
            writer.WriteString("finish_reason", finish);
            writer.WriteString("native_finish_reason", nativeFinish);
        }
        writer.WriteNull("logprobs");
    }

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        // OpenRouter's escaping: quotes as \", non-ASCII as UTF-8, not \uXXXX.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }
        return buffer.ToArray();
    }

    private static void Append(MemoryStream stream, ReadOnlySpan<byte> bytes) => stream.Write(bytes);

    /// <summary>xorshift32: the same sequence on every machine and runtime (unlike <see cref="Random"/> with a seed, which is not promised).</summary>
    private sealed class DeterministicRandom(uint seed)
    {
        private uint _state = seed == 0 ? 1u : seed;

        public int Next(int maxExclusive)
        {
            _state ^= _state << 13;
            _state ^= _state >> 17;
            _state ^= _state << 5;
            return (int)(_state % (uint)maxExclusive);
        }
    }
}
