using System.Text.Json.Nodes;

namespace OpenClaw.OpenRouter.Chat;

/// <summary>
/// Token usage and cost of one call (provider spec §14.4). <see cref="Cost"/> is OpenRouter's own <c>usage.cost</c> whenever it
/// reported one (<see cref="CostOrigin"/> <c>provider-billed</c>); a price-table estimate only when it did not.
/// </summary>
public sealed record OpenRouterUsage
{
    /// <summary><c>prompt_tokens</c>.</summary>
    public long PromptTokens { get; init; }

    /// <summary><c>completion_tokens</c>.</summary>
    public long CompletionTokens { get; init; }

    /// <summary>Prompt tokens read from the provider's prompt cache (<c>prompt_tokens_details.cached_tokens</c> ?? <c>prompt_cache_hit_tokens</c>).</summary>
    public long CacheReadTokens { get; init; }

    /// <summary>Prompt tokens written to the prompt cache (<c>cache_write_tokens</c> ?? <c>cache_creation_input_tokens</c>).</summary>
    public long CacheWriteTokens { get; init; }

    /// <summary><c>completion_tokens_details.reasoning_tokens</c>, when numeric.</summary>
    public long? ReasoningTokens { get; init; }

    /// <summary>Uncached input: max(0, prompt − cache read − cache write).</summary>
    public long InputTokens => Math.Max(0, PromptTokens - CacheReadTokens - CacheWriteTokens);

    /// <summary>Output tokens (<c>completion_tokens</c>).</summary>
    public long OutputTokens => CompletionTokens;

    /// <summary>input + output + cache read + cache write.</summary>
    public long TotalTokens => InputTokens + OutputTokens + CacheReadTokens + CacheWriteTokens;

    /// <summary>The cost in US dollars: <c>usage.cost</c>, or an estimate from the model's prices when OpenRouter sent none.</summary>
    public decimal? Cost { get; init; }

    /// <summary><c>provider-billed</c> when <see cref="Cost"/> is OpenRouter's <c>usage.cost</c>; <c>estimated</c> otherwise.</summary>
    public string? CostOrigin { get; init; }

    /// <summary><c>usage.cost_details</c>, verbatim.</summary>
    public JsonObject? CostDetails { get; init; }

    /// <summary><c>usage.is_byok</c>.</summary>
    public bool? IsByok { get; init; }

    /// <summary>The whole <c>usage</c> object as received, so no field is lost.</summary>
    public JsonObject? Raw { get; init; }

    /// <summary>Origin value for OpenRouter's own billed cost.</summary>
    public const string ProviderBilled = "provider-billed";

    /// <summary>Origin value for a local estimate from catalog prices.</summary>
    public const string Estimated = "estimated";
}
