using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Routing;

namespace OpenClaw.OpenRouter.Shaping.Steps;

/// <summary>
/// Provider spec §7.1: <c>stream</c>, <c>stream_options</c> (local proxies only), sampling params when configured, tools
/// (sorted, never <c>strict</c>) with <c>tool_choice</c>, and <c>max_completion_tokens</c> clamped to what the context leaves.
/// </summary>
internal sealed class BodySkeletonStep : IChatPayloadStep
{
    /// <summary>An image or video part counts as this many characters in the input estimate.</summary>
    public const int MediaPartChars = 8000;

    private static readonly (string Wire, string[] Keys)[] SamplingParams =
    [
        ("temperature", ["temperature"]),
        ("top_p", ["top_p", "topP"]),
        ("seed", ["seed"]),
        ("stop", ["stop"]),
        ("frequency_penalty", ["frequency_penalty", "frequencyPenalty"]),
        ("presence_penalty", ["presence_penalty", "presencePenalty"]),
    ];

    private static readonly string[] MaxTokensKeys = ["maxTokens", "max_completion_tokens", "max_tokens"];

    public void Apply(ChatPayloadContext context)
    {
        var payload = context.Payload;
        payload["stream"] = context.Stream;
        if (context.Stream && context.Route.Endpoint == EndpointClass.Local)
        {
            payload["stream_options"] = new JsonObject { ["include_usage"] = true };
        }
        foreach (var (wire, keys) in SamplingParams)
        {
            if (JsonNodes.TryGetFirst(context.Params, keys, out var value) && value is not null)
            {
                payload[wire] = value.DeepClone();
            }
        }
        if (context.Request.Modalities is { Count: > 0 } modalities)
        {
            payload["modalities"] = new JsonArray([.. modalities.Select(modality => (JsonNode?)modality)]);
        }
        if (context.Request.ResponseFormat is { } format)
        {
            payload["response_format"] = format.DeepClone();
        }
        if (context.Request.Tools is { Count: > 0 } tools && context.Model.SupportsTools != false)
        {
            var wireTools = new JsonArray();
            foreach (var tool in tools.OrderBy(tool => tool.Name, StringComparer.Ordinal))
            {
                var function = new JsonObject { ["name"] = tool.Name };
                if (tool.Description is not null)
                {
                    function["description"] = tool.Description;
                }
                if (tool.Parameters is not null)
                {
                    function["parameters"] = tool.Parameters.DeepClone();
                }
                wireTools.Add((JsonNode)new JsonObject { ["type"] = "function", ["function"] = function });
            }
            payload["tools"] = wireTools;
            payload["tool_choice"] = context.Request.ToolChoice?.DeepClone() ?? "auto";
        }
        payload["max_completion_tokens"] = MaxCompletionTokens(context);
    }

    private static long MaxCompletionTokens(ChatPayloadContext context)
    {
        long requested;
        if (context.Request.MaxCompletionTokens is { } perCall)
        {
            requested = Math.Min(perCall, context.Model.MaxTokens);
        }
        else if (JsonNodes.TryGetFirst(context.Params, MaxTokensKeys, out var configured) && JsonNodes.TryGetNumber(configured, out var number) && number >= 1)
        {
            requested = (long)number;
        }
        else
        {
            requested = context.Model.MaxTokens;
        }
        // OpenRouter and proxies reject a completion budget the context cannot hold.
        var available = Math.Max(1, context.Model.ContextWindow - EstimateInputTokens(context.Payload) - 1);
        return Math.Max(1, Math.Min(requested, available));
    }

    /// <summary>ceil(chars / 4 × 1.25) over message text, replay fields, tool calls, tools and response format.</summary>
    public static long EstimateInputTokens(JsonObject payload)
    {
        long chars = 0;
        if (payload["messages"] is JsonArray messages)
        {
            foreach (var node in messages)
            {
                if (node is not JsonObject message)
                {
                    continue;
                }
                chars += ContentChars(message["content"]);
                foreach (var field in (ReadOnlySpan<string>)["reasoning", "reasoning_content", "reasoning_text", "reasoning_details"])
                {
                    chars += message[field] switch
                    {
                        null => 0,
                        JsonValue value when JsonNodes.AsString(value) is { } text => text.Length,
                        var other => WireJson.Serialize(other).Length,
                    };
                }
                if (message["tool_calls"] is JsonArray calls)
                {
                    chars += WireJson.Serialize(calls).Length;
                }
            }
        }
        if (payload["tools"] is JsonArray tools)
        {
            chars += WireJson.Serialize(tools).Length;
        }
        if (payload["response_format"] is JsonNode format)
        {
            chars += WireJson.Serialize(format).Length;
        }
        return (long)Math.Ceiling(chars / 4.0 * 1.25);
    }

    private static long ContentChars(JsonNode? content)
    {
        if (JsonNodes.AsString(content) is { } text)
        {
            return text.Length;
        }
        long chars = 0;
        if (content is JsonArray parts)
        {
            foreach (var part in parts)
            {
                chars += JsonNodes.AsString(part?["type"]) switch
                {
                    "image_url" or "video_url" => MediaPartChars,
                    _ => JsonNodes.AsString(part?["text"])?.Length ?? 0,
                };
            }
        }
        return chars;
    }
}
