namespace OpenClaw.OpenRouter.Videos;

/// <summary>A progress report of a video job, sent at every phase change and after every poll.</summary>
public sealed record OpenRouterVideoProgress
{
    public required OpenRouterVideoPhase Phase { get; init; }

    /// <summary>The job id, once submitted.</summary>
    public string? JobId { get; init; }

    /// <summary>The last status OpenRouter reported, once submitted.</summary>
    public OpenRouterVideoStatus? Status { get; init; }

    /// <summary>Status polls made so far.</summary>
    public int Polls { get; init; }

    /// <summary>Time since the job started, on the client's <see cref="TimeProvider"/>.</summary>
    public TimeSpan Elapsed { get; init; }
}
