namespace OpenClaw.OpenRouter.Errors;

/// <summary>402 — no credits or a key spend limit. Never retried.</summary>
public sealed class OpenRouterPaymentRequiredException : OpenRouterException
{
    public OpenRouterPaymentRequiredException()
    {
    }

    public OpenRouterPaymentRequiredException(string message) : base(message)
    {
    }

    public OpenRouterPaymentRequiredException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public OpenRouterPaymentRequiredException(OpenRouterErrorDetails details, Exception? innerException = null) : base(details, innerException)
    {
    }
}
