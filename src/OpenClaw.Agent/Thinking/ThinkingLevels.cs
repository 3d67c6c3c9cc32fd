using OpenClaw.OpenRouter.Reasoning;

namespace OpenClaw.Agent.Thinking;

/// <summary>What users type for a thinking level (CLI spec §4).</summary>
public static class ThinkingLevels
{
    /// <summary>The message for an unknown word: <c>Invalid thinking level. Use one of: off, minimal, low, medium, high, xhigh, adaptive, max.</c></summary>
    public static string InvalidMessage => throw new NotImplementedException();

    /// <summary>
    /// Parses a level, trimmed and case-insensitive, with the aliases <c>x-high</c>, <c>x_high</c>, <c>extra-high</c>,
    /// <c>extra high</c> → <c>xhigh</c> and <c>highest</c> → <c>high</c>.
    /// </summary>
    public static bool TryParse(string? text, out ThinkingLevel level) => throw new NotImplementedException();

    /// <summary>
    /// A configured thinking default: a level word, or <c>false</c>/<c>"disabled"</c>/<c>"off"</c> → <see cref="ThinkingLevel.Off"/>;
    /// anything else → <see langword="null"/> (ignored).
    /// </summary>
    public static ThinkingLevel? FromConfig(System.Text.Json.Nodes.JsonNode? value) => throw new NotImplementedException();
}
