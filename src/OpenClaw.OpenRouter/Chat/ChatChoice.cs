using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenClaw.OpenRouter.Chat;

/// <summary>One choice of a chat completion.</summary>
public sealed record ChatChoice
{
    /// <summary>The finish reason as sent; an open vocabulary (<c>stop</c>, <c>length</c>, <c>tool_calls</c>, <c>error</c>, …).</summary>
    [JsonPropertyName("finish_reason")]
    public string? FinishReason { get; init; }

    [JsonPropertyName("message")]
    public ChatChoiceMessage? Message { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
