using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Models;

namespace OpenClaw.Core.Models;

/// <summary>
/// Reads <c>models.providers.openrouter.models[]</c> (CLI spec §9.1: <c>id</c>, <c>name</c>, <c>reasoning</c>, <c>input[]</c>,
/// <c>contextWindow</c>, <c>maxTokens</c>, <c>cost{input, output, cacheRead, cacheWrite}</c>) into catalog rows. Missing or
/// malformed fields take the defaults of provider spec §6.1 step 4; only a row without an id is skipped.
/// </summary>
public static class ConfiguredModelRows
{
    /// <summary>The usable rows in written order; null or a non-array yields none.</summary>
    public static IReadOnlyList<OpenRouterModelInfo> Read(JsonArray? rows)
    {
        if (rows is null)
        {
            return [];
        }
        var result = new List<OpenRouterModelInfo>(rows.Count);
        foreach (var row in rows)
        {
            if (ReadRow(row) is { } info)
            {
                result.Add(info);
            }
        }
        return result;
    }

    /// <summary>
    /// One row; null when it is not an object or has no non-blank string <c>id</c>. The id is trimmed and lower-cased
    /// (OpenRouter ids are lower-case, and config is matched case-insensitively).
    /// </summary>
    public static OpenRouterModelInfo? ReadRow(JsonNode? row)
    {
        if (row is not JsonObject fields || String(fields["id"])?.Trim().ToLowerInvariant() is not { Length: > 0 } id)
        {
            return null;
        }
        var cost = fields["cost"] as JsonObject;
        return new OpenRouterModelInfo
        {
            Id = id,
            Name = String(fields["name"]) is { } name && !string.IsNullOrWhiteSpace(name) ? name : id,
            Reasoning = fields["reasoning"] is JsonValue reasoning && reasoning.GetValueKind() == JsonValueKind.True,
            Input = Input(fields["input"] as JsonArray),
            Pricing = cost is null
                ? ModelPricing.Free
                : new ModelPricing(Price(cost["input"]), Price(cost["output"]), Price(cost["cacheRead"]), Price(cost["cacheWrite"])),
            ContextWindow = TokenCount(fields["contextWindow"]) ?? OpenRouterModelInfo.DefaultContextWindow,
            MaxTokens = TokenCount(fields["maxTokens"]) ?? OpenRouterModelInfo.DefaultMaxTokens,
        };
    }

    /// <summary><c>text</c> always comes first, so a row that lists only <c>image</c> still reads as a chat model.</summary>
    private static List<string> Input(JsonArray? declared)
    {
        var input = new List<string> { "text" };
        if (declared is null)
        {
            return input;
        }
        foreach (var item in declared)
        {
            if (String(item)?.Trim().ToLowerInvariant() is { Length: > 0 } modality && !input.Contains(modality))
            {
                input.Add(modality);
            }
        }
        return input;
    }

    private static string? String(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>A number, or a string holding one (config values may come through <c>${VAR}</c> substitution as text).</summary>
    private static decimal? Number(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }
        switch (value.GetValueKind())
        {
            case JsonValueKind.Number:
                if (value.TryGetValue<decimal>(out var exact))
                {
                    return exact;
                }
                if (value.TryGetValue<double>(out var approx) && double.IsFinite(approx) && Math.Abs(approx) < (double)decimal.MaxValue)
                {
                    return (decimal)approx;
                }
                if (value.TryGetValue<long>(out var whole))
                {
                    return whole;
                }
                return value.TryGetValue<int>(out var small) ? small : null;
            case JsonValueKind.String:
                return decimal.TryParse(String(value)?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
            default:
                return null;
        }
    }

    /// <summary>Already per million tokens in config; negative or malformed prices read as 0, as the live catalog reads them.</summary>
    private static decimal Price(JsonNode? node) => Number(node) is { } price && price >= 0 ? price : 0m;

    /// <summary>A positive whole count (fractions truncated, clamped to <see cref="int.MaxValue"/>); anything else is missing.</summary>
    private static int? TokenCount(JsonNode? node) =>
        Number(node) is { } count && count >= 1 ? (int)Math.Min(decimal.Truncate(count), int.MaxValue) : null;
}
