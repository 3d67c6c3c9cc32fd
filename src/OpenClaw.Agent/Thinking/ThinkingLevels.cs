using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OpenClaw.OpenRouter.Reasoning;

namespace OpenClaw.Agent.Thinking;

/// <summary>What users type for a thinking level (CLI spec §4).</summary>
public static partial class ThinkingLevels
{
    /// <summary>The message for an unknown word: <c>Invalid thinking level. Use one of: off, minimal, low, medium, high, xhigh, adaptive, max.</c></summary>
    public static string InvalidMessage { get; } = $"Invalid thinking level. Use one of: {string.Join(", ", ThinkingLevel.All)}.";

    /// <summary>
    /// Parses a level, trimmed and case-insensitive, with the aliases <c>x-high</c>, <c>x_high</c>, <c>extra-high</c>,
    /// <c>extra high</c> → <c>xhigh</c> and <c>highest</c> → <c>high</c>.
    /// </summary>
    public static bool TryParse(string? text, out ThinkingLevel level)
    {
        level = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        // "extra  high" typed with two spaces is still the alias.
        var word = Whitespace().Replace(text.Trim(), " ").ToLowerInvariant();
        word = word switch
        {
            "x-high" or "x_high" or "extra-high" or "extra high" => ThinkingLevel.XHigh.Value,
            "highest" => ThinkingLevel.High.Value,
            _ => word,
        };
        if (!ThinkingLevel.TryParse(word, out var parsed))
        {
            return false;
        }
        level = parsed.Value;
        return true;
    }

    /// <summary>
    /// A configured thinking default: a level word, or <c>false</c>/<c>"disabled"</c>/<c>"off"</c> → <see cref="ThinkingLevel.Off"/>;
    /// anything else → <see langword="null"/> (ignored).
    /// </summary>
    public static ThinkingLevel? FromConfig(JsonNode? value)
    {
        if (value is not JsonValue scalar)
        {
            return null;
        }
        switch (scalar.GetValueKind())
        {
            case JsonValueKind.False:
                return ThinkingLevel.Off;
            case JsonValueKind.String:
                var text = scalar.GetValue<string>();
                if (string.Equals(text.Trim(), "disabled", StringComparison.OrdinalIgnoreCase))
                {
                    return ThinkingLevel.Off;
                }
                return TryParse(text, out var level) ? level : null;
            default:
                return null;
        }
    }

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
