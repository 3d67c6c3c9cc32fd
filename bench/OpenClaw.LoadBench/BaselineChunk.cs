using System.Text.Json;

namespace OpenClaw.LoadBench;

/// <summary>
/// What the baseline reads from one SSE event, with a single <see cref="Utf8JsonReader"/> pass and no document:
/// <c>choices[0].delta.content</c>, <c>choices[0].delta.reasoning</c>, whether a <c>finish_reason</c> arrived, an in-band
/// <c>error</c>, and <c>[DONE]</c>. Anything else (ids, usage, <c>reasoning_details</c>) is skipped.
/// </summary>
internal readonly record struct BaselineChunk(string? Content, string? Reasoning, bool Finished, bool Error, bool Done)
{
    public static BaselineChunk Parse(ReadOnlySpan<byte> data)
    {
        if (data.SequenceEqual("[DONE]"u8))
        {
            return new BaselineChunk(null, null, Finished: false, Error: false, Done: true);
        }
        var reader = new Utf8JsonReader(data);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return new BaselineChunk(null, null, Finished: false, Error: true, Done: false);
        }
        string? content = null;
        string? reasoning = null;
        var finished = false;
        var error = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("choices"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    reader.Skip();
                    continue;
                }
                var first = true;
                while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                {
                    if (first)
                    {
                        ReadChoice(ref reader, ref content, ref reasoning, ref finished);
                        first = false;
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
            else
            {
                error |= reader.ValueTextEquals("error"u8);
                reader.Skip();
            }
        }
        return new BaselineChunk(content, reasoning, finished, error, Done: false);
    }

    /// <summary>Reads one choice object; the reader is on its <c>{</c> and ends on its <c>}</c>.</summary>
    private static void ReadChoice(ref Utf8JsonReader reader, ref string? content, ref string? reasoning, ref bool finished)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("delta"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("content"u8))
                    {
                        reader.Read();
                        content = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    }
                    else if (reader.ValueTextEquals("reasoning"u8))
                    {
                        reader.Read();
                        reasoning = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
            else if (reader.ValueTextEquals("finish_reason"u8))
            {
                reader.Read();
                finished |= reader.TokenType == JsonTokenType.String;
            }
            else
            {
                reader.Skip();
            }
        }
    }
}
