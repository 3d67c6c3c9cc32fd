namespace OpenClaw.OpenRouter.Videos;

/// <summary>Where a video job is, from the client's side (for progress displays).</summary>
public enum OpenRouterVideoPhase
{
    /// <summary>Reading capabilities and sending <c>POST /videos</c>.</summary>
    Submitting,

    /// <summary>Waiting for the job: between and during status polls.</summary>
    Polling,

    /// <summary>Fetching the finished video.</summary>
    Downloading,

    /// <summary>The video is in hand.</summary>
    Done,
}
