namespace OpenClaw.OpenRouter.Chat;

/// <summary>Where a thinking level came from, which decides between rejecting and clamping an unsupported one.</summary>
public enum ThinkingLevelSource
{
    /// <summary>Typed by the user for this call (<c>--thinking</c>): unsupported levels are an error.</summary>
    Explicit,

    /// <summary>A configured default (<c>thinkingDefault</c>): unsupported levels clamp down.</summary>
    Configured,
}
