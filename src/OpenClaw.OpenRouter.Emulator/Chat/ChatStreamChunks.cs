using System.Text.Json;
using System.Text.RegularExpressions;
using OpenClaw.OpenRouter.Emulator.Http;

namespace OpenClaw.OpenRouter.Emulator.Chat;

/// <summary>Turns a <see cref="CompletionPlan"/> into the <c>chat.completion.chunk</c> payloads OpenRouter streams:
/// reasoning fragments, text fragments, images, tool calls split across chunks, the finish chunk, the usage chunk.</summary>
internal static partial class ChatStreamChunks
{
    private const int ArgumentFragmentLength = 12;

    public static List<byte[]> Build(CompletionPlan plan, ScriptedFaults faults)
    {
        var chunks = new List<byte[]>();
        if (plan.Reasoning is not null)
        {
            var pieces = Pieces(plan.Reasoning);
            for (var i = 0; i < pieces.Count; i++)
            {
                var piece = pieces[i];
                var last = i == pieces.Count - 1;
                chunks.Add(Chunk(plan, writer =>
                {
                    writer.WriteString("content", "");
                    writer.WriteString(plan.ReasoningField, piece);
                    writer.WriteStartArray("reasoning_details");
                    ChatJsonWriter.WriteReasoningDetail(writer, plan, piece, last);
                    writer.WriteEndArray();
                }));
            }
        }
        if (plan.EncryptedReasoning is not null || plan.ToolCalls.Any(c => c.Signature is not null))
        {
            // Gemini's thought signatures arrive before the tool call they belong to.
            chunks.Add(Chunk(plan, writer =>
            {
                writer.WriteString("content", "");
                writer.WriteStartArray("reasoning_details");
                ChatJsonWriter.WriteSignatureDetails(writer, plan);
                writer.WriteEndArray();
            }));
        }
        foreach (var piece in Pieces(plan.Content))
        {
            chunks.Add(Chunk(plan, writer => writer.WriteString("content", piece)));
        }
        if (plan.Images.Count > 0)
        {
            chunks.Add(Chunk(plan, writer =>
            {
                writer.WriteString("content", "");
                ChatJsonWriter.WriteImages(writer, plan);
            }));
        }
        for (var index = 0; index < plan.ToolCalls.Count; index++)
        {
            var call = plan.ToolCalls[index];
            var callIndex = index;
            chunks.Add(Chunk(plan, writer => WriteToolCallFragment(writer, callIndex, call, "", first: true)));
            for (var offset = 0; offset < call.Arguments.Length; offset += ArgumentFragmentLength)
            {
                var fragment = call.Arguments.Substring(offset, Math.Min(ArgumentFragmentLength, call.Arguments.Length - offset));
                chunks.Add(Chunk(plan, writer => WriteToolCallFragment(writer, callIndex, call, fragment, first: false)));
            }
        }
        if (faults.Has(FaultNames.NoFinish))
        {
            return chunks;
        }
        var finish = faults.Has(FaultNames.NullFinish) ? null : plan.FinishReason;
        var nativeFinish = finish is null ? null : plan.NativeFinishReason;
        chunks.Add(Chunk(plan, writer => writer.WriteString("content", ""), finish, nativeFinish));
        chunks.Add(UsageChunk(plan, plan.Usage, finish, nativeFinish, emptyChoices: faults.Has(FaultNames.UsageEmptyChoices)));
        return chunks;
    }

    public static byte[] UsageChunk(CompletionPlan plan, UsagePlan usage, string? finish, string? nativeFinish, bool emptyChoices)
        => Write(writer =>
        {
            writer.WriteStartObject();
            ChatJsonWriter.WriteHeader(writer, plan, "chat.completion.chunk");
            writer.WriteStartArray("choices");
            if (!emptyChoices)
            {
                writer.WriteStartObject();
                writer.WriteNumber("index", 0);
                writer.WriteStartObject("delta");
                writer.WriteString("role", "assistant");
                writer.WriteString("content", "");
                writer.WriteEndObject();
                WriteFinish(writer, finish, nativeFinish);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            ChatJsonWriter.WriteUsage(writer, usage);
            writer.WriteEndObject();
        });

    /// <summary>The chunk that reports a failure after the stream has started (HTTP status already 200).</summary>
    public static byte[] ErrorChunk(CompletionPlan plan, int code, string message)
        => Write(writer =>
        {
            writer.WriteStartObject();
            ChatJsonWriter.WriteHeader(writer, plan, "chat.completion.chunk");
            writer.WriteStartObject("error");
            writer.WriteNumber("code", code);
            writer.WriteString("message", message);
            writer.WriteStartObject("metadata");
            writer.WriteString("error_type", code switch
            {
                429 => "rate_limit_exceeded",
                400 => "invalid_request",
                402 => "payment_required",
                408 or 524 => "timeout",
                503 or 529 => "provider_overloaded",
                _ => "provider_unavailable",
            });
            writer.WriteString("provider_name", plan.Provider);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteStartArray("choices");
            writer.WriteStartObject();
            writer.WriteNumber("index", 0);
            writer.WriteStartObject("delta");
            writer.WriteString("content", "");
            writer.WriteEndObject();
            WriteFinish(writer, "error", "error");
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        });

    /// <summary>Splits text into word-sized fragments, each keeping its trailing white space.</summary>
    public static List<string> Pieces(string text)
        => text.Length == 0 ? [] : [.. WordBoundary().Split(text).Where(piece => piece.Length > 0)];

    private static void WriteToolCallFragment(Utf8JsonWriter writer, int index, ToolCallPlan call, string arguments, bool first)
    {
        writer.WriteNull("content");
        writer.WriteStartArray("tool_calls");
        writer.WriteStartObject();
        writer.WriteNumber("index", index);
        if (first)
        {
            writer.WriteString("id", call.Id);
            writer.WriteString("type", "function");
        }
        writer.WriteStartObject("function");
        if (first)
        {
            writer.WriteString("name", call.Name);
        }
        writer.WriteString("arguments", arguments);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    private static byte[] Chunk(CompletionPlan plan, Action<Utf8JsonWriter> writeDelta, string? finish = null, string? nativeFinish = null)
        => Write(writer =>
        {
            writer.WriteStartObject();
            ChatJsonWriter.WriteHeader(writer, plan, "chat.completion.chunk");
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

    private static void WriteFinish(Utf8JsonWriter writer, string? finish, string? nativeFinish)
    {
        if (finish is null)
        {
            writer.WriteNull("finish_reason");
        }
        else
        {
            writer.WriteString("finish_reason", finish);
        }
        if (nativeFinish is null)
        {
            writer.WriteNull("native_finish_reason");
        }
        else
        {
            writer.WriteString("native_finish_reason", nativeFinish);
        }
        writer.WriteNull("logprobs");
    }

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, EmulatorJson.WriterOptions))
        {
            write(writer);
        }
        return buffer.ToArray();
    }

    [GeneratedRegex(@"(?<=\s)")]
    private static partial Regex WordBoundary();
}
