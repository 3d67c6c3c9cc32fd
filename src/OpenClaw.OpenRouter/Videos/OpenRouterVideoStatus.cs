namespace OpenClaw.OpenRouter.Videos;

/// <summary>A video job's <c>status</c>, string-backed: OpenRouter may add values (an unknown one is kept as written).</summary>
public readonly record struct OpenRouterVideoStatus(string Value)
{
    public static OpenRouterVideoStatus Queued { get; } = new("queued");
    public static OpenRouterVideoStatus Pending { get; } = new("pending");
    public static OpenRouterVideoStatus InProgress { get; } = new("in_progress");
    public static OpenRouterVideoStatus Processing { get; } = new("processing");
    public static OpenRouterVideoStatus Running { get; } = new("running");
    public static OpenRouterVideoStatus Completed { get; } = new("completed");
    public static OpenRouterVideoStatus Failed { get; } = new("failed");
    public static OpenRouterVideoStatus Cancelled { get; } = new("cancelled");
    public static OpenRouterVideoStatus Expired { get; } = new("expired");

    /// <summary>Still working: <c>queued</c>, <c>pending</c>, <c>in_progress</c>, <c>processing</c>, <c>running</c>.</summary>
    public bool IsRunning => Value is "queued" or "pending" or "in_progress" or "processing" or "running";

    /// <summary>Ended without a video: <c>failed</c>, <c>cancelled</c>, <c>expired</c>.</summary>
    public bool IsFailure => Value is "failed" or "cancelled" or "expired";

    /// <summary>Neither running nor terminal: an answer the client does not understand (malformed).</summary>
    public bool IsKnown => IsRunning || IsFailure || Value == "completed";

    public override string ToString() => Value ?? "";
}
