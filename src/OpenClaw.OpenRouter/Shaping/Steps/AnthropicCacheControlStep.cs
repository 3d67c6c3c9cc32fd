using System.Text.Json.Nodes;

namespace OpenClaw.OpenRouter.Shaping.Steps;

/// <summary>
/// Provider spec §8: Anthropic <c>cache_control</c> markers on the last tool, the system stable block and one conversation
/// message — at most three, so Anthropic's limit of four breakpoints is never hit whatever the caller sent. Assistant
/// messages never carry one.
/// </summary>
internal sealed class AnthropicCacheControlStep : IChatPayloadStep
{
    /// <summary>Anthropic API id, an OpenRouter endpoint, and <c>cacheRetention</c> not <c>none</c>.</summary>
    public static bool Applies(ChatPayloadContext context) =>
        context.ApiId.StartsWith("anthropic/", StringComparison.Ordinal)
        && context.Route.IsOpenRouterEndpoint
        && !string.Equals(ParamText(context, "cacheRetention"), "none", StringComparison.OrdinalIgnoreCase);

    public void Apply(ChatPayloadContext context)
    {
        var messages = context.WireMessages;
        var system = messages.OfType<JsonObject>().FirstOrDefault(message => JsonNodes.AsString(message["role"]) is "system" or "developer");
        if (!Applies(context))
        {
            AppendPendingSuffix(context, system);
            return;
        }
        var marker = string.Equals(ParamText(context, "cacheRetention"), "long", StringComparison.OrdinalIgnoreCase)
            ? new JsonObject { ["type"] = "ephemeral", ["ttl"] = "1h" }
            : new JsonObject { ["type"] = "ephemeral" };

        RemoveExistingMarkers(context.Payload, messages);
        if (context.Payload["tools"] is JsonArray tools && tools.LastOrDefault() is JsonObject lastTool)
        {
            lastTool["cache_control"] = marker.DeepClone();
        }
        if (system is not null)
        {
            MarkLastTextBlock(system, marker);
        }
        AppendPendingSuffix(context, system);
        MarkConversationPrefix(context, messages, marker);
    }

    /// <summary>
    /// Rendering left the system prompt's dynamic part for this step so it can follow the marked stable block unmarked;
    /// it is appended whether or not a marker was placed, so the prompt is never cut short.
    /// </summary>
    private static void AppendPendingSuffix(ChatPayloadContext context, JsonObject? system)
    {
        if (context.PendingSystemSuffix is not { } suffix || system is null)
        {
            return;
        }
        var dynamicBlock = new JsonObject { ["type"] = "text", ["text"] = suffix };
        switch (system["content"])
        {
            case JsonArray blocks:
                blocks.Add((JsonNode)dynamicBlock);
                break;
            case var content when JsonNodes.AsString(content) is { } stable:
                system["content"] = new JsonArray((JsonNode)new JsonObject { ["type"] = "text", ["text"] = stable }, dynamicBlock);
                break;
            default:
                system["content"] = new JsonArray((JsonNode)dynamicBlock);
                break;
        }
        context.PendingSystemSuffix = null;
    }

    private static void RemoveExistingMarkers(JsonObject payload, JsonArray messages)
    {
        if (payload["tools"] is JsonArray tools)
        {
            foreach (var tool in tools.OfType<JsonObject>())
            {
                tool.Remove("cache_control");
                (tool["function"] as JsonObject)?.Remove("cache_control");
            }
        }
        foreach (var message in messages.OfType<JsonObject>())
        {
            message.Remove("cache_control");
            foreach (var field in (ReadOnlySpan<string>)["content", "reasoning_details"])
            {
                if (message[field] is JsonArray blocks)
                {
                    foreach (var block in blocks.OfType<JsonObject>())
                    {
                        block.Remove("cache_control");
                    }
                }
            }
        }
    }

    /// <summary>Walks from the end past opt-out and non-user/tool messages; the first with text gets the marker.</summary>
    private static void MarkConversationPrefix(ChatPayloadContext context, JsonArray messages, JsonObject marker)
    {
        for (var i = messages.Count - 1; i >= 0; i--)
        {
            if (messages[i] is not JsonObject message || context.CacheOptOutMessages.Contains(message)
                || JsonNodes.AsString(message["role"]) is not ("user" or "tool"))
            {
                continue;
            }
            if (MarkLastTextBlock(message, marker))
            {
                return;
            }
        }
    }

    /// <summary>
    /// Marks the last non-empty text block, turning non-empty string content into a one-block array first. Empty text is
    /// never marked: Anthropic rejects empty text blocks, and a marker there would cache nothing.
    /// </summary>
    private static bool MarkLastTextBlock(JsonObject message, JsonObject marker)
    {
        var content = message["content"];
        if (JsonNodes.AsString(content) is { Length: > 0 } text)
        {
            message["content"] = new JsonArray((JsonNode)new JsonObject { ["type"] = "text", ["text"] = text, ["cache_control"] = marker.DeepClone() });
            return true;
        }
        if (content is not JsonArray blocks)
        {
            return false;
        }
        for (var i = blocks.Count - 1; i >= 0; i--)
        {
            if (blocks[i] is JsonObject block && JsonNodes.AsString(block["type"]) == "text" && JsonNodes.AsString(block["text"]) is { Length: > 0 })
            {
                block["cache_control"] = marker.DeepClone();
                return true;
            }
        }
        return false;
    }

    private static string? ParamText(ChatPayloadContext context, string key) =>
        context.Params[key] is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
