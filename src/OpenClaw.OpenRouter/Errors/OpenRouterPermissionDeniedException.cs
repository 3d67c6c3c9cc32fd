namespace OpenClaw.OpenRouter.Errors;

/// <summary>403 — moderation, guardrail or key limit ("Key limit exceeded"). Never retried.</summary>
public sealed class OpenRouterPermissionDeniedException : OpenRouterException
{
    public OpenRouterPermissionDeniedException()
    {
    }

    public OpenRouterPermissionDeniedException(string message) : base(message)
    {
    }

    public OpenRouterPermissionDeniedException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public OpenRouterPermissionDeniedException(OpenRouterErrorDetails details, Exception? innerException = null) : base(details, innerException)
    {
    }
}
