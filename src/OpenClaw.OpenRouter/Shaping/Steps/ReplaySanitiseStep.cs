using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Models;

namespace OpenClaw.OpenRouter.Shaping.Steps;

/// <summary>
/// Provider spec §12.3: reasoning replay fields on assistant messages, on every route. Most models get the OpenRouter fields
/// fixed up so only shapes OpenRouter accepts remain; Anthropic and x-ai get none of them, because their upstream APIs
/// validate replayed reasoning against signatures a chat-completions replay cannot carry.
/// </summary>
internal sealed class ReplaySanitiseStep : IChatPayloadStep
{
    private static readonly string[] ReplayFields = ["reasoning_details", "reasoning_content", "reasoning", "reasoning_text"];

    public void Apply(ChatPayloadContext context)
    {
        var strip = ModelFamily.IsAnthropic(context.ApiId) || ModelFamily.IsXai(context.ApiId);
        foreach (var message in context.WireMessages.OfType<JsonObject>())
        {
            if (JsonNodes.AsString(message["role"]) != "assistant")
            {
                continue;
            }
            if (strip)
            {
                foreach (var field in ReplayFields)
                {
                    message.Remove(field);
                }
            }
            else
            {
                FixUp(message);
            }
        }
    }

    private static void FixUp(JsonObject message)
    {
        if (message.TryGetPropertyValue("reasoning_details", out var details))
        {
            if (JsonNodes.AsString(details) is { } text)
            {
                message.Remove("reasoning_details");
                if (message["reasoning"] is null)
                {
                    // Removed first so the key lands at the end, which is where the current release puts it.
                    message.Remove("reasoning");
                    message["reasoning"] = text;
                }
            }
            else if (details is not JsonArray)
            {
                message.Remove("reasoning_details");
            }
        }
        foreach (var field in (ReadOnlySpan<string>)["reasoning", "reasoning_content"])
        {
            if (message.ContainsKey(field) && JsonNodes.AsString(message[field]) is not { Length: > 0 })
            {
                message.Remove(field);
            }
        }
        if (message.TryGetPropertyValue("reasoning_text", out var reasoningText))
        {
            message.Remove("reasoning_text");
            if (JsonNodes.AsString(message["reasoning"]) is null && JsonNodes.AsString(message["reasoning_content"]) is null
                && JsonNodes.AsString(reasoningText) is { Length: > 0 } text)
            {
                message["reasoning"] = text;
            }
        }
    }
}
