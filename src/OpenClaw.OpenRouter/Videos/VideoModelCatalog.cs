using System.Text.Json;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Media;

namespace OpenClaw.OpenRouter.Videos;

/// <summary>Reads <c>GET {base}/videos/models</c> (<c>{data:[VideoModel…]}</c>, API §8) into capabilities by API id.</summary>
internal static class VideoModelCatalog
{
    public const string Operation = "OpenRouter video models request failed";
    public const string MalformedMessage = "OpenRouter video models response malformed";

    /// <summary>Every row with a string <c>id</c>, keyed case-insensitively; a bare array is accepted as well as <c>{data:[…]}</c>.</summary>
    /// <exception cref="OpenRouterMalformedResponseException">Not JSON, or no <c>data</c> array.</exception>
    public static IReadOnlyDictionary<string, OpenRouterVideoCapabilities> Read(ReadOnlySpan<byte> body)
    {
        using (var document = MediaJson.Parse(body, MalformedMessage))
        {
            var root = document.RootElement;
            var rows = root.ValueKind == JsonValueKind.Array ? root
                : root.ValueKind == JsonValueKind.Object && root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array ? data
                : throw new OpenRouterMalformedResponseException(MalformedMessage);
            var models = new Dictionary<string, OpenRouterVideoCapabilities>(StringComparer.OrdinalIgnoreCase);
            foreach (var row in rows.EnumerateArray())
            {
                if (row.ValueKind == JsonValueKind.Object && row.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                    && id.GetString() is { } text && !string.IsNullOrWhiteSpace(text))
                {
                    models.TryAdd(text.Trim(), OpenRouterVideoCapabilities.FromCatalogRow(row));
                }
            }
            return models;
        }
    }
}
