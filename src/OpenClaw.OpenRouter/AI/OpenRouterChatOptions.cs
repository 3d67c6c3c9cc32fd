using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Reasoning;

namespace OpenClaw.OpenRouter.AI;

/// <summary>
/// OpenRouter settings of one <see cref="OpenRouterChatClient"/> call, carried in
/// <c>ChatOptions.AdditionalProperties["openrouter"]</c> (<see cref="OpenRouterPropertyNames.Options"/>).
/// </summary>
/// <remarks>
/// Everything here becomes per-call params, the highest precedence over the client's provider-wide and per-model params
/// (provider spec §6.4). Each member also exists as a loose <c>AdditionalProperties</c> key in the config's key space
/// (<c>thinking</c>, <c>provider</c>, <c>responseCache</c>, <c>responseCacheTtlSeconds</c>, <c>responseCacheClear</c>,
/// <c>extraBody</c>, <c>modalities</c>, <c>sessionId</c>); when both are given this typed record wins. Every member shapes
/// the wire request, so all of them are part of <see cref="OpenRouterChatClient.ComputeCacheKeyAsync"/>.
/// </remarks>
public sealed record OpenRouterChatOptions
{
    /// <summary>
    /// The thinking level, checked as an explicit choice: a level the model does not support is rejected before sending
    /// (<see cref="ThinkingLevelNotSupportedException"/>). Wins over <c>ChatOptions.Reasoning</c>, which is only clamped.
    /// </summary>
    public ThinkingLevel? Thinking { get; init; }

    /// <summary>
    /// Provider routing (<c>order</c>, <c>allow_fallbacks</c>, <c>sort</c>, …), merged over the configured <c>provider</c> objects.
    /// Sent only on the verified route (<c>https://openrouter.ai/api/v1</c>); custom and local proxies never receive it.
    /// </summary>
    public JsonObject? Provider { get; init; }

    /// <summary>OpenRouter's response cache (<c>X-OpenRouter-Cache</c>); sent on OpenRouter endpoints only.</summary>
    public bool? ResponseCache { get; init; }

    /// <summary>The response cache TTL in seconds (<c>X-OpenRouter-Cache-TTL</c>, clamped to 1–86400).</summary>
    public int? ResponseCacheTtlSeconds { get; init; }

    /// <summary>Refresh the cached entry (<c>X-OpenRouter-Cache-Clear</c>; implies <see cref="ResponseCache"/>).</summary>
    public bool? ResponseCacheClear { get; init; }

    /// <summary>
    /// Fallback models, sent as the body's <c>models</c> array. OpenClaw never sends <c>models</c> (provider spec §6.4), so it
    /// goes out only when set here: an explicit opt-in of this call.
    /// </summary>
    public IReadOnlyList<string>? FallbackModels { get; init; }

    /// <summary>Fields merged into the body last (<c>params.extraBody</c>); they win over everything else, <see cref="FallbackModels"/> included.</summary>
    public JsonObject? ExtraBody { get; init; }

    /// <summary>Per-call headers. Attribution headers cannot be replaced (provider spec §5.2).</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>Output modalities, e.g. <c>["image","text"]</c> to have an image model draw.</summary>
    public IReadOnlyList<string>? Modalities { get; init; }

    /// <summary>The session id for <c>x-session-id</c>; sent only when the client opts into session affinity.</summary>
    public string? SessionId { get; init; }
}
