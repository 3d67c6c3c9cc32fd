namespace OpenClaw.OpenRouter.Media;

/// <summary>
/// What an input image is for in a video request (<c>first_frame</c>, <c>last_frame</c>, <c>reference_image</c>).
/// String-backed: an unknown role is kept as written. <see langword="default"/> means no role (the first free frame slot).
/// </summary>
public readonly record struct OpenRouterMediaRole
{
    public OpenRouterMediaRole(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value.Trim();
    }

    /// <summary>The opening frame of the video (<c>frame_images[].frame_type</c>).</summary>
    public static OpenRouterMediaRole FirstFrame { get; } = new("first_frame");

    /// <summary>The closing frame of the video.</summary>
    public static OpenRouterMediaRole LastFrame { get; } = new("last_frame");

    /// <summary>A style or content reference (<c>input_references</c>), not a frame.</summary>
    public static OpenRouterMediaRole ReferenceImage { get; } = new("reference_image");

    /// <summary>The role as written; <see langword="null"/> for no role.</summary>
    public string? Value { get; }

    /// <summary>True for <see langword="default"/>: no role given.</summary>
    public bool IsNone => Value is null;

    public override string ToString() => Value ?? "";
}
