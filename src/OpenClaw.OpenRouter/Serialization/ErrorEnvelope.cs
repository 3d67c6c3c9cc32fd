using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenClaw.OpenRouter.Serialization;

/// <summary>OpenRouter's <c>{"error":{"code","message","metadata"}}</c>.</summary>
internal sealed record ErrorEnvelope([property: JsonPropertyName("error")] ErrorBody? Error);

/// <summary>The <c>error</c> member; <c>code</c> may arrive as a number or, from intermediaries, a string.</summary>
internal sealed record ErrorBody(
    [property: JsonPropertyName("code")] JsonElement Code,
    [property: JsonPropertyName("message")] string? Message);
