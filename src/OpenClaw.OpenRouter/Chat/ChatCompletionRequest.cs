using System.Text.Json.Serialization;

namespace OpenClaw.OpenRouter.Chat;

/// <summary>The body of <c>POST /chat/completions</c>, as far as this first version of the client sends it.</summary>
public sealed record ChatCompletionRequest(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("messages")] IReadOnlyList<ChatMessage> Messages)
{
    /// <summary>Always <see langword="false"/> here: this version reads whole answers.</summary>
    [JsonPropertyName("stream")]
    public bool Stream { get; init; }
}
