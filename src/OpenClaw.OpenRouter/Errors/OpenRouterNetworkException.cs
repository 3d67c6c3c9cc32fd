namespace OpenClaw.OpenRouter.Errors;

/// <summary>
/// OpenRouter could not be reached or the connection broke (DNS, refused, reset, TLS, a stream cut without an error event).
/// The message is the provider spec's <c>LLM request failed: network connection error.</c>; the cause is the inner exception.
/// </summary>
public sealed class OpenRouterNetworkException : OpenRouterException
{
    /// <summary>The message every network-level failure carries.</summary>
    public const string NetworkFailureMessage = "LLM request failed: network connection error.";

    public OpenRouterNetworkException() : base(NetworkFailureMessage)
    {
    }

    public OpenRouterNetworkException(string message) : base(message)
    {
    }

    public OpenRouterNetworkException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public OpenRouterNetworkException(Exception innerException) : base(NetworkFailureMessage, innerException)
    {
    }

    /// <summary>True when no byte of the answer had arrived, so sending again cannot duplicate output.</summary>
    public bool BeforeResponse { get; init; }

    /// <inheritdoc/>
    public override bool IsTransient => BeforeResponse;
}
