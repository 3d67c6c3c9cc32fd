namespace OpenClaw.OpenRouter.Videos;

/// <summary>A finished video job.</summary>
public sealed record OpenRouterVideoResult
{
    public required OpenRouterGeneratedVideo Video { get; init; }

    /// <summary>The completed job's <c>model</c>, else the requested API id.</summary>
    public required string Model { get; init; }

    public required string JobId { get; init; }

    public required OpenRouterVideoStatus Status { get; init; }

    /// <summary>The completed answer's <c>generation_id</c>, else the submit answer's (for <c>GET /generation</c>).</summary>
    public string? GenerationId { get; init; }

    /// <summary><c>usage.cost</c>, when reported.</summary>
    public decimal? Cost { get; init; }

    /// <summary><c>usage.is_byok</c>, when reported.</summary>
    public bool? IsByok { get; init; }

    /// <summary>How many status polls were made.</summary>
    public int Polls { get; init; }
}
