using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Emulator.Http;

namespace OpenClaw.OpenRouter.Emulator.Chat;

/// <summary>Rejections that real upstream providers make and that OpenRouter relays as <c>Provider returned error</c>,
/// so a client that shapes requests wrongly fails here as it would in production.</summary>
internal static class UpstreamRules
{
    public static EmulatorError? Check(ChatRequest request)
    {
        var row = request.Row;
        if (row.IsAnthropic)
        {
            var markers = CountCacheControl(request.Body);
            if (markers > 4)
            {
                return EmulatorError.Upstream(400, row.ProviderName,
                    $"{{\"type\":\"error\",\"error\":{{\"type\":\"invalid_request_error\",\"message\":\"A maximum of 4 blocks with cache_control may be provided. Found {markers}.\"}}}}");
            }
            if (request.ReasoningEnabled && request.Messages[^1] is JsonObject last && JsonHttp.String(last["role"]) == "assistant")
            {
                return EmulatorError.Upstream(400, row.ProviderName,
                    "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"This model does not support assistant message prefill. The conversation must end with a user message when thinking is enabled.\"}}");
            }
        }
        if (row.IsGemini && MissingThoughtSignature(request.Messages) is { } callName)
        {
            return EmulatorError.Upstream(400, row.ProviderName,
                $"{{\"error\":{{\"code\":400,\"message\":\"Function call is missing a thought_signature in functionCall parts. This is required for tools to work correctly, and missing thought_signature may lead to degraded model performance. Additional data, function call `default_api:{callName}`, position 2.\",\"status\":\"INVALID_ARGUMENT\"}}}}");
        }
        if (row.IsDeepSeekV4 && request.ReasoningEnabled)
        {
            foreach (var message in request.Messages.OfType<JsonObject>())
            {
                if (JsonHttp.String(message["role"]) == "assistant" && message["tool_calls"] is not JsonArray { Count: > 0 } && !message.ContainsKey("reasoning_content"))
                {
                    return EmulatorError.Upstream(400, row.ProviderName,
                        "{\"error\":{\"message\":\"The reasoning_content in the thinking mode must be passed back to the API.\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_request_error\"}}");
                }
            }
        }
        return null;
    }

    /// <summary>Gemini needs, on each assistant tool call of the current turn (after the last user message),
    /// the encrypted reasoning item that carries that call's id.</summary>
    private static string? MissingThoughtSignature(JsonArray messages)
    {
        var lastUser = -1;
        for (var i = 0; i < messages.Count; i++)
        {
            if (JsonHttp.String(messages[i].Prop("role")) == "user")
            {
                lastUser = i;
            }
        }
        for (var i = lastUser + 1; i < messages.Count; i++)
        {
            if (messages[i] is not JsonObject message || JsonHttp.String(message["role"]) != "assistant" || message["tool_calls"] is not JsonArray { Count: > 0 } calls)
            {
                continue;
            }
            var first = calls[0]!;
            var id = JsonHttp.String(first["id"]);
            var signed = message["reasoning_details"] is JsonArray details && details.OfType<JsonObject>().Any(d =>
                JsonHttp.String(d["type"]) == "reasoning.encrypted" && JsonHttp.String(d["id"]) == id && JsonHttp.String(d["data"]) is { Length: > 0 });
            if (!signed)
            {
                return JsonHttp.String(first["function"].Prop("name")) ?? "unknown";
            }
        }
        return null;
    }

    public static int CountCacheControl(JsonNode? node) => node switch
    {
        JsonObject obj => (obj.ContainsKey("cache_control") ? 1 : 0) + obj.Where(p => p.Key != "cache_control").Sum(p => CountCacheControl(p.Value)),
        JsonArray array => array.Sum(CountCacheControl),
        _ => 0,
    };
}
