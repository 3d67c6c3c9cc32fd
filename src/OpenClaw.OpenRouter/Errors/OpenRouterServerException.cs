namespace OpenClaw.OpenRouter.Errors;

/// <summary>5xx — OpenRouter or the upstream provider failed ("Provider returned error").</summary>
public sealed class OpenRouterServerException : OpenRouterException
{
    public OpenRouterServerException()
    {
    }

    public OpenRouterServerException(string message) : base(message)
    {
    }

    public OpenRouterServerException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public OpenRouterServerException(OpenRouterErrorDetails details, Exception? innerException = null) : base(details, innerException)
    {
    }
}
