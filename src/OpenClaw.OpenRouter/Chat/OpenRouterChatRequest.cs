using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Models;
using OpenClaw.OpenRouter.Reasoning;

namespace OpenClaw.OpenRouter.Chat;

/// <summary>One chat call: model, messages, tools, thinking level and per-call params. The request pipeline turns it into the wire request.</summary>
public sealed record OpenRouterChatRequest
{
    /// <summary>A model ref or id: <c>openrouter/auto</c>, <c>openrouter/anthropic/claude-sonnet-4.6</c>, <c>anthropic/claude-sonnet-4.6</c>.</summary>
    public required string Model { get; init; }

    /// <summary>The conversation.</summary>
    public required IReadOnlyList<OpenRouterMessage> Messages { get; init; }

    /// <summary>Function tools (sent only when the model supports tools; sorted by name on the wire).</summary>
    public IReadOnlyList<OpenRouterTool>? Tools { get; init; }

    /// <summary><c>tool_choice</c>; <c>"auto"</c> is sent when tools are present and this is unset.</summary>
    public JsonNode? ToolChoice { get; init; }

    /// <summary>The thinking level; <see langword="null"/> for the model's default.</summary>
    public ThinkingLevel? Thinking { get; init; }

    /// <summary>
    /// Where <see cref="Thinking"/> came from. An explicit level the model does not support is rejected before sending; a
    /// configured default is clamped to the nearest lower supported level (provider spec §7.4).
    /// </summary>
    public ThinkingLevelSource ThinkingSource { get; init; } = ThinkingLevelSource.Explicit;

    /// <summary>
    /// A one-shot completion (no agent, no history): DeepSeek V4 maps the requested level straight to its effort
    /// (<c>max</c>/<c>xhigh</c> → <c>xhigh</c>) instead of the agent's model-level clamp (§10), and an unsupported level
    /// is clamped rather than rejected.
    /// </summary>
    public bool OneShot { get; init; }

    /// <summary>A per-call output limit (clamped to the model's maximum).</summary>
    public int? MaxCompletionTokens { get; init; }

    /// <summary>
    /// Per-call params, highest precedence, in the config's key space: <c>temperature</c>, <c>top_p</c>, <c>maxTokens</c>,
    /// <c>responseCache</c>…, <c>provider</c>, <c>extraBody</c>, <c>cacheRetention</c>.
    /// </summary>
    public JsonObject? Params { get; init; }

    /// <summary>Per-call headers. Names equal to an attribution header are dropped (§5.2).</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary><c>response_format</c>, sent as given.</summary>
    public JsonObject? ResponseFormat { get; init; }

    /// <summary>Output modalities (<c>["image","text"]</c> for image generation).</summary>
    public IReadOnlyList<string>? Modalities { get; init; }

    /// <summary>The session id for <c>x-session-id</c>, sent only when the client opts into session affinity.</summary>
    public string? SessionId { get; init; }

    /// <summary>What is known of the model; <see langword="null"/> to let the client's capability resolver find out.</summary>
    public OpenRouterModelInfo? ModelInfo { get; init; }
}
