using System.Text.Json;

namespace OpenClaw.OpenRouter.Videos;

/// <summary>
/// What a video model accepts: durations (for snapping), resolutions and aspect ratios (validated before any request),
/// sizes, audio, and how many input images. Read from <c>GET {base}/videos/models</c> when a key is available, else
/// <see cref="Default"/>.
/// </summary>
public sealed record OpenRouterVideoCapabilities
{
    /// <summary>Supported durations in seconds, ascending.</summary>
    public required IReadOnlyList<int> Durations { get; init; }

    /// <summary>Supported resolutions, upper-cased (<c>720P</c>, <c>1080P</c>); empty means not checked.</summary>
    public IReadOnlyList<string> Resolutions { get; init; } = [];

    /// <summary>Supported aspect ratios; empty means not checked.</summary>
    public IReadOnlyList<string> AspectRatios { get; init; } = [];

    /// <summary>Supported <c>WIDTHxHEIGHT</c> sizes; empty means not checked.</summary>
    public IReadOnlyList<string> Sizes { get; init; } = [];

    /// <summary>Whether <c>generate_audio</c> is supported.</summary>
    public bool SupportsAudio { get; init; }

    /// <summary>Frame types the model takes (<c>first_frame</c>, <c>last_frame</c>).</summary>
    public IReadOnlyList<string> FrameTypes { get; init; } = [];

    /// <summary>Most input images (the number of distinct frame types for live rows; 4 for the defaults).</summary>
    public int MaxInputImages { get; init; } = OpenRouterVideoModels.MaxInputImages;

    /// <summary>
    /// The provider defaults (<c>google/veo-3.1-fast</c>): durations 4, 6, 8; resolutions 720P, 1080P; aspect ratios 16:9,
    /// 9:16; audio; first and last frames; up to 4 input images.
    /// </summary>
    public static OpenRouterVideoCapabilities Default { get; } = new()
    {
        Durations = [4, 6, 8],
        Resolutions = ["720P", "1080P"],
        AspectRatios = ["16:9", "9:16"],
        SupportsAudio = true,
        FrameTypes = ["first_frame", "last_frame"],
        MaxInputImages = OpenRouterVideoModels.MaxInputImages,
    };

    /// <summary>A row of <c>GET /videos/models</c> (<c>supported_durations</c>, <c>supported_resolutions</c>, …); missing lists fall back to the defaults' durations.</summary>
    public static OpenRouterVideoCapabilities FromCatalogRow(JsonElement row) => throw new NotImplementedException();
}
