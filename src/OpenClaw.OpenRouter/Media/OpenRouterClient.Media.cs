namespace OpenClaw.OpenRouter;

/// <summary>What image, video and speech requests share: their headers and the key check.</summary>
public sealed partial class OpenRouterClient
{
    /// <summary>The message when a media request is made without a key (provider spec §3.1).</summary>
    internal const string MediaKeyMissingMessage = "OpenRouter API key missing";

    /// <summary>The media size cap in bytes (<see cref="OpenRouterClientOptions.MediaMaxBytes"/>).</summary>
    internal long MediaMaxBytes => _mediaMaxBytes;

    /// <summary>
    /// The headers of a media request to <paramref name="target"/>. On the base URL's origin: configured headers, then
    /// <c>Authorization</c>, <c>HTTP-Referer</c> and <c>X-OpenRouter-Title</c> (every base URL, as the current release sends
    /// them), and <c>X-OpenRouter-Categories</c> on an OpenRouter endpoint. On any other origin: nothing at all, so that
    /// credentials never reach storage hosts (provider spec §16).
    /// </summary>
    internal IReadOnlyList<KeyValuePair<string, string>> MediaHeaders(Uri target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!Media.MediaHttp.SameOrigin(target, _baseUrl))
        {
            return [];
        }
        var headers = new Shaping.HeaderList();
        foreach (var (name, value) in _configuredHeaders)
        {
            headers.Set(name, value);
        }
        if (_apiKey is not null)
        {
            headers.Set("Authorization", "Bearer " + _apiKey);
        }
        if (_attribution is { } attribution)
        {
            SetIfValue(headers, OpenRouterAttribution.RefererHeader, attribution.Referer);
            SetIfValue(headers, OpenRouterAttribution.TitleHeader, attribution.Title);
            if (_route.IsOpenRouterEndpoint)
            {
                SetIfValue(headers, OpenRouterAttribution.CategoriesHeader, attribution.Categories);
            }
        }
        return [.. headers];
    }

    /// <exception cref="InvalidOperationException">No API key: <c>OpenRouter API key missing</c>.</exception>
    internal void RequireMediaKey()
    {
        if (_apiKey is null)
        {
            throw new InvalidOperationException(MediaKeyMissingMessage);
        }
    }

    private static void SetIfValue(Shaping.HeaderList headers, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            headers.Set(name, value);
        }
    }
}
