namespace OpenClaw.OpenRouter;

/// <summary>
/// App attribution sent as <c>HTTP-Referer</c>, <c>X-OpenRouter-Title</c> and <c>X-OpenRouter-Categories</c> (provider spec §5.2).
/// The embedding application sets its own; the library sends none unless configured.
/// </summary>
/// <param name="Referer">The app URL (<c>HTTP-Referer</c>).</param>
/// <param name="Title">The app name (<c>X-OpenRouter-Title</c>).</param>
/// <param name="Categories">Comma-separated categories (<c>X-OpenRouter-Categories</c>).</param>
public sealed record OpenRouterAttribution(string? Referer, string? Title, string? Categories)
{
    /// <summary>The values the <c>openclaw</c> CLI sends, exactly as the OpenClaw documentation lists them.</summary>
    public static OpenRouterAttribution OpenClaw { get; } = new(
        "https://openclaw.ai",
        "OpenClaw",
        "cli-agent,cloud-agent,programming-app,creative-writing,writing-assistant,general-chat,personal-agent");

    /// <summary>Header name of the referer.</summary>
    public const string RefererHeader = "HTTP-Referer";

    /// <summary>Header name of the title.</summary>
    public const string TitleHeader = "X-OpenRouter-Title";

    /// <summary>Header name of the categories.</summary>
    public const string CategoriesHeader = "X-OpenRouter-Categories";

    /// <summary>Whether a header name is one of the three attribution headers (case-insensitive).</summary>
    public static bool IsAttributionHeader(string name) =>
        name.Equals(RefererHeader, StringComparison.OrdinalIgnoreCase)
        || name.Equals(TitleHeader, StringComparison.OrdinalIgnoreCase)
        || name.Equals(CategoriesHeader, StringComparison.OrdinalIgnoreCase);
}
