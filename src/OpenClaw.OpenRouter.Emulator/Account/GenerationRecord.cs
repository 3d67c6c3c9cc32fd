using System.Text.Json.Nodes;

namespace OpenClaw.OpenRouter.Emulator.Account;

/// <summary>Builds the <c>data</c> object of <c>GET /generation</c> for a finished call.</summary>
internal static class GenerationRecord
{
    public static JsonObject Create(
        string id, DateTimeOffset createdAt, string model, string provider, string apiType, string? finishReason, string? nativeFinishReason,
        int promptTokens, int completionTokens, int reasoningTokens, int cachedTokens, int mediaCount, decimal cost, bool streamed, bool cancelled)
        => new()
        {
            ["id"] = id,
            ["upstream_id"] = "emu-" + id,
            ["total_cost"] = cost,
            ["cache_discount"] = null,
            ["upstream_inference_cost"] = null,
            ["created_at"] = createdAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["model"] = model,
            ["app_id"] = null,
            ["streamed"] = streamed,
            ["cancelled"] = cancelled,
            ["provider_name"] = provider,
            ["latency"] = 120,
            ["moderation_latency"] = null,
            ["generation_time"] = 480,
            ["finish_reason"] = finishReason,
            ["native_finish_reason"] = nativeFinishReason,
            ["tokens_prompt"] = promptTokens,
            ["tokens_completion"] = completionTokens,
            ["native_tokens_prompt"] = promptTokens,
            ["native_tokens_completion"] = completionTokens,
            ["native_tokens_completion_images"] = null,
            ["native_tokens_reasoning"] = reasoningTokens,
            ["native_tokens_cached"] = cachedTokens,
            ["num_media_prompt"] = null,
            ["num_media_completion"] = mediaCount,
            ["num_search_results"] = null,
            ["origin"] = "",
            ["usage"] = cost,
            ["is_byok"] = false,
            ["api_type"] = apiType,
        };
}
