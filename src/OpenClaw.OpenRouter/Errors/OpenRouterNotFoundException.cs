namespace OpenClaw.OpenRouter.Errors;

/// <summary>404 — no endpoint for the model, or a removed model.</summary>
public sealed class OpenRouterNotFoundException : OpenRouterException
{
    public OpenRouterNotFoundException()
    {
    }

    public OpenRouterNotFoundException(string message) : base(message)
    {
    }

    public OpenRouterNotFoundException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public OpenRouterNotFoundException(OpenRouterErrorDetails details, Exception? innerException = null) : base(details, innerException)
    {
    }
}
