using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OpenClaw.OpenRouter.Shaping;

/// <summary>Provider spec §5.3: <c>X-OpenRouter-Cache</c>, <c>-TTL</c> and <c>-Clear</c> from the merged params.</summary>
internal static partial class ResponseCacheHeaders
{
    public const string Cache = "X-OpenRouter-Cache";
    public const string Ttl = "X-OpenRouter-Cache-TTL";
    public const string Clear = "X-OpenRouter-Cache-Clear";

    private static readonly string[] EnableKeys = ["responseCache", "response_cache"];
    private static readonly string[] ClearKeys = ["responseCacheClear", "response_cache_clear"];
    private static readonly string[] TtlKeys = ["responseCacheTtlSeconds", "response_cache_ttl_seconds", "responseCacheTtl", "response_cache_ttl"];

    /// <summary>The headers, in order; empty when caching is not configured.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> From(JsonObject parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var enable = JsonNodes.TryGetFirst(parameters, EnableKeys, out var enableNode) ? ParseBoolean(enableNode) : null;
        var clear = JsonNodes.TryGetFirst(parameters, ClearKeys, out var clearNode) ? ParseBoolean(clearNode) : null;
        var enabled = enable ?? (clear == true ? true : null);
        if (enabled is null)
        {
            return [];
        }
        if (enabled == false)
        {
            return [new(Cache, "false")];
        }
        var headers = new List<KeyValuePair<string, string>> { new(Cache, "true") };
        if (JsonNodes.TryGetFirst(parameters, TtlKeys, out var ttlNode) && ParseTtl(ttlNode) is { } ttl)
        {
            headers.Add(new(Ttl, ttl.ToString(CultureInfo.InvariantCulture)));
        }
        if (clear == true)
        {
            headers.Add(new(Clear, "true"));
        }
        return headers;
    }

    /// <summary>A JSON boolean as is; strings <c>1 true yes on enable enabled</c> / <c>0 false no off disable disabled</c>; else unset.</summary>
    public static bool? ParseBoolean(JsonNode? node)
    {
        if (node is JsonValue value)
        {
            switch (value.GetValueKind())
            {
                case System.Text.Json.JsonValueKind.True:
                    return true;
                case System.Text.Json.JsonValueKind.False:
                    return false;
                case System.Text.Json.JsonValueKind.String:
                    return value.GetValue<string>().Trim().ToLowerInvariant() switch
                    {
                        "1" or "true" or "yes" or "on" or "enable" or "enabled" => true,
                        "0" or "false" or "no" or "off" or "disable" or "disabled" => false,
                        _ => null,
                    };
            }
        }
        return null;
    }

    /// <summary>A finite number or strictly numeric string, truncated toward zero and clamped to [1, 86400].</summary>
    public static long? ParseTtl(JsonNode? node)
    {
        double seconds;
        if (JsonNodes.TryGetNumber(node, out var number))
        {
            seconds = number;
        }
        else if (JsonNodes.AsString(node)?.Trim() is { } text && NumericPattern().IsMatch(text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed))
        {
            seconds = parsed;
        }
        else
        {
            return null;
        }
        return (long)Math.Clamp(Math.Truncate(seconds), 1, 86_400);
    }

    [GeneratedRegex(@"^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumericPattern();
}
