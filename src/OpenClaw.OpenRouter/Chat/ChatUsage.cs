using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenClaw.OpenRouter.Chat;

/// <summary>Token counts and the cost OpenRouter billed for a call.</summary>
public sealed record ChatUsage
{
    [JsonPropertyName("prompt_tokens")]
    public int PromptTokens { get; init; }

    [JsonPropertyName("completion_tokens")]
    public int CompletionTokens { get; init; }

    [JsonPropertyName("total_tokens")]
    public int TotalTokens { get; init; }

    /// <summary>USD billed by OpenRouter for the call (<c>usage.cost</c>).</summary>
    [JsonPropertyName("cost")]
    public decimal? Cost { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
