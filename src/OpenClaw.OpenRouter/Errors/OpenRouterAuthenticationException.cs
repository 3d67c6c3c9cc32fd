namespace OpenClaw.OpenRouter.Errors;

/// <summary>401 — missing or unknown key. Never retried.</summary>
public sealed class OpenRouterAuthenticationException : OpenRouterException
{
    public OpenRouterAuthenticationException()
    {
    }

    public OpenRouterAuthenticationException(string message) : base(message)
    {
    }

    public OpenRouterAuthenticationException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public OpenRouterAuthenticationException(OpenRouterErrorDetails details, Exception? innerException = null) : base(details, innerException)
    {
    }
}
