using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Errors;

namespace OpenClaw.OpenRouter.Transport;

/// <summary>Reads OpenRouter's error envelope <c>{"error":{code,message,metadata}}</c> and the headers that go with it.</summary>
internal static class ErrorResponseReader
{
    public const string GenerationIdHeader = "X-Generation-Id";

    /// <summary>The details of an HTTP error answer (status ≥ 400). A body that is not an envelope keeps the status and reason.</summary>
    public static OpenRouterErrorDetails FromHttpError(HttpResponseMessage response, ReadOnlySpan<byte> body, TimeProvider time)
    {
        var status = (int)response.StatusCode;
        var details = TryReadEnvelope(body) ?? new OpenRouterErrorDetails();
        return details with
        {
            StatusCode = status,
            ErrorMessage = details.ErrorMessage ?? (body.IsEmpty ? response.ReasonPhrase : Truncate(System.Text.Encoding.UTF8.GetString(body))),
            GenerationId = details.GenerationId ?? GenerationId(response),
            RetryAfter = RetryAfter(response.Headers, time) ?? details.RetryAfter,
        };
    }

    /// <summary>The details inside an envelope, or <see langword="null"/> when the body is not one.</summary>
    public static OpenRouterErrorDetails? TryReadEnvelope(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { AllowTrailingCommas = true });
            if (JsonNode.Parse(ref reader) is not JsonObject root || root["error"] is not JsonObject error)
            {
                return null;
            }
            return FromErrorObject(error, JsonNodesText(root["id"]));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The details of an <c>error</c> object (envelope, mid-stream chunk, or <c>choices[0].error</c>).</summary>
    public static OpenRouterErrorDetails FromErrorObject(JsonObject error, string? generationId)
    {
        ArgumentNullException.ThrowIfNull(error);
        var metadata = error["metadata"] as JsonObject;
        TimeSpan? retryAfter = metadata?["retry_after_seconds"] is JsonValue seconds && seconds.TryGetValue(out double value) && value >= 0
            && value < TimeSpan.MaxValue.TotalSeconds
            ? TimeSpan.FromSeconds(value)
            : null;
        return new OpenRouterErrorDetails
        {
            Code = ReadCode(error["code"]),
            ErrorMessage = JsonNodesText(error["message"]),
            Metadata = (JsonObject?)metadata?.DeepClone(),
            GenerationId = generationId,
            RetryAfter = retryAfter,
        };
    }

    /// <summary><c>error.code</c> as a number, or a numeric string from an intermediary.</summary>
    public static int? ReadCode(JsonNode? code)
    {
        if (code is not JsonValue value)
        {
            return null;
        }
        return value.GetValueKind() switch
        {
            JsonValueKind.Number when value.TryGetValue(out int number) => number,
            JsonValueKind.Number when value.TryGetValue(out double real) && real == Math.Floor(real) && real is >= int.MinValue and <= int.MaxValue => (int)real,
            JsonValueKind.String when int.TryParse(value.GetValue<string>(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }

    /// <summary><c>Retry-After</c> as seconds or an HTTP date (relative to <paramref name="time"/>).</summary>
    public static TimeSpan? RetryAfter(HttpResponseHeaders headers, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (headers.RetryAfter is { } retry)
        {
            if (retry.Delta is { } delta)
            {
                return delta;
            }
            if (retry.Date is { } date)
            {
                var wait = date - time.GetUtcNow();
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }
        if (headers.TryGetValues("Retry-After", out var raw)
            && double.TryParse(raw.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            && seconds < TimeSpan.MaxValue.TotalSeconds)
        {
            return TimeSpan.FromSeconds(seconds);
        }
        return null;
    }

    public static string? GenerationId(HttpResponseMessage response) =>
        response.Headers.TryGetValues(GenerationIdHeader, out var values) ? values.FirstOrDefault() : null;

    private static string? JsonNodesText(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static string Truncate(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= 500 ? trimmed : trimmed[..500] + "…";
    }
}
