using System.Text.Json;
using OpenClaw.OpenRouter.Reasoning;

namespace OpenClaw.OpenRouter.Models;

/// <summary>
/// Turns rows of <c>GET /models</c> into <see cref="OpenRouterModelInfo"/>: the unauthenticated capability lookup (provider
/// spec §6.2) and the live catalog of <c>models list --refresh</c> (§6.3). Malformed values fall back to defaults; only a
/// row without an id is rejected.
/// </summary>
public static class CatalogRowReader
{
    /// <summary>The context window the capability lookup assumes when a row states none (§6.2).</summary>
    public const int CapabilityDefaultContextWindow = 128_000;

    /// <summary>The context window the live catalog assumes when a row states none (§6.3).</summary>
    public const int LiveDefaultContextWindow = 200_000;

    private const decimal TokensPerMillion = 1_000_000m;

    /// <summary>A row as the capability lookup reads it (§6.2); <see langword="null"/> when it has no id.</summary>
    public static OpenRouterModelInfo? ReadCapabilities(JsonElement row) => Read(row, live: false);

    /// <summary>
    /// A row as the live catalog reads it (§6.3); <see langword="null"/> when it has no id or is not a chat model (it declares
    /// output modalities and <c>text</c> is not among them).
    /// </summary>
    public static OpenRouterModelInfo? ReadLiveRow(JsonElement row) => Read(row, live: true);

    /// <summary>
    /// Every usable row of a <c>{"data":[…]}</c> document, in document order. Rows that are not objects or that the row reader
    /// rejects are skipped; a document without a <c>data</c> array yields nothing.
    /// </summary>
    public static IReadOnlyList<OpenRouterModelInfo> ReadCatalog(JsonElement root, bool live)
    {
        if (JsonValues.Array(root, "data") is not { } data)
        {
            return [];
        }
        var rows = new List<OpenRouterModelInfo>();
        foreach (var element in data.EnumerateArray())
        {
            if (element.ValueKind == JsonValueKind.Object && Read(element, live) is { } row)
            {
                rows.Add(row);
            }
        }
        return rows;
    }

    /// <summary>
    /// The bundled rows plus <paramref name="live"/>, one row per id (a live row replaces the bundled one; among duplicate live
    /// rows the last wins), sorted by id ordinally (§6.3).
    /// </summary>
    public static IReadOnlyList<OpenRouterModelInfo> MergeWithBundled(IEnumerable<OpenRouterModelInfo> live)
    {
        ArgumentNullException.ThrowIfNull(live);
        var byId = new Dictionary<string, OpenRouterModelInfo>(StringComparer.Ordinal);
        foreach (var row in BundledModels.All)
        {
            byId[row.Id] = row;
        }
        foreach (var row in live)
        {
            byId[row.Id] = row;
        }
        return [.. byId.Values.OrderBy(row => row.Id, StringComparer.Ordinal)];
    }

    private static OpenRouterModelInfo? Read(JsonElement row, bool live)
    {
        if (JsonValues.String(row, "id")?.Trim() is not { Length: > 0 } id)
        {
            return null;
        }
        var architecture = JsonValues.Object(row, "architecture");
        if (live && !ProducesText(architecture))
        {
            return null;
        }
        var parameters = JsonValues.Array(row, "supported_parameters");
        var reasoning = HasParameter(parameters, "reasoning") || (live && HasParameter(parameters, "include_reasoning"));
        var reasoningObject = JsonValues.Object(row, "reasoning");
        var mandatory = reasoningObject is { } declared && JsonValues.Boolean(declared, "mandatory") == true;
        var topProvider = JsonValues.Object(row, "top_provider");
        return new OpenRouterModelInfo
        {
            Id = id,
            Name = JsonValues.String(row, "name") is { } name && !string.IsNullOrWhiteSpace(name) ? name : id,
            Reasoning = reasoning,
            Input = AcceptsImages(architecture) ? ["text", "image"] : ["text"],
            SupportsTools = parameters is null ? null : HasParameter(parameters, "tools"),
            SupportedReasoningEfforts = reasoningObject is { } metadata ? Efforts(metadata, mandatory) : null,
            ReasoningMandatory = mandatory,
            Pricing = Pricing(JsonValues.Object(row, "pricing")),
            ContextWindow = PositiveInt(topProvider, "context_length")
                ?? PositiveInt(row, "context_length")
                ?? (live ? LiveDefaultContextWindow : CapabilityDefaultContextWindow),
            MaxTokens = PositiveInt(topProvider, "max_completion_tokens")
                ?? PositiveInt(row, "max_completion_tokens")
                ?? PositiveInt(row, "max_output_tokens")
                ?? OpenRouterModelInfo.DefaultMaxTokens,
        };
    }

