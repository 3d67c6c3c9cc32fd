using System.Text.Json;
using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Models;

namespace OpenClaw.OpenRouter.Account;

/// <summary>
/// The <c>data</c> of <c>GET /generation?id=</c> (API spec §4): what one call was billed and how it ran. Money in US dollars,
/// token counts as sent by OpenRouter (<c>native_*</c> are the upstream provider's own counts). A field that is missing, null
/// or malformed reads as <see langword="null"/>.
/// </summary>
public sealed record OpenRouterGeneration
{
    /// <summary>The generation id (<c>gen-…</c>).</summary>
    public string? Id { get; init; }

    /// <summary>What the call cost.</summary>
    public decimal? TotalCost { get; init; }

    /// <summary>What was charged to OpenRouter credits.</summary>
    public decimal? Usage { get; init; }

    /// <summary>Whether the call ran on the user's own provider key.</summary>
    public bool? IsByok { get; init; }

    /// <summary>The model that answered (with auto routing, the one the router picked).</summary>
    public string? Model { get; init; }

    public string? ProviderName { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>OpenRouter's normalised finish reason.</summary>
    public string? FinishReason { get; init; }

    /// <summary>The upstream provider's own finish reason.</summary>
    public string? NativeFinishReason { get; init; }

    public long? TokensPrompt { get; init; }

    public long? TokensCompletion { get; init; }

    public long? NativeTokensReasoning { get; init; }

    public long? NativeTokensCached { get; init; }

    public bool? Streamed { get; init; }

    public bool? Cancelled { get; init; }

    /// <summary>Time to the first token (sent in milliseconds).</summary>
    public TimeSpan? Latency { get; init; }

    /// <summary>Time spent generating (sent in milliseconds).</summary>
    public TimeSpan? GenerationTime { get; init; }

    /// <summary>The whole <c>data</c> object, so fields this type does not model are not lost.</summary>
    public JsonObject Raw { get; init; } = [];

    /// <summary>Reads the <c>data</c> object of the response (not the envelope).</summary>
    /// <exception cref="JsonException"><paramref name="data"/> is not an object.</exception>
    public static OpenRouterGeneration Parse(JsonElement data)
    {
        var raw = AccountJson.RawObject(data, "generation");
        return new OpenRouterGeneration
        {
            Id = JsonValues.String(data, "id"),
            TotalCost = JsonValues.Decimal(data, "total_cost"),
            Usage = JsonValues.Decimal(data, "usage"),
            IsByok = JsonValues.Boolean(data, "is_byok"),
            Model = JsonValues.String(data, "model"),
            ProviderName = JsonValues.String(data, "provider_name"),
            CreatedAt = JsonValues.Timestamp(data, "created_at"),
            FinishReason = JsonValues.String(data, "finish_reason"),
            NativeFinishReason = JsonValues.String(data, "native_finish_reason"),
            TokensPrompt = JsonValues.Int64(data, "tokens_prompt"),
            TokensCompletion = JsonValues.Int64(data, "tokens_completion"),
            NativeTokensReasoning = JsonValues.Int64(data, "native_tokens_reasoning"),
            NativeTokensCached = JsonValues.Int64(data, "native_tokens_cached"),
            Streamed = JsonValues.Boolean(data, "streamed"),
            Cancelled = JsonValues.Boolean(data, "cancelled"),
            Latency = JsonValues.Milliseconds(data, "latency"),
            GenerationTime = JsonValues.Milliseconds(data, "generation_time"),
            Raw = raw,
        };
    }
}
