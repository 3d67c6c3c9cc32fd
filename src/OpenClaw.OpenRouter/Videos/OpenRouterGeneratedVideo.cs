namespace OpenClaw.OpenRouter.Videos;

/// <summary>
/// The finished video: its bytes, or — when it is larger than the media cap and its URL is http(s) — only its URL
/// (<see cref="Data"/> empty, <see cref="Url"/> set).
/// </summary>
public sealed record OpenRouterGeneratedVideo
{
    /// <summary>The video; empty when only <see cref="Url"/> is given.</summary>
    public ReadOnlyMemory<byte> Data { get; init; }

    /// <summary>Where the video is, when it was too large to download.</summary>
    public Uri? Url { get; init; }

    /// <summary>From <c>Content-Type</c> (<c>video/mp4</c> when absent).</summary>
    public required string MediaType { get; init; }

    /// <summary><c>video-1.mp4</c>, <c>video-1.webm</c>, …</summary>
    public required string FileName { get; init; }

    /// <summary>True when the video was too large and only its URL is given.</summary>
    public bool IsUrlOnly => Data.IsEmpty && Url is not null;
}
