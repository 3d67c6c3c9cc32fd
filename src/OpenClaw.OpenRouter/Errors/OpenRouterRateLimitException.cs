namespace OpenClaw.OpenRouter.Errors;

/// <summary>429 — rate limited; <see cref="OpenRouterException.RetryAfter"/> says how long to wait.</summary>
public sealed class OpenRouterRateLimitException : OpenRouterException
{
    public OpenRouterRateLimitException()
    {
    }

    public OpenRouterRateLimitException(string message) : base(message)
    {
    }

    public OpenRouterRateLimitException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public OpenRouterRateLimitException(OpenRouterErrorDetails details, Exception? innerException = null) : base(details, innerException)
    {
    }
}
