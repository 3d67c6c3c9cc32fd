namespace OpenClaw.OpenRouter.Emulator.Videos;

/// <summary>One <c>POST /videos</c> job and how it is scripted to end.</summary>
internal sealed class VideoJob
{
    private int _polls;

    public required string Id { get; init; }

    public required string ApiKey { get; init; }

    public required string GenerationId { get; init; }

    public required string Model { get; init; }

    public required decimal Cost { get; init; }

    /// <summary>The terminal status: <c>completed</c>, <c>failed</c>, <c>expired</c>, <c>cancelled</c>, or an unknown one.</summary>
    public string Fate { get; init; } = "completed";

    public string? Error { get; init; }

    public bool NeverFinishes { get; init; }

    public bool CompletedOnSubmit { get; init; }

    public int PollsToComplete { get; init; } = 2;

    public bool ForeignUrls { get; init; }

    public bool RelativePollingUrl { get; init; }

    public bool NoUnsignedUrls { get; init; }

    /// <summary>What the download serves instead of the video: <c>html</c>, <c>empty</c>, or <see langword="null"/>.</summary>
    public string? BrokenContent { get; init; }

    public bool WebM { get; init; }

    public long? OversizeBytes { get; init; }

    public int Polls => Volatile.Read(ref _polls);

    public string StatusAfterSubmit => CompletedOnSubmit ? Fate : "pending";

    /// <summary>Counts one status poll and returns the status it reports.</summary>
    public string Poll()
    {
        var polls = Interlocked.Increment(ref _polls);
        if (CompletedOnSubmit)
        {
            return Fate;
        }
        return NeverFinishes || polls < PollsToComplete ? "in_progress" : Fate;
    }

    /// <summary>The status without counting a poll (for downloads).</summary>
    public string CurrentStatus => CompletedOnSubmit || (!NeverFinishes && Polls >= PollsToComplete) ? Fate : Polls == 0 ? "pending" : "in_progress";
}
