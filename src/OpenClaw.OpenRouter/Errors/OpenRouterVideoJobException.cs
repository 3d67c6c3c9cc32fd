namespace OpenClaw.OpenRouter.Errors;

/// <summary>
/// A video job ended without a video: <c>failed</c>, <c>cancelled</c> or <c>expired</c> (the message is the job's
/// <c>error</c>, else <c>OpenRouter video generation &lt;status&gt;</c>), or it was still running when the polls ran out
/// (<c>OpenRouter video generation did not finish in time</c>).
/// </summary>
public sealed class OpenRouterVideoJobException : OpenRouterException
{
    public OpenRouterVideoJobException()
    {
    }

    public OpenRouterVideoJobException(string message) : base(message)
    {
    }

    public OpenRouterVideoJobException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>The job id OpenRouter gave.</summary>
    public string? JobId { get; init; }

    /// <summary>The last status seen (<c>failed</c>, <c>cancelled</c>, <c>expired</c>, or a running status when out of polls).</summary>
    public string? Status { get; init; }

    /// <summary>A failed job may succeed when submitted again; one that ran out of polls is still running upstream.</summary>
    public override bool IsTransient => false;
}
