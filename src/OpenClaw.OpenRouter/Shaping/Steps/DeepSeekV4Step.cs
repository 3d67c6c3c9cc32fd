using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Models;
using OpenClaw.OpenRouter.Reasoning;

namespace OpenClaw.OpenRouter.Shaping.Steps;

/// <summary>
/// Provider spec §10, verified route only: DeepSeek V4 takes its thinking switch from <c>reasoning.effort</c> alone, and with
/// thinking on it rejects a replayed assistant answer that has no <c>reasoning_content</c>, so those get an empty one.
/// </summary>
internal sealed class DeepSeekV4Step : IChatPayloadStep
{
    public void Apply(ChatPayloadContext context)
    {
        if (!ModelFamily.IsDeepSeekV4(context.ApiId) || !context.Route.IsVerified)
        {
            return;
        }
        var payload = context.Payload;
        payload.Remove("thinking");
        payload.Remove("reasoning_effort");
        if (context.Model.SupportedReasoningEfforts is null)
        {
            var effort = EffortFor(context.Request.OneShot ? context.RequestedLevel : ClampAgentLevel(context.Level));
            if (payload["reasoning"] is JsonObject reasoning)
            {
                reasoning["effort"] = effort;
            }
            else
            {
                payload["reasoning"] = new JsonObject { ["effort"] = effort };
            }
        }
        // DeepSeek thinks by default, so an absent reasoning object counts as on.
        var thinking = payload["reasoning"] is null || AnthropicPrefillDropStep.IsReasoningEnabled(payload);
        foreach (var message in context.WireMessages.OfType<JsonObject>())
        {
            if (!thinking)
            {
                message.Remove("reasoning_content");
            }
            else if (JsonNodes.AsString(message["role"]) == "assistant" && message["tool_calls"] is not JsonArray { Count: > 0 }
                && !message.ContainsKey("reasoning_content"))
            {
                message["reasoning_content"] = "";
            }
        }
    }

    /// <summary>An agent turn's level passes the model-level clamp of §7.3 first, so <c>xhigh</c> arrives as <c>high</c>.</summary>
    private static ThinkingLevel? ClampAgentLevel(ThinkingLevel? level) => level is { } value ? ReasoningStep.ClampToModelLevels(value) : null;

    private static string EffortFor(ThinkingLevel? level) => level?.Value switch
    {
        "off" => "none",
        "xhigh" or "max" => "xhigh",
        _ => "high",
    };
}
