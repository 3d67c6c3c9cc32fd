using System.Text.Json;
using OpenClaw.OpenRouter.Emulator.Http;

namespace OpenClaw.OpenRouter.Emulator.Chat;

/// <summary>Writes the pieces of chat completion JSON that the streaming and non-streaming forms share.</summary>
internal static class ChatJsonWriter
{
    /// <summary>The non-streaming <c>chat.completion</c> body.</summary>
    public static byte[] Completion(CompletionPlan plan, UsagePlan usage, string? errorMessage = null, int errorCode = 0)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, EmulatorJson.WriterOptions))
        {
            writer.WriteStartObject();
            WriteHeader(writer, plan, "chat.completion");
            writer.WriteStartArray("choices");
            writer.WriteStartObject();
            writer.WriteNumber("index", 0);
            writer.WriteString("finish_reason", errorMessage is null ? plan.FinishReason : "error");
            writer.WriteString("native_finish_reason", errorMessage is null ? plan.NativeFinishReason : "error");
            writer.WriteNull("logprobs");
            writer.WriteStartObject("message");
            writer.WriteString("role", "assistant");
            var shape = plan.Images.Count > 0 ? plan.ImageShape : ImageShapes.Images;
            WriteContent(writer, plan, shape);
            writer.WriteNull("refusal");
            if (plan.Reasoning is null)
            {
                writer.WriteNull("reasoning");
            }
            else
            {
                writer.WriteString(plan.ReasoningField, plan.Reasoning);
            }
            writer.WriteStartArray("reasoning_details");
            if (plan.Reasoning is not null)
            {
                WriteReasoningDetail(writer, plan, plan.Reasoning, last: true);
            }
            WriteSignatureDetails(writer, plan);
            writer.WriteEndArray();
            if (plan.ToolCalls.Count > 0)
            {
                writer.WriteStartArray("tool_calls");
                foreach (var call in plan.ToolCalls)
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", call.Id);
                    writer.WriteString("type", "function");
                    writer.WriteStartObject("function");
                    writer.WriteString("name", call.Name);
                    writer.WriteString("arguments", call.Arguments);
                    writer.WriteEndObject();
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
            }
            if (plan.Images.Count > 0)
            {
                WriteImages(writer, plan, shape);
            }
            writer.WriteEndObject();
            if (errorMessage is not null)
            {
                writer.WriteStartObject("error");
                writer.WriteNumber("code", errorCode);
                writer.WriteString("message", errorMessage);
                writer.WriteStartObject("metadata");
                writer.WriteString("provider_name", plan.Provider);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
            writer.WriteEndArray();
            WriteUsage(writer, usage);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    public static void WriteHeader(Utf8JsonWriter writer, CompletionPlan plan, string objectType)
    {
        writer.WriteString("id", plan.Id);
        writer.WriteString("object", objectType);
        writer.WriteNumber("created", plan.Created);
        writer.WriteString("model", plan.Model);
        writer.WriteString("provider", plan.Provider);
        writer.WriteNull("system_fingerprint");
    }

    /// <summary>One <c>reasoning_details</c> item for a fragment of reasoning text, in the answering family's format.</summary>
    public static void WriteReasoningDetail(Utf8JsonWriter writer, CompletionPlan plan, string text, bool last)
    {
        writer.WriteStartObject();
        if (plan.ReasoningAsSummary)
        {
            writer.WriteString("type", "reasoning.summary");
            writer.WriteString("summary", text);
        }
        else
        {
            writer.WriteString("type", "reasoning.text");
            writer.WriteString("text", text);
            if (last && plan.ReasoningSignature is not null)
            {
                writer.WriteString("signature", plan.ReasoningSignature);
            }
        }
        writer.WriteString("format", plan.ReasoningFormat);
        writer.WriteNumber("index", 0);
        writer.WriteEndObject();
    }

    /// <summary>The encrypted items: OpenAI's opaque reasoning state and Gemini's per-tool-call thought signatures.</summary>
    public static void WriteSignatureDetails(Utf8JsonWriter writer, CompletionPlan plan)
    {
        if (plan.EncryptedReasoning is not null)
        {
            writer.WriteStartObject();
            writer.WriteString("type", "reasoning.encrypted");
            writer.WriteString("data", plan.EncryptedReasoning);
            writer.WriteString("id", "rs_" + plan.Id);
            writer.WriteString("format", plan.ReasoningFormat);
            writer.WriteNumber("index", 1);
            writer.WriteEndObject();
        }
        foreach (var call in plan.ToolCalls.Where(c => c.Signature is not null))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "reasoning.encrypted");
            writer.WriteString("data", call.Signature);
            writer.WriteString("id", call.Id);
            writer.WriteString("format", plan.ReasoningFormat);
            writer.WriteNumber("index", 1);
            writer.WriteEndObject();
        }
    }

    public static void WriteImages(Utf8JsonWriter writer, CompletionPlan plan) => WriteImages(writer, plan, ImageShapes.Images);

    /// <summary>
    /// The <c>images</c> member of a message in the given shape (<see cref="ImageShapes"/>): the documented array, the array with
    /// <c>imageUrl</c>, a string for <c>malformed</c>, and nothing for the shapes that put images in <c>content</c>.
    /// </summary>
    public static void WriteImages(Utf8JsonWriter writer, CompletionPlan plan, string shape)
    {
        if (shape == ImageShapes.Malformed)
        {
            writer.WriteString("images", "oops");
            return;
        }
        if (shape is not (ImageShapes.Images or ImageShapes.ImageUrlCamel))
        {
            return;
        }
        writer.WriteStartArray("images");
        for (var i = 0; i < plan.Images.Count; i++)
        {
            writer.WriteStartObject();
            writer.WriteString("type", "image_url");
            writer.WriteStartObject(shape == ImageShapes.ImageUrlCamel ? "imageUrl" : "image_url");
            writer.WriteString("url", plan.Images[i]);
            writer.WriteEndObject();
            writer.WriteNumber("index", i);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    /// <summary>
    /// The <c>content</c> of a message: the text, with the images embedded as Markdown data URLs (<c>content-string</c>) or as
    /// parts after a text part (<c>content-parts</c>, <c>b64-json</c>, <c>inline-data</c>).
    /// </summary>
    private static void WriteContent(Utf8JsonWriter writer, CompletionPlan plan, string shape)
    {
        switch (shape)
        {
            case ImageShapes.ContentString:
                var text = new System.Text.StringBuilder(plan.Content);
                for (var i = 0; i < plan.Images.Count; i++)
                {
                    text.Append(System.Globalization.CultureInfo.InvariantCulture, $"\n![image {i + 1}]({plan.Images[i]})");
                }
                writer.WriteString("content", text.ToString());
                return;
            case ImageShapes.ContentParts or ImageShapes.B64Json or ImageShapes.InlineData:
                writer.WriteStartArray("content");
                writer.WriteStartObject();
                writer.WriteString("type", "text");
                writer.WriteString("text", plan.Content);
                writer.WriteEndObject();
                foreach (var url in plan.Images)
                {
                    writer.WriteStartObject();
                    WriteImagePart(writer, shape, url);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
                return;
            default:
                writer.WriteString("content", plan.Content);
                return;
        }
    }

    private static void WriteImagePart(Utf8JsonWriter writer, string shape, string dataUrl)
    {
        var comma = dataUrl.IndexOf(',', StringComparison.Ordinal);
        var data = dataUrl[(comma + 1)..];
        var mediaType = dataUrl["data:".Length..dataUrl.IndexOf(';', StringComparison.Ordinal)];
        switch (shape)
        {
            case ImageShapes.B64Json:
                writer.WriteString("type", "b64_json");
                writer.WriteString("b64_json", data);
                return;
            case ImageShapes.InlineData:
                writer.WriteString("type", "inline_data");
                writer.WriteStartObject("inline_data");
                writer.WriteString("data", data);
                writer.WriteString("mime_type", mediaType);
                writer.WriteEndObject();
                return;
            default:
                writer.WriteString("type", "image_url");
                writer.WriteStartObject("image_url");
                writer.WriteString("url", dataUrl);
                writer.WriteEndObject();
                return;
        }
    }

    public static void WriteUsage(Utf8JsonWriter writer, UsagePlan usage)
    {
        writer.WriteStartObject("usage");
        writer.WriteNumber("prompt_tokens", usage.PromptTokens);
        writer.WriteNumber("completion_tokens", usage.CompletionTokens);
        writer.WriteNumber("total_tokens", usage.TotalTokens);
        writer.WriteNumber("cost", usage.Cost);
        writer.WriteBoolean("is_byok", false);
        writer.WriteStartObject("prompt_tokens_details");
        writer.WriteNumber("cached_tokens", usage.CachedTokens);
        writer.WriteNumber("cache_write_tokens", usage.CacheWriteTokens);
        writer.WriteNumber("audio_tokens", 0);
        writer.WriteNumber("video_tokens", 0);
        writer.WriteEndObject();
        writer.WriteStartObject("cost_details");
        writer.WriteNull("upstream_inference_cost");
        writer.WriteNumber("upstream_inference_prompt_cost", usage.PromptCost);
        writer.WriteNumber("upstream_inference_completions_cost", usage.CompletionCost);
        writer.WriteEndObject();
        writer.WriteStartObject("completion_tokens_details");
        writer.WriteNumber("reasoning_tokens", usage.ReasoningTokens);
        writer.WriteNumber("image_tokens", usage.ImageTokens);
        writer.WriteNumber("audio_tokens", 0);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
