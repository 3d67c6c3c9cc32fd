using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenClaw.OpenRouter.Chat;

/// <summary>A non-streamed chat completion as OpenRouter returns it.</summary>
public sealed record ChatCompletion
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The model that answered (for <c>openrouter/auto</c>, the routed model).</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary>The upstream provider that served the call.</summary>
    [JsonPropertyName("provider")]
    public string? Provider { get; init; }

    [JsonPropertyName("choices")]
    public IReadOnlyList<ChatChoice> Choices { get; init; } = [];

    [JsonPropertyName("usage")]
    public ChatUsage? Usage { get; init; }

    /// <summary>Fields this version does not model, kept rather than dropped.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