    /// <summary>
    /// <c>supported_efforts</c>: a list gains <c>none</c> in front unless reasoning is mandatory; an empty list means binary
    /// reasoning; null or absent means any gateway effort. Any other shape is treated as unknown rather than guessed.
    /// </summary>
    private static List<ReasoningEffort>? Efforts(JsonElement reasoning, bool mandatory)
    {
        var declared = JsonValues.Property(reasoning, "supported_efforts");
        IReadOnlyList<ReasoningEffort> efforts;
        switch (declared)
        {
            case null:
                efforts = ReasoningEffort.Gateway;
                break;
            case { ValueKind: JsonValueKind.Array } array when array.GetArrayLength() == 0:
                return [];
            case { ValueKind: JsonValueKind.Array } array:
                efforts = array.EnumerateArray()
                    .Where(item => item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString()))
                    .Select(item => new ReasoningEffort(item.GetString()!))
                    .ToList();
                if (efforts.Count == 0)
                {
                    return null;
                }
                break;
            default:
                return null;
        }
        var result = new List<ReasoningEffort>();
        if (!mandatory)
        {
            result.Add(ReasoningEffort.None);
        }
        foreach (var effort in efforts)
        {
            if (!result.Contains(effort))
            {
                result.Add(effort);
            }
        }
        return result;
    }

    private static bool HasParameter(JsonElement? parameters, string name)
    {
        if (parameters is not { } array)
        {
            return false;
        }
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && string.Equals(item.GetString(), name, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The spec reads the input side of <c>architecture.modality</c>; rows that only carry <c>input_modalities</c> are read
    /// from that list so a vision model is not mistaken for text-only.
    /// </summary>
    private static bool AcceptsImages(JsonElement? architecture)
    {
        if (architecture is not { } arch)
        {
            return false;
        }
        if (JsonValues.String(arch, "modality") is { } modality)
        {
            return ModalitySide(modality, input: true).Contains("image", StringComparer.Ordinal);
        }
        return Strings(JsonValues.Array(arch, "input_modalities")).Contains("image", StringComparer.Ordinal);
    }

    /// <summary>Output modalities from <c>output_modalities</c>, else the output side of <c>modality</c>; none declared counts as text.</summary>
    private static bool ProducesText(JsonElement? architecture)
    {
        if (architecture is not { } arch)
        {
            return true;
        }
        var outputs = JsonValues.Array(arch, "output_modalities") is { } declared
            ? Strings(declared)
            : JsonValues.String(arch, "modality") is { } modality ? ModalitySide(modality, input: false) : [];
        return outputs.Count == 0 || outputs.Contains("text", StringComparer.Ordinal);
    }

    /// <summary>One side of <c>"text+image-&gt;text"</c>, lower-cased; a value without an arrow is read as the input side only.</summary>
    private static List<string> ModalitySide(string modality, bool input)
    {
        var arrow = modality.IndexOf("->", StringComparison.Ordinal);
        var side = arrow < 0 ? (input ? modality : "") : input ? modality[..arrow] : modality[(arrow + 2)..];
        return [.. side.Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(part => part.ToLowerInvariant())];
    }

    private static List<string> Strings(JsonElement? array)
    {
        var values = new List<string>();
        if (array is { } items)
        {
            foreach (var item in items.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && item.GetString()?.Trim().ToLowerInvariant() is { Length: > 0 } value)
                {
                    values.Add(value);
                }
            }
        }
        return values;
    }

    private static ModelPricing Pricing(JsonElement? pricing)
    {
        if (pricing is not { } prices)
        {
            return ModelPricing.Free;
        }
        return new ModelPricing(
            PerMillion(prices, "prompt"),
            PerMillion(prices, "completion"),
            PerMillion(prices, "input_cache_read"),
            PerMillion(prices, "input_cache_write"));
    }

    /// <summary>Per-token USD × 1,000,000. Invalid and negative values (the router rows' <c>"-1"</c> means "varies") read as 0.</summary>
    private static decimal PerMillion(JsonElement prices, string name)
    {
        if (JsonValues.Decimal(prices, name) is not { } perToken || perToken < 0)
        {
            return 0m;
        }
        try
        {
            // Normalising drops the trailing zeros the multiplication leaves (3.000000 → 3) so prices print as the table reads.
            return (perToken * TokensPerMillion) / 1.000000000000000000000000000000000m;
        }
        catch (OverflowException)
        {
            return 0m;
        }
    }

    /// <summary>A positive token count, clamped to <see cref="int.MaxValue"/>; zero, negative and malformed values count as missing.</summary>
    private static int? PositiveInt(JsonElement? obj, string name)
    {
        if (obj is not { } holder || JsonValues.Int64(holder, name) is not { } value || value <= 0)
        {
            return null;
        }
        return (int)Math.Min(value, int.MaxValue);
    }
}
