using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace OpenClaw.Reliability.Tests.Fuzzing;

/// <summary>A tool call the stream carries in pieces.</summary>
internal sealed record ExpectedToolCall(string Id, string Name, string Arguments);

/// <summary>
/// A generated OpenRouter chat stream: the SSE bytes, how they are cut into reads, and what must come out of them whatever
/// the cutting — the text, the thinking, the tool calls, the finish reason and the usage.
/// </summary>
internal sealed record ChatStream(
    byte[] Bytes, int[] ReadSizes, IReadOnlyList<JsonObject> Chunks, string Text, string Thinking, IReadOnlyList<ExpectedToolCall> ToolCalls,
    string FinishReason, long? PromptTokens, long? CompletionTokens, decimal? Cost, string Newline)
{
    public override string ToString() =>
        $"stream ({Bytes.Length} bytes, reads of {string.Join(',', ReadSizes.Take(20))}…, newline {FuzzCheck.Show(Newline)}): {FuzzCheck.Show(Encoding.UTF8.GetString(Bytes))}";
}

/// <summary>
/// FsCheck generators of valid OpenRouter streams (API §2.4, provider spec §14): an identity chunk, then text (as a string
/// or as content parts), thinking (<c>reasoning</c>, <c>reasoning_content</c>, <c>reasoning_text</c> or
/// <c>reasoning_details</c>), encrypted reasoning details and tool-call fragments (parallel calls interleaved by index, or
/// every call numbered 0 and told apart by id) in any order, <c>: OPENROUTER PROCESSING</c> comments anywhere, the finish
/// chunk, an optional usage chunk and an optional <c>[DONE]</c>; one line ending (LF, CRLF or CR) per stream; JSON escaped
/// or raw UTF-8, on one line or spread over several <c>data:</c> lines.
/// </summary>
internal static class ChatStreams
{
    private static readonly Gen<string> Piece = Gen.Frequency(
        (6, Gen.Choose(0x20, 0x7E).Select(code => ((char)code).ToString())),
        (2, Gen.Elements("\n", "\r\n", "\t", "\"", "\\", "/", "data: ", "[DONE]", ": x", "\u2028", "é", "€", "名", "😀", "\u0000", "\u001F", "\uFEFF")))
        .ArrayOf()
        .Select(string.Concat);

    private static readonly Gen<string> NonEmptyPiece = Piece.Where(piece => piece.Length > 0);

    private static readonly Gen<string> Identifier =
        from length in Gen.Choose(1, 12)
        from chars in Gen.ArrayOf(Gen.Elements("abcdefghijklmnopqrstuvwxyz_0123456789".ToCharArray()), length)
        select "f" + new string(chars);

    private static readonly Gen<JsonObject> ArgumentsObject =
        from count in Gen.Choose(0, 4)
        from keys in Gen.ArrayOf(Identifier, count)
        from values in Gen.ArrayOf(Gen.OneOf(Piece.Select(text => (JsonNode?)text), Gen.Choose(-1000, 1000).Select(n => (JsonNode?)n), Gen.Constant<JsonNode?>(null)), count)
        select Build(keys, values);

    private static readonly Gen<Segment> Content = Gen.Frequency(
        (5, NonEmptyPiece.Select(text => (Segment)new TextSegment(text, AsParts: false))),
        (1, NonEmptyPiece.Select(text => (Segment)new TextSegment(text, AsParts: true))),
        (4, from text in NonEmptyPiece
            from field in Gen.Elements("reasoning", "reasoning_content", "reasoning_text", "reasoning_details")
            select (Segment)new ThinkingSegment(text, field)),
        (1, Identifier.Select(id => (Segment)new EncryptedSegment("call_" + id))),
        (1, Gen.Constant<Segment>(new CommentSegment())));

