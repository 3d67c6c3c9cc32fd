using System.Text.Json.Serialization;

namespace OpenClaw.OpenRouter.Chat;

/// <summary>One message of a chat completion request.</summary>
public sealed record ChatMessage(
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("content")] string? Content);
