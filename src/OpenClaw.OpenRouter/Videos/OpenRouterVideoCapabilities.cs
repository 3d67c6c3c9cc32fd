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

    /// <summary>
    /// A row of <c>GET /videos/models</c>: <c>supported_durations</c> (whole positive seconds, ascending; the defaults' durations
    /// when missing or empty), <c>supported_resolutions</c> (upper-cased), <c>supported_aspect_ratios</c>, <c>supported_sizes</c>,
    /// <c>generate_audio</c> (<see langword="true"/> only), <c>supported_frame_images</c> (max input images = the number of
    /// distinct frame types). A missing string list stays empty: not checked.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="row"/> is not a JSON object.</exception>
    public static OpenRouterVideoCapabilities FromCatalogRow(JsonElement row)
    {
        if (row.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("A video model row must be a JSON object.", nameof(row));
        }
        var durations = new SortedSet<int>();
        foreach (var item in Items(row, "supported_durations"))
        {
            if (item.ValueKind == JsonValueKind.Number && item.TryGetDouble(out var seconds)
                && double.IsFinite(seconds) && Math.Floor(seconds) == seconds && seconds is >= 1 and <= int.MaxValue)
            {
                durations.Add((int)seconds);
            }
        }
        var frameTypes = Strings(row, "supported_frame_images", upper: false);
        return new OpenRouterVideoCapabilities
        {
            Durations = durations.Count > 0 ? [.. durations] : Default.Durations,
            Resolutions = Strings(row, "supported_resolutions", upper: true),
            AspectRatios = Strings(row, "supported_aspect_ratios", upper: false),
            Sizes = Strings(row, "supported_sizes", upper: false),
            SupportsAudio = row.TryGetProperty("generate_audio", out var audio) && audio.ValueKind == JsonValueKind.True,
            FrameTypes = frameTypes,
            MaxInputImages = frameTypes.Length,
        };
    }

    private static IEnumerable<JsonElement> Items(JsonElement row, string name) =>
        row.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : [];

    /// <summary>The non-empty strings of a list, trimmed, without repeats, in the row's order.</summary>
    private static string[] Strings(JsonElement row, string name, bool upper)
    {
        var values = new List<string>();
        foreach (var item in Items(row, name))
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString() is { } text && !string.IsNullOrWhiteSpace(text))
            {
                var value = upper ? text.Trim().ToUpperInvariant() : text.Trim();
                if (!values.Contains(value, StringComparer.Ordinal))
                {
                    values.Add(value);
                }
            }
        }
        return [.. values];
    }
}
