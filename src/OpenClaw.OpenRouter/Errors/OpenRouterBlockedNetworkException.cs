namespace OpenClaw.OpenRouter.Errors;

/// <summary>
/// A media request (image, video submit, poll or download, speech) was refused before connecting because its host resolves
/// to a loopback, private, link-local or other special-use address (provider spec §15.3). Never transient: the same request
/// would be refused again. <c>models.providers.openrouter.request.allowPrivateNetwork: true</c> lifts the guard.
/// </summary>
public sealed class OpenRouterBlockedNetworkException : OpenRouterException
{
    /// <summary>The message the provider spec gives for a refused media request.</summary>
    public const string BlockedMessage = "Blocked hostname or private/internal/special-use IP address";

    public OpenRouterBlockedNetworkException() : base(BlockedMessage)
    {
    }

    public OpenRouterBlockedNetworkException(string message) : base(message)
    {
    }

    public OpenRouterBlockedNetworkException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>The host that was refused.</summary>
    public string? Host { get; init; }

    /// <inheritdoc/>
    public override bool IsTransient => false;
}
