namespace OpenClaw.OpenRouter.Errors;

/// <summary>
/// OpenRouter answered (2xx) but the answer does not have the shape the operation needs: an image response with a bad part or
/// no image at all, a video job answer that is not an object or lacks its id, a download that is HTML, JSON or empty.
/// The message is the provider spec's (<c>OpenRouter image generation response malformed</c>, …).
/// </summary>
public sealed class OpenRouterMalformedResponseException : OpenRouterException
{
    public OpenRouterMalformedResponseException()
    {
    }

    public OpenRouterMalformedResponseException(string message) : base(message)
    {
    }

    public OpenRouterMalformedResponseException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <inheritdoc/>
    public override bool IsTransient => false;
}
