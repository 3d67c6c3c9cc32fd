using System.Text.RegularExpressions;
namespace OpenClaw.OpenRouter.Routing;

/// <summary>OpenRouter's API base URLs and the canonicalisation rules of provider spec §4.1.</summary>
public static partial class OpenRouterBaseUrl
{
    /// <summary>The canonical base URL, <c>https://openrouter.ai/api/v1</c>.</summary>
    public const string Canonical = "https://openrouter.ai/api/v1";

    /// <summary>The legacy base URL, accepted and rewritten to <see cref="Canonical"/>.</summary>
    public const string Legacy = "https://openrouter.ai/v1";

    /// <summary>The canonical base URL when <paramref name="baseUrl"/> is canonical or legacy (trailing slashes ignored, case-sensitive); otherwise <see langword="null"/>.</summary>
    public static string? Normalize(string? baseUrl)
    {
        if (baseUrl is null)
        {
            return null;
        }
        var trimmed = baseUrl.Trim().TrimEnd('/');
        return trimmed is Canonical or Legacy ? Canonical : null;
    }

    /// <summary>
    /// The base URL requests go to: canonical when <see cref="Normalize"/> recognises it, the trimmed value without trailing
    /// slashes otherwise, <see cref="Canonical"/> when empty.
    /// </summary>
    /// <exception cref="ArgumentException">The URL is not an absolute http(s) URL, or carries user info, a query or a fragment.</exception>
    public static Uri Resolve(string? baseUrl)
    {
        var canonical = Normalize(baseUrl);
        var value = canonical ?? baseUrl?.Trim().TrimEnd('/') ?? "";
        if (value.Length == 0)
        {
            value = Canonical;
        }
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            throw Invalid(value, "not an absolute URL");
        }
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            throw Invalid(value, $"scheme \"{uri.Scheme}\" is not http or https");
        }
        if (uri.UserInfo.Length > 0)
        {
            throw Invalid(value, "user info is not allowed");
        }
        if (uri.Query.Length > 0 || value.Contains('?', StringComparison.Ordinal))
        {
            throw Invalid(value, "a query is not allowed");
        }
        if (uri.Fragment.Length > 0 || value.Contains('#', StringComparison.Ordinal))
        {
            throw Invalid(value, "a fragment is not allowed");
        }
        return uri;
    }

    /// <summary>Whether <paramref name="baseUrl"/> resolves to the canonical base (the verified-route condition, §4.2).</summary>
    public static bool IsCanonical(string? baseUrl) => Normalize(baseUrl) is not null;

    private static ArgumentException Invalid(string value, string reason) =>
        new($"Invalid OpenRouter API base URL: {Displayable(value)} ({reason})", "baseUrl");

    /// <summary>
    /// The URL as far as it is safe to print: user info, a query or a fragment can carry a password or a key (people paste
    /// <c>?api_key=…</c>), so they are replaced by a marker, and any token-like run of 24 or more characters (a key pasted
    /// as a host or path) by an ellipsis. What remains still shows the user which setting is wrong.
    /// </summary>
    private static string Displayable(string value)
    {
        if (value.Contains('@', StringComparison.Ordinal))
        {
            return "(a URL with user info)";
        }
        var cut = value.IndexOfAny(['?', '#']);
        var shown = cut < 0 ? value : value[..cut] + value[cut] + "…";
        return LongToken().Replace(shown, "…");
    }

    [GeneratedRegex("[A-Za-z0-9_\\-]{24,}")]
    private static partial Regex LongToken();
}
