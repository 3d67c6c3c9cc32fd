using System.Text;
using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Chat;

namespace OpenClaw.OpenRouter.Shaping.Steps;

/// <summary>
/// Provider spec §7.2 and §12.2: writes <c>model</c> and the wire <c>messages</c>. System prompts go out as role
/// <c>system</c> (never <c>developer</c>); assistant turns replay their thinking under the field it arrived in and their tool
/// calls' thought signatures as <c>reasoning_details</c>; images from tool results follow in a user message.
/// </summary>
internal sealed class RenderMessagesStep : IChatPayloadStep
{
    /// <summary>Tool result text when the tool returned nothing.</summary>
    public const string NoOutput = "(no output)";

    /// <summary>Tool result text when the tool returned only media (the media follow in a user message).</summary>
    public const string MediaOnlyOutput = "(see attached image)";

    public void Apply(ChatPayloadContext context)
    {
        context.Payload["model"] = context.ApiId;
        var wire = new JsonArray();
        var systemSeen = false;
        var imageCapable = context.Model.Input.Contains("image", StringComparer.OrdinalIgnoreCase);
        var toolResultNumber = 0;
        for (var i = 0; i < context.Messages.Count; i++)
        {
            var message = context.Messages[i];
            var firstRendered = wire.Count;
            if (message.Role == OpenRouterRole.System || message.Role == OpenRouterRole.Developer)
            {
                wire.Add((JsonNode)RenderSystem(context, message, isFirst: !systemSeen));
                systemSeen = true;
                toolResultNumber = 0;
            }
            else if (message.Role == OpenRouterRole.Assistant)
            {
                if (RenderAssistant(message) is { } assistant)
                {
                    wire.Add((JsonNode)assistant);
                }
                toolResultNumber = 0;
            }
            else if (message.Role == OpenRouterRole.Tool)
            {
                toolResultNumber++;
                RenderToolResult(context, message, i, toolResultNumber, imageCapable, wire);
            }
            else
            {
                wire.Add((JsonNode)WithExtras(new JsonObject { ["role"] = message.Role.Value, ["content"] = RenderContent(message) }, message));
                toolResultNumber = 0;
            }
            if (message.CacheOptOut)
            {
                for (var rendered = firstRendered; rendered < wire.Count; rendered++)
                {
                    context.CacheOptOutMessages.Add((JsonObject)wire[rendered]!);
                }
            }
        }
        context.Payload["messages"] = wire;
    }

    private static JsonObject RenderSystem(ChatPayloadContext context, OpenRouterMessage message, bool isFirst)
    {
        JsonNode? content;
        if (message.DynamicSuffix is { } suffix && message.Parts is null)
        {
            if (isFirst && AnthropicCacheControlStep.Applies(context))
            {
                // The cache step marks the stable block and appends the dynamic one after it.
                content = new JsonArray((JsonNode)new JsonObject { ["type"] = "text", ["text"] = message.Text ?? "" });
                context.PendingSystemSuffix = suffix;
            }
            else
            {
                content = (message.Text ?? "") + "\n" + suffix;
            }
        }
        else
        {
            content = RenderContent(message);
        }
        return WithExtras(new JsonObject { ["role"] = "system", ["content"] = content }, message);
    }

    private static JsonObject? RenderAssistant(OpenRouterMessage message)
    {
        var text = message.Parts is { } parts ? JoinText(parts) : message.Text;
        var hasText = !string.IsNullOrEmpty(text);
        var calls = message.ToolCalls ?? [];
        if (!hasText && calls.Count == 0)
        {
            return null;
        }
        var wire = new JsonObject { ["role"] = "assistant", ["content"] = hasText ? text : null };
        if (message.Thinking is { Count: > 0 } thinking)
        {
            var blocks = thinking.Where(block => block.Text.Length > 0).ToArray();
            if (blocks.Length > 0)
            {
                wire[blocks[0].SourceField] = string.Join('\n', blocks.Select(block => block.Text));
            }
        }
        var signatures = new JsonArray();
        foreach (var call in calls)
        {
            if (call.ThoughtSignature is { Length: > 0 } signature && TryParseObject(signature) is { } item)
            {
                signatures.Add((JsonNode)item);
            }
        }
        if (signatures.Count > 0)
        {
            // Replaces thinking text stored under reasoning_details; sits before tool_calls as observed on the wire.
            wire["reasoning_details"] = signatures;
        }
        if (calls.Count > 0)
        {
            var wireCalls = new JsonArray();
            foreach (var call in calls)
            {
                wireCalls.Add((JsonNode)new JsonObject
                {
                    ["id"] = call.Id,
                    ["type"] = "function",
                    ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = call.Arguments },
                });
            }
            wire["tool_calls"] = wireCalls;
        }
        return WithExtras(wire, message);
    }

    private static void RenderToolResult(ChatPayloadContext context, OpenRouterMessage message, int index, int number, bool imageCapable, JsonArray wire)
    {
        var text = message.Parts is { } parts ? JoinText(parts) : message.Text;
        var images = message.Parts?.Where(part => part.Type is "image_url").ToArray() ?? [];
        if (string.IsNullOrEmpty(text))
        {
            text = images.Length > 0 ? MediaOnlyOutput : NoOutput;
        }
        wire.Add((JsonNode)WithExtras(new JsonObject { ["role"] = "tool", ["tool_call_id"] = message.ToolCallId ?? "", ["content"] = text }, message));
        if (images.Length > 0 && imageCapable)
        {
            var content = new JsonArray((JsonNode)new JsonObject
            {
                ["type"] = "text",
                ["text"] = $"Image(s) from tool result #{number} ({ToolName(context, index, message.ToolCallId)}):",
            });
            foreach (var image in images)
            {
                content.Add((JsonNode)image.ToJson());
            }
            wire.Add((JsonNode)new JsonObject { ["role"] = "user", ["content"] = content });
        }
    }

    private static string ToolName(ChatPayloadContext context, int toolMessageIndex, string? toolCallId)
    {
        for (var i = toolMessageIndex - 1; i >= 0; i--)
        {
            if (context.Messages[i].ToolCalls?.FirstOrDefault(call => call.Id == toolCallId) is { } call)
            {
                return call.Name;
            }
        }
        return "tool";
    }

    private static JsonNode? RenderContent(OpenRouterMessage message)
    {
        if (message.Parts is { } parts)
        {
            var array = new JsonArray();
            foreach (var part in parts)
            {
                array.Add((JsonNode)part.ToJson());
            }
            return array;
        }
        return message.Text ?? "";
    }

    private static string JoinText(IReadOnlyList<OpenRouterContentPart> parts)
    {
        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            if (part.Text is { Length: > 0 } text)
            {
                if (builder.Length > 0)
                {
                    builder.Append('\n');
                }
                builder.Append(text);
            }
        }
        return builder.ToString();
    }

    private static JsonObject WithExtras(JsonObject wire, OpenRouterMessage message)
    {
        if (message.ExtraFields is { } extras)
        {
            foreach (var (key, value) in extras)
            {
                wire[key] = value?.DeepClone();
            }
        }
        return wire;
    }

    private static JsonObject? TryParseObject(string json)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
