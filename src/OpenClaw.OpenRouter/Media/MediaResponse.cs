namespace OpenClaw.OpenRouter.Media;

/// <summary>A media call's successful (2xx) answer, read whole within its size cap.</summary>
internal sealed record MediaResponse
{
    public required int StatusCode { get; init; }

    /// <summary>The media type of the body (<c>Content-Type</c> without parameters), if any.</summary>
    public string? MediaType { get; init; }

    /// <summary>The body; empty when <see cref="Overflowed"/>.</summary>
    public required byte[] Body { get; init; }

    /// <summary>True when the body was larger than the cap and <see cref="MediaRequest.OverflowAllowed"/> was set; nothing was kept.</summary>
    public bool Overflowed { get; init; }

    /// <summary>The URL that answered, after redirects.</summary>
    public required Uri Url { get; init; }

    /// <summary><c>X-Generation-Id</c>, if sent.</summary>
    public string? GenerationId { get; init; }
}
