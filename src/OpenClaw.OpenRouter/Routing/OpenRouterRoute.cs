namespace OpenClaw.OpenRouter.Routing;

/// <summary>
/// The two independent classifications of provider spec §4.2 for one request. Each rule asks the one the spec assigns to it:
/// <see cref="IsVerified"/> (canonical base URL) or <see cref="Endpoint"/> (host based). They are never merged.
/// </summary>
/// <param name="BaseUrl">The resolved base URL, or <see langword="null"/> when none was configured.</param>
/// <param name="IsVerified">The base URL is canonical (or absent with provider <c>openrouter</c>) and the API style is OpenAI completions.</param>
/// <param name="Endpoint">The host-based endpoint class.</param>
public sealed record OpenRouterRoute(Uri? BaseUrl, bool IsVerified, EndpointClass Endpoint)
{
    /// <summary>The provider id this library serves.</summary>
    public const string ProviderId = "openrouter";

    /// <summary>"OpenRouter endpoint" of the spec: class <c>openrouter</c>, or class <c>default</c> with provider <c>openrouter</c>.</summary>
    public bool IsOpenRouterEndpoint => Endpoint is EndpointClass.OpenRouter or EndpointClass.Default;

    /// <summary>Classifies a configured base URL (raw, as configured; <see langword="null"/> or empty when none).</summary>
    public static OpenRouterRoute Classify(string? configuredBaseUrl, string providerId = ProviderId)
    {
        if (string.IsNullOrWhiteSpace(configuredBaseUrl))
        {
            var isOpenRouter = string.Equals(providerId.Trim(), ProviderId, StringComparison.OrdinalIgnoreCase);
            return new OpenRouterRoute(null, isOpenRouter, EndpointClass.Default);
        }
        var verified = OpenRouterBaseUrl.IsCanonical(configuredBaseUrl);
        Uri? resolved;
        try
        {
            resolved = OpenRouterBaseUrl.Resolve(configuredBaseUrl);
        }
        catch (ArgumentException)
        {
            return new OpenRouterRoute(null, false, EndpointClass.Invalid);
        }
        return new OpenRouterRoute(resolved, verified, ClassifyHost(resolved));
    }

    /// <summary>The endpoint class of an absolute URL's host.</summary>
    public static EndpointClass ClassifyHost(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var host = url.Host.ToLowerInvariant();
        if (host.Length == 0)
        {
            return EndpointClass.Invalid;
        }
        if (host == "openrouter.ai" || host.EndsWith(".openrouter.ai", StringComparison.Ordinal))
        {
            return EndpointClass.OpenRouter;
        }
        if (host is "localhost" or "127.0.0.1" or "::1" or "[::1]"
            || host.EndsWith(".localhost", StringComparison.Ordinal)
            || host.EndsWith(".local", StringComparison.Ordinal)
            || host.EndsWith(".internal", StringComparison.Ordinal))
        {
            return EndpointClass.Local;
        }
        return EndpointClass.Custom;
    }
}
