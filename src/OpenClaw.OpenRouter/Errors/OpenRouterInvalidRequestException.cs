namespace OpenClaw.OpenRouter.Errors;

/// <summary>
/// A request refused before anything was sent because the model cannot honour it: too many reference images, a video
/// resolution or aspect ratio the model does not list, a video reference input, a seed that is not an integer. The message
/// names the value and what is allowed.
/// </summary>
public sealed class OpenRouterInvalidRequestException : OpenRouterException
{
    public OpenRouterInvalidRequestException()
    {
    }

    public OpenRouterInvalidRequestException(string message) : base(message)
    {
    }

    public OpenRouterInvalidRequestException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <inheritdoc/>
    public override bool IsTransient => false;
}
