namespace OpenClaw.OpenRouter.Media;

/// <summary>
/// An input image (or, refused by video generation, a video) for an image edit or a video: bytes with their media type, sent
/// as a <c>data:</c> URL, or a URL sent as is.
/// </summary>
public sealed record OpenRouterMediaInput
{
    /// <summary>The bytes; empty when <see cref="Url"/> is used.</summary>
    public ReadOnlyMemory<byte> Data { get; init; }

    /// <summary>The media type of <see cref="Data"/> (<c>image/png</c> when absent).</summary>
    public string? MediaType { get; init; }

    /// <summary>A URL to send when there are no bytes (<c>https://…</c> or an existing <c>data:</c> URL).</summary>
    public string? Url { get; init; }

    /// <summary>For video requests: which frame or reference this image is.</summary>
    public OpenRouterMediaRole Role { get; init; }

    /// <summary>True when this input is a video (media type <c>video/*</c>, or a <c>data:video/…</c> URL), which video generation refuses.</summary>
    public bool IsVideo =>
        (MediaType is { } type && type.Trim().StartsWith("video/", StringComparison.OrdinalIgnoreCase))
        || (Url is { } url && url.TrimStart().StartsWith("data:video/", StringComparison.OrdinalIgnoreCase));

    /// <summary>An input from bytes.</summary>
    public static OpenRouterMediaInput FromBytes(ReadOnlyMemory<byte> data, string? mediaType = null, OpenRouterMediaRole role = default) =>
        new() { Data = data, MediaType = mediaType, Role = role };

    /// <summary>An input by URL.</summary>
    public static OpenRouterMediaInput FromUrl(string url, OpenRouterMediaRole role = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        return new() { Url = url, Role = role };
    }

    /// <summary>
    /// The URL to send: a <c>data:&lt;type&gt;;base64,…</c> URL of the bytes (type <c>image/png</c> when absent), else
    /// <see cref="Url"/> trimmed; <see langword="null"/> with neither (a blank URL counts as none). Bytes win over a URL, as in
    /// the current release, so an input carrying both sends what the caller actually holds.
    /// </summary>
    public string? ToWireUrl() =>
        !Data.IsEmpty ? "data:" + (string.IsNullOrWhiteSpace(MediaType) ? "image/png" : MediaType.Trim()) + ";base64," + Convert.ToBase64String(Data.Span)
        : string.IsNullOrWhiteSpace(Url) ? null
        : Url.Trim();
}
