using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Models;

namespace OpenClaw.OpenRouter.Shaping.Steps;

/// <summary>
/// Provider spec §9: Anthropic rejects an assistant prefill while extended thinking is on, so on a verified route trailing
/// assistant messages that make no tool call are dropped when the final payload enables reasoning.
/// </summary>
internal sealed class AnthropicPrefillDropStep : IChatPayloadStep
{
    public void Apply(ChatPayloadContext context)
    {
        if (!ModelFamily.IsAnthropic(context.ApiId) || !context.Route.IsVerified || !IsReasoningEnabled(context.Payload))
        {
            return;
        }
        var messages = context.WireMessages;
        var removed = 0;
        while (messages.Count > 0 && messages[^1] is JsonObject last && IsPrefill(last))
        {
            messages.RemoveAt(messages.Count - 1);
            removed++;
        }
        if (removed > 0)
        {
            context.Warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"removed {removed} trailing assistant prefill message(s) because OpenRouter-routed Anthropic reasoning requires conversations to end with a user turn"));
        }
    }

    /// <summary>
    /// Reasoning is disabled only when <c>reasoning</c> and <c>reasoning_effort</c> both say so: absent, <c>null</c>,
    /// <c>false</c>, <c>""</c>, <c>off</c>/<c>none</c> (as a string or as <c>.effort</c>, any case) or <c>{enabled:false}</c>.
    /// Anything else, <c>{}</c> included, is enabled.
    /// </summary>
    public static bool IsReasoningEnabled(JsonObject payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return !IsOff(payload["reasoning"]) || !IsOff(payload["reasoning_effort"]);
    }

    private static bool IsOff(JsonNode? value) => value switch
    {
        null => true,
        JsonValue scalar when scalar.GetValueKind() == JsonValueKind.False => true,
        JsonValue scalar when JsonNodes.AsString(scalar) is { } text => text.Length == 0 || IsOffWord(text),
        JsonObject reasoning => (JsonNodes.AsString(reasoning["effort"]) is { } effort && IsOffWord(effort))
            || reasoning["enabled"] is JsonValue enabled && enabled.GetValueKind() == JsonValueKind.False,
        _ => false,
    };

    private static bool IsOffWord(string text) =>
        text.Equals("off", StringComparison.OrdinalIgnoreCase) || text.Equals("none", StringComparison.OrdinalIgnoreCase);

    private static bool IsPrefill(JsonObject message)
    {
        if (JsonNodes.AsString(message["role"]) != "assistant" || message["tool_calls"] is JsonArray { Count: > 0 })
        {
            return false;
        }
        return message["content"] is not JsonArray blocks
            || !blocks.Any(block => JsonNodes.AsString(block?["type"]) is "tool_use" or "toolCall");
    }
}
