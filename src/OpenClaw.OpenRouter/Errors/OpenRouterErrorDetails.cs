using System.Text.Json.Nodes;

namespace OpenClaw.OpenRouter.Errors;

/// <summary>The parts of an OpenRouter error answer, whichever way it arrived (HTTP status, 200 body, mid-stream chunk).</summary>
public sealed record OpenRouterErrorDetails
{
    /// <summary>No details: an error raised before anything was answered.</summary>
    public static OpenRouterErrorDetails Empty { get; } = new();

    /// <summary>The HTTP status.</summary>
    public int? StatusCode { get; init; }

    /// <summary><c>error.code</c> (a number, or a numeric string from an intermediary).</summary>
    public int? Code { get; init; }

    /// <summary><c>error.message</c>.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary><c>error.metadata</c>.</summary>
    public JsonObject? Metadata { get; init; }

    /// <summary><c>error.metadata.provider_name</c>.</summary>
    public string? ProviderName => Metadata?["provider_name"] is JsonValue value && value.TryGetValue(out string? name) ? name : null;

    /// <summary><c>error.metadata.raw</c> as text (a JSON value that is not a string is written as JSON).</summary>
    public string? RawError => Metadata?["raw"] switch
    {
        null => null,
        JsonValue value when value.TryGetValue(out string? text) => text,
        var node => Shaping.WireJson.Serialize(node),
    };

    /// <summary>The generation id.</summary>
    public string? GenerationId { get; init; }

    /// <summary><c>Retry-After</c>, or <c>metadata.retry_after_seconds</c>.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>True when the error arrived inside a 200 answer (a mid-stream chunk or an error body).</summary>
    public bool InBand { get; init; }

    /// <summary>
    /// What was being done, for media requests (<c>OpenRouter image generation failed</c>, <c>OpenRouter video status request
    /// failed</c>, …). When set, the message takes the provider spec's <c>&lt;label&gt; (HTTP &lt;status&gt;): &lt;detail&gt;</c> form.
    /// </summary>
    public string? Operation { get; init; }

    /// <summary>The request id the answer named (<c>error.metadata.request_id</c> or <c>X-Request-Id</c>), if any.</summary>
    public string? RequestId { get; init; }

    /// <summary>
    /// The exception message: <c>"&lt;status&gt; &lt;message&gt;"</c> for HTTP errors (OpenAI-SDK style), the bare message in-band;
    /// with an <see cref="Operation"/>, <c>"&lt;operation&gt; (HTTP &lt;status&gt;): &lt;message&gt; [request_id=&lt;id&gt;]"</c>.
    /// </summary>
    public string FormatMessage()
    {
        var message = string.IsNullOrEmpty(ErrorMessage) ? "OpenRouter request failed" : ErrorMessage;
        if (Operation is { Length: > 0 } operation)
        {
            var requestId = RequestId is { Length: > 0 } id ? $" [request_id={id}]" : "";
            return StatusCode is { } httpStatus
                ? $"{operation} (HTTP {httpStatus}): {message}{requestId}"
                : $"{operation}: {message}{requestId}";
        }
        return !InBand && StatusCode is { } status ? $"{status} {message}" : message;
    }
}
