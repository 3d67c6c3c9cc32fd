namespace OpenClaw.OpenRouter.Errors;

/// <summary>408 or 524 from OpenRouter, or a local limit: no response headers in time, or a stream that went silent.</summary>
public sealed class OpenRouterTimeoutException : OpenRouterException
{
    public OpenRouterTimeoutException()
    {
    }

    public OpenRouterTimeoutException(string message) : base(message)
    {
    }

    public OpenRouterTimeoutException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public OpenRouterTimeoutException(OpenRouterErrorDetails details, Exception? innerException = null) : base(details, innerException)
    {
    }

    /// <summary>Which local limit fired; <see langword="null"/> when OpenRouter itself answered 408/524.</summary>
    public OpenRouterTimeoutKind? Kind { get; init; }

    /// <inheritdoc/>
    public override bool IsTransient => Kind != OpenRouterTimeoutKind.StreamIdle;
}
