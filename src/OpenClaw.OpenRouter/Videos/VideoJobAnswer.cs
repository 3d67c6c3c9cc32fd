using System.Text.Json;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Media;

namespace OpenClaw.OpenRouter.Videos;

/// <summary>
/// A submit or status answer of a video job (API §8), read strictly as provider spec §16 says: a JSON object; <c>unsigned_urls</c>
/// an array of non-empty strings; <c>usage</c> an object; <c>status</c> one of the known values. Other string fields are trimmed
/// and treated as absent when empty or not strings.
/// </summary>
internal sealed record VideoJobAnswer
{
    public const string MalformedMessage = "OpenRouter video generation response malformed";
    public const string MissingJobDetailsMessage = "OpenRouter video generation response missing job details";

    public string? Id { get; init; }

    public string? PollingUrl { get; init; }

    /// <summary>A known status, or <see langword="null"/> when the answer had none.</summary>
    public OpenRouterVideoStatus? Status { get; init; }

    public string? GenerationId { get; init; }

    public IReadOnlyList<string> UnsignedUrls { get; init; } = [];

    public string? Error { get; init; }

    public string? Model { get; init; }

    /// <summary><c>usage.cost</c> when it is a number.</summary>
    public decimal? Cost { get; init; }

    /// <summary><c>usage.is_byok</c> when it is a boolean.</summary>
    public bool? IsByok { get; init; }

    /// <summary>The answer to <c>POST /videos</c>: <c>id</c> and <c>polling_url</c> are required; <c>status</c> may be absent (still to poll).</summary>
    /// <exception cref="OpenRouterMalformedResponseException">The answer's shape is wrong or it lacks the job details.</exception>
    public static VideoJobAnswer ParseSubmit(ReadOnlySpan<byte> body)
    {
        var answer = Parse(body);
        if (answer.Id is null || answer.PollingUrl is null)
        {
            throw new OpenRouterMalformedResponseException(MissingJobDetailsMessage);
        }
        return answer;
    }

    /// <summary>The answer to a status poll: <c>status</c> is required.</summary>
    /// <exception cref="OpenRouterMalformedResponseException">The answer's shape is wrong or it has no status.</exception>
    public static VideoJobAnswer ParseStatus(ReadOnlySpan<byte> body)
    {
        var answer = Parse(body);
        return answer.Status is null ? throw new OpenRouterMalformedResponseException(MalformedMessage) : answer;
    }

    /// <exception cref="OpenRouterMalformedResponseException">Not a JSON object, a bad <c>unsigned_urls</c> or <c>usage</c>, an unknown status.</exception>
    public static VideoJobAnswer Parse(ReadOnlySpan<byte> body)
    {
        using (var document = MediaJson.Parse(body, MalformedMessage))
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Malformed();
            }
            var urls = new List<string>();
            if (Present(root, "unsigned_urls") is { } unsigned)
            {
                if (unsigned.ValueKind != JsonValueKind.Array)
                {
                    throw Malformed();
                }
                foreach (var item in unsigned.EnumerateArray())
                {
                    urls.Add(Text(item) ?? throw Malformed());
                }
            }
            decimal? cost = null;
            bool? byok = null;
            if (Present(root, "usage") is { } usage)
            {
                if (usage.ValueKind != JsonValueKind.Object)
                {
                    throw Malformed();
                }
                if (Present(usage, "cost") is { ValueKind: JsonValueKind.Number } costValue)
                {
                    cost = costValue.TryGetDecimal(out var exact) ? exact : null;
                }
                byok = Present(usage, "is_byok") switch
                {
                    { ValueKind: JsonValueKind.True } => true,
                    { ValueKind: JsonValueKind.False } => false,
                    _ => null,
                };
            }
            OpenRouterVideoStatus? status = null;
            if (String(root, "status") is { } statusText)
            {
                status = new OpenRouterVideoStatus(statusText);
                if (!status.Value.IsKnown)
                {
                    throw Malformed();
                }
            }
            return new VideoJobAnswer
            {
                Id = String(root, "id"),
                PollingUrl = String(root, "polling_url"),
                Status = status,
                GenerationId = String(root, "generation_id"),
                UnsignedUrls = urls,
                Error = String(root, "error"),
                Model = String(root, "model"),
                Cost = cost,
                IsByok = byok,
            };
        }
    }

    private static OpenRouterMalformedResponseException Malformed() => new(MalformedMessage);

    /// <summary>A property that is there and not <c>null</c>.</summary>
    private static JsonElement? Present(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string? String(JsonElement obj, string name) => Present(obj, name) is { } value ? Text(value) : null;

    /// <summary>A string, trimmed; <see langword="null"/> when empty or not a string.</summary>
    private static string? Text(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && value.GetString() is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
}
