using System.Text.Json.Nodes;

namespace OpenClaw.OpenRouter.Shaping.Steps;

/// <summary>
/// Provider spec §11: OpenRouter is a proxy-like endpoint, so OpenAI-only request shaping is never forwarded, whether it came
/// from params or from <c>extraBody</c> (merged before this step). <c>prompt_cache_key</c> would need a model compat flag
/// (<c>supportsPromptCacheKey</c>) this library does not model, so it always goes.
/// </summary>
internal sealed class OpenAiOnlyFieldsStep : IChatPayloadStep
{
    private static readonly string[] TopLevelFields =
    [
        "service_tier", "store", "prompt_cache_key", "prompt_cache_options", "reasoning_effort", "verbosity", "text", "parallel_tool_calls",
    ];

    public void Apply(ChatPayloadContext context)
    {
        var payload = context.Payload;
        foreach (var field in TopLevelFields)
        {
            payload.Remove(field);
        }
        if (payload["tools"] is JsonArray tools)
        {
            foreach (var tool in tools.OfType<JsonObject>())
            {
                tool.Remove("strict");
                (tool["function"] as JsonObject)?.Remove("strict");
            }
        }
        foreach (var message in context.WireMessages.OfType<JsonObject>())
        {
            if (JsonNodes.AsString(message["role"]) == "developer")
            {
                message["role"] = "system";
            }
        }
    }
}