    /// <summary>A whole valid stream.</summary>
    public static Gen<ChatStream> Stream { get; } =
        from segments in Gen.Sized(size => Gen.Choose(0, Math.Max(1, size / 5)).SelectMany(n => Gen.ArrayOf(Content, n)))
        from callCount in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Choose(1, 3)))
        from names in Gen.ArrayOf(Identifier, callCount)
        from arguments in Gen.ArrayOf(ArgumentsObject, callCount)
        from sameIndex in Gen.Elements(false, false, true)
        from style in Gen.Choose(0, int.MaxValue)
        from readSizes in ReadSizes
        select Write(segments, names, arguments, sameIndex, new Random(style), readSizes);

    /// <summary>How the bytes are cut into reads: single bytes, small pieces (splitting UTF-8 sequences and line endings), large blocks.</summary>
    public static Gen<int[]> ReadSizes { get; } = Gen.Frequency(
        (1, Gen.Constant(new[] { 1 })),
        (2, Gen.ArrayOf(Gen.Choose(1, 7), 16)),
        (4, Gen.ArrayOf(Gen.Choose(1, 300), 16)),
        (4, Gen.ArrayOf(Gen.Choose(1, 70_000), 4)));

    private static JsonObject Build(string[] keys, JsonNode?[] values)
    {
        var obj = new JsonObject();
        for (var i = 0; i < keys.Length; i++)
        {
            obj[keys[i]] = values[i];
        }
        return obj;
    }

    private static ChatStream Write(Segment[] segments, string[] names, JsonObject[] arguments, bool sameIndex, Random random, int[] readSizes)
    {
        var newline = random.Next(3) switch { 0 => "\n", 1 => "\r\n", _ => "\r" };
        var chunks = new List<JsonObject>();
        var text = new StringBuilder();
        var thinking = new StringBuilder();
        var calls = new List<ExpectedToolCall>();
        var events = new List<object>();
        var id = "gen-" + random.Next();
        events.Add(Chunk(id, new JsonObject { ["role"] = "assistant", ["content"] = "" }));

        // Tool-call fragments: the arguments text cut at random places, never inside a surrogate pair.
        var fragments = new List<Queue<JsonObject>>();
        for (var c = 0; c < names.Length; c++)
        {
            var callId = $"call_{c}_{random.Next(1000)}";
            var argumentsText = arguments[c].ToJsonString(new JsonSerializerOptions { Encoder = random.Next(2) == 0 ? JavaScriptEncoder.UnsafeRelaxedJsonEscaping : JavaScriptEncoder.Default });
            calls.Add(new ExpectedToolCall(callId, names[c], argumentsText));
            var queue = new Queue<JsonObject>();
            var pieces = Cut(argumentsText, random);
            for (var p = 0; p < pieces.Count; p++)
            {
                var fragment = new JsonObject { ["index"] = sameIndex ? 0 : c };
                if (p == 0)
                {
                    fragment["id"] = callId;
                    fragment["type"] = "function";
                    fragment["function"] = new JsonObject { ["name"] = names[c], ["arguments"] = pieces[p] };
                }
                else
                {
                    fragment["function"] = new JsonObject { ["arguments"] = pieces[p] };
                }
                queue.Enqueue(fragment);
            }
            fragments.Add(queue);
        }

        // Content and fragments interleaved; calls numbered 0 must come one after the other, parallel ones may interleave.
        var nextCall = 0;
        var pending = segments.Cast<object>().ToList();
        var output = new List<object>();
        var callsStarted = 0;
        while (pending.Count > 0 || nextCall < fragments.Count)
        {
            var takeFragment = nextCall < fragments.Count && (pending.Count == 0 || random.Next(3) == 0);
            if (takeFragment)
            {
                var available = sameIndex ? [nextCall] : Enumerable.Range(nextCall, Math.Min(fragments.Count, callsStarted + 1) - nextCall).Where(c => fragments[c].Count > 0).ToList();
                var call = available[random.Next(available.Count)];
                var fragment = fragments[call].Dequeue();
                callsStarted = Math.Max(callsStarted, call + 1);
                output.Add(new JsonObject { ["tool_calls"] = new JsonArray(fragment) });
                while (nextCall < fragments.Count && fragments[nextCall].Count == 0)
                {
                    nextCall++;
                }
            }
            else
            {
                output.Add(pending[0]);
                pending.RemoveAt(0);
            }
        }

        foreach (var item in output)
        {
            switch (item)
            {
                case JsonObject delta:
                    events.Add(Chunk(id, delta));
                    break;
                case TextSegment { AsParts: false } segment:
                    text.Append(segment.Text);
                    events.Add(Chunk(id, new JsonObject { ["content"] = segment.Text }));
                    break;
                case TextSegment segment:
                    text.Append(segment.Text);
                    events.Add(Chunk(id, new JsonObject { ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = segment.Text }) }));
                    break;
                case ThinkingSegment { Field: "reasoning_details" } segment:
                    thinking.Append(segment.Text);
                    events.Add(Chunk(id, new JsonObject { ["reasoning_details"] = new JsonArray(new JsonObject { ["type"] = "reasoning.text", ["text"] = segment.Text, ["index"] = 0 }) }));
                    break;
                case ThinkingSegment segment:
                    thinking.Append(segment.Text);
                    events.Add(Chunk(id, new JsonObject { [segment.Field] = segment.Text }));
                    break;
                case EncryptedSegment segment:
                    events.Add(Chunk(id, new JsonObject { ["reasoning_details"] = new JsonArray(new JsonObject { ["type"] = "reasoning.encrypted", ["id"] = segment.Id, ["data"] = "c2lnbmF0dXJl+/==" }) }));
                    break;
                case CommentSegment:
                    events.Add(": OPENROUTER PROCESSING");
                    break;
            }
        }

        var finish = calls.Count > 0 ? "tool_calls" : random.Next(4) == 0 ? "length" : "stop";
        var finishChunk = Chunk(id, new JsonObject());
        ((JsonObject)finishChunk["choices"]![0]!)["finish_reason"] = finish;
        ((JsonObject)finishChunk["choices"]![0]!)["native_finish_reason"] = finish.ToUpperInvariant();
        events.Add(finishChunk);
        long? prompt = null;
        long? completion = null;
        decimal? cost = null;
        if (random.Next(3) != 0)
        {
            prompt = random.Next(0, 1_000_000);
            completion = random.Next(0, 100_000);
            cost = random.Next(0, 1_000_000) / 1_000_000m;
            events.Add(new JsonObject
            {
                ["id"] = id,
                ["choices"] = new JsonArray(),
                ["usage"] = new JsonObject { ["prompt_tokens"] = prompt, ["completion_tokens"] = completion, ["total_tokens"] = prompt + completion, ["cost"] = cost },
            });
        }
        var done = random.Next(4) != 0;

        var sse = new StringBuilder();
        var encoder = random.Next(2) == 0 ? JavaScriptEncoder.UnsafeRelaxedJsonEscaping : JavaScriptEncoder.Default;
        foreach (var item in events)
        {
            if (item is string comment)
            {
                sse.Append(comment).Append(newline).Append(newline);
                continue;
            }
            var chunk = (JsonObject)item;
            chunks.Add(chunk);
            var indented = random.Next(5) == 0;
            var json = chunk.ToJsonString(new JsonSerializerOptions { Encoder = encoder, WriteIndented = indented });
            if (random.Next(8) == 0)
            {
                sse.Append(": keep-alive inside an event").Append(newline);
            }
            foreach (var line in json.Split('\n'))
            {
                sse.Append(random.Next(4) == 0 ? "data:" : "data: ").Append(line.TrimEnd('\r')).Append(newline);
            }
            sse.Append(newline);
        }
        if (done)
        {
            sse.Append("data: [DONE]").Append(newline).Append(newline);
        }
        return new ChatStream(Encoding.UTF8.GetBytes(sse.ToString()), readSizes, chunks, text.ToString(), thinking.ToString(), calls, finish, prompt, completion, cost, newline);
    }

    private static JsonObject Chunk(string id, JsonObject delta) => new()
    {
        ["id"] = id,
        ["object"] = "chat.completion.chunk",
        ["model"] = "fuzz/model",
        ["provider"] = "Fuzz",
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = null }),
    };

    private static List<string> Cut(string text, Random random)
    {
        var pieces = new List<string>();
        var start = 0;
        // The first fragment often carries "" (as OpenAI sends it), the rest cut anywhere but inside a pair.
        if (random.Next(2) == 0)
        {
            pieces.Add("");
        }
        while (start < text.Length)
        {
            var end = Math.Min(text.Length, start + random.Next(1, 24));
            if (end < text.Length && char.IsLowSurrogate(text[end]))
            {
                end++;
            }
            pieces.Add(text[start..end]);
            start = end;
        }
        if (pieces.Count == 0)
        {
            pieces.Add("");
        }
        return pieces;
    }

    private abstract record Segment;

    private sealed record TextSegment(string Text, bool AsParts) : Segment;

    private sealed record ThinkingSegment(string Text, string Field) : Segment;

    private sealed record EncryptedSegment(string Id) : Segment;

    private sealed record CommentSegment : Segment;
}

/// <summary>A stream that hands out its bytes in reads of the given sizes (cycled), and notices a consumer that never stops.</summary>
internal sealed class ChunkedStream(byte[] bytes, int[] readSizes, CancellationToken hang) : SynchronousReadStream
{
    private int _position;
    private int _reads;

    public override int Read(Span<byte> buffer)
    {
        hang.ThrowIfCancellationRequested();
        var size = Math.Min(Math.Min(buffer.Length, readSizes[_reads++ % readSizes.Length]), bytes.Length - _position);
        bytes.AsSpan(_position, size).CopyTo(buffer);
        _position += size;
        return size;
    }
}
