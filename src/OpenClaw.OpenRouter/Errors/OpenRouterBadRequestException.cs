namespace OpenClaw.OpenRouter.Errors;

/// <summary>400, 413 or 422 — invalid parameters, unknown model, context too long. Never retried.</summary>
public sealed class OpenRouterBadRequestException : OpenRouterException
{
    public OpenRouterBadRequestException()
    {
    }

    public OpenRouterBadRequestException(string message) : base(message)
    {
    }

    public OpenRouterBadRequestException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public OpenRouterBadRequestException(OpenRouterErrorDetails details, Exception? innerException = null) : base(details, innerException)
    {
    }
}
