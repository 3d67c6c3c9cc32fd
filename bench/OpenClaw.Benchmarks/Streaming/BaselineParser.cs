using System.Buffers;
using System.Net.ServerSentEvents;
using System.Text.Json;

namespace OpenClaw.Benchmarks.Streaming;

/// <summary>
/// The floor: <see cref="SseParser"/> plus one <see cref="Utf8JsonReader"/> pass over each event's data, no object model.
/// Every token is read; the <c>content</c>, <c>reasoning</c> and tool-call <c>name</c> strings are unescaped and transcoded
/// into a pooled char buffer (so the text is really produced, as any consumer must) and counted. Nothing per chunk is allocated.
/// </summary>
public static class BaselineParser
{
    /// <summary>Reads the whole stream.</summary>
    public static async Task<StreamTally> ParseAsync(Stream sse, CancellationToken cancellationToken = default)
    {
        var total = default(StreamTally);
        await foreach (var item in SseParser.Create(sse, ParseChunk).EnumerateAsync(cancellationToken).ConfigureAwait(false))
        {
            total += item.Data;
        }
        return total;
    }

    private static StreamTally ParseChunk(string eventType, ReadOnlySpan<byte> data)
    {
        if (data.SequenceEqual("[DONE]"u8))
        {
            return default;
        }
        var buffer = ArrayPool<char>.Shared.Rent(data.Length);
        try
        {
            var reader = new Utf8JsonReader(data);
            var field = Field.None;
            int content = 0, reasoning = 0, calls = 0;
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        field = reader.ValueTextEquals("content"u8) ? Field.Content
                            : reader.ValueTextEquals("reasoning"u8) ? Field.Reasoning
                            : reader.ValueTextEquals("name"u8) ? Field.ToolName
                            : Field.None;
                        break;
                    case JsonTokenType.String when field != Field.None:
                        var chars = reader.CopyString(buffer);
                        switch (field)
                        {
                            case Field.Content:
                                content += chars;
                                break;
                            case Field.Reasoning:
                                reasoning += chars;
                                break;
                            default:
                                // A tool call's name arrives once, on its first fragment.
                                calls++;
                                break;
                        }
                        field = Field.None;
                        break;
                    default:
                        field = Field.None;
                        break;
                }
            }
            return new StreamTally(content, reasoning, calls);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private enum Field
    {
        None,
        Content,
        Reasoning,
        ToolName,
    }
}
