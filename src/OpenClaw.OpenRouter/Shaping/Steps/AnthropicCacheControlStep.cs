using System.Text.Json.Nodes;

namespace OpenClaw.OpenRouter.Shaping.Steps;

/// <summary>Provider spec §8: Anthropic <c>cache_control</c> markers on the last tool, the system stable block and one conversation message.</summary>
internal sealed class AnthropicCacheControlStep : IChatPayloadStep
{
    /// <summary>Anthropic API id, an OpenRouter endpoint, and <c>cacheRetention</c> not <c>none</c>.</summary>
    public static bool Applies(ChatPayloadContext context) =>
        context.ApiId.StartsWith("anthropic/", StringComparison.Ordinal)
        && context.Route.IsOpenRouterEndpoint
        && !string.Equals(ParamText(context, "cacheRetention"), "none", StringComparison.OrdinalIgnoreCase);

    public void Apply(ChatPayloadContext context)
    {
        // Placeholder: implemented in its own change. Until then the dynamic suffix is appended unmarked.
        if (context.PendingSystemSuffix is { } suffix && context.WireMessages.FirstOrDefault() is JsonObject system && system["content"] is JsonArray blocks)
        {
            blocks.Add((JsonNode)new JsonObject { ["type"] = "text", ["text"] = suffix });
            context.PendingSystemSuffix = null;
        }
    }

    private static string? ParamText(ChatPayloadContext context, string key) =>
        context.Params[key] is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
