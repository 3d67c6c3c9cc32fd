namespace OpenClaw.OpenRouter;

/// <summary>Settings of an <see cref="OpenRouterClient"/>.</summary>
public sealed class OpenRouterClientOptions
{
    /// <summary>OpenRouter's canonical API base URL.</summary>
    public static readonly Uri CanonicalBaseUrl = new("https://openrouter.ai/api/v1");

    /// <summary>The API key sent as <c>Authorization: Bearer</c>. Required.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>The API base URL. The default value is <see cref="CanonicalBaseUrl"/>.</summary>
    public Uri BaseUrl { get; set; } = CanonicalBaseUrl;

    /// <summary>An optional handler, for tests and for hosts that manage their own HTTP stack.</summary>
    public HttpMessageHandler? Handler { get; set; }
}
