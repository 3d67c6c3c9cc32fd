namespace OpenClaw.OpenRouter.Routing;

/// <summary>The host-based class of a base URL (provider spec §4.2). Our own closed classification, not an OpenRouter vocabulary.</summary>
public enum EndpointClass
{
    /// <summary>No base URL configured.</summary>
    Default,

    /// <summary>Host <c>openrouter.ai</c> or a subdomain of it.</summary>
    OpenRouter,

    /// <summary>A loopback or local host (<c>localhost</c>, <c>127.0.0.1</c>, <c>::1</c>, <c>*.localhost</c>, <c>*.local</c>, <c>*.internal</c>).</summary>
    Local,

    /// <summary>Any other host: a custom proxy.</summary>
    Custom,

    /// <summary>The URL could not be parsed.</summary>
    Invalid,
}
