using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenClaw.OpenRouter.Chat;

/// <summary>The assistant message of a choice.</summary>
public sealed record ChatChoiceMessage
{
    [JsonPropertyName("role")]
    public string? Role { get; init; }

    [JsonPropertyName("content")]
    public string? Content { get; init; }

    [JsonPropertyName("reasoning")]
    public string? Reasoning { get; init; }

    /// <summary>Everything else the message carries (<c>reasoning_details</c>, <c>tool_calls</c>, <c>images</c>, …), kept verbatim.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
