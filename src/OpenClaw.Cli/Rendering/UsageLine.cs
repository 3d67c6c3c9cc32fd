using System.Globalization;
using System.Text;

namespace OpenClaw.Cli.Rendering;

/// <summary>
/// The one stderr line that ends a model run: which model answered (the routed one for <c>openrouter/auto</c>), through which
/// upstream provider, the tokens and OpenRouter's billed cost, e.g.
/// <c>anthropic/claude-sonnet-4.6 via Anthropic · 1234 in / 56 out tokens · $0.001234 · session main</c>.
/// </summary>
public static class UsageLine
{
    /// <summary>The line.</summary>
    /// <param name="model">The model that answered.</param>
    /// <param name="provider">The upstream provider, when reported.</param>
    /// <param name="promptTokens">Every prompt token, cached or not.</param>
    /// <param name="outputTokens">Completion tokens.</param>
    /// <param name="cacheReadTokens">Prompt tokens read from the provider's cache (shown when non-zero).</param>
    /// <param name="cost">The cost in US dollars; <see langword="null"/> when none was reported.</param>
    /// <param name="extra">Trailing parts, e.g. <c>session main</c>.</param>
    public static string Format(string model, string? provider, long promptTokens, long outputTokens, long cacheReadTokens, decimal? cost, params string[] extra)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(extra);
        var line = new StringBuilder(model);
        if (!string.IsNullOrWhiteSpace(provider))
        {
            line.Append(" via ").Append(provider);
        }
        line.Append(CultureInfo.InvariantCulture, $" · {promptTokens} in / {outputTokens} out tokens");
        if (cacheReadTokens > 0)
        {
            line.Append(CultureInfo.InvariantCulture, $" ({cacheReadTokens} cached)");
        }
        line.Append(" · ").Append(cost is { } dollars ? "$" + FormatCost(dollars) : "cost not reported");
        foreach (var part in extra)
        {
            line.Append(" · ").Append(part);
        }
        return line.ToString();
    }

    /// <summary>A dollar amount with every significant digit OpenRouter reported and no trailing zeros, invariant culture.</summary>
    public static string FormatCost(decimal dollars) => dollars.ToString("0.############", CultureInfo.InvariantCulture);
}
