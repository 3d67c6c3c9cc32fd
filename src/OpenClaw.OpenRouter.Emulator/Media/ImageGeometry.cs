using System.Globalization;

namespace OpenClaw.OpenRouter.Emulator.Media;

/// <summary>
/// Maps OpenRouter's <c>image_config</c> (<c>aspect_ratio</c>, <c>image_size</c>) to the pixel size of an emulated image.
/// Sizes are deliberately tiny stand-ins for the real 1K/2K/4K outputs; only their proportions are faithful.
/// </summary>
internal static class ImageGeometry
{
    public const int LongSide1K = 64;
    public const int LongSide2K = 128;
    public const int LongSide4K = 256;
    public const int MaxAspectRatioTerm = 100;

    public static (int Width, int Height) Resolve(string? aspectRatio, string? imageSize)
    {
        var longSide = LongSideFor(imageSize);
        if (aspectRatio is null || !TryParseAspectRatio(aspectRatio, out var widthRatio, out var heightRatio))
        {
            return (longSide, longSide);
        }

        return widthRatio >= heightRatio
            ? (longSide, ShortSide(longSide, heightRatio, widthRatio))
            : (ShortSide(longSide, widthRatio, heightRatio), longSide);
    }

    public static bool IsValidAspectRatio(string value) => TryParseAspectRatio(value, out _, out _);

    private static int LongSideFor(string? imageSize)
    {
        if (string.Equals(imageSize, "2K", StringComparison.OrdinalIgnoreCase))
        {
            return LongSide2K;
        }

        if (string.Equals(imageSize, "4K", StringComparison.OrdinalIgnoreCase))
        {
            return LongSide4K;
        }

        return LongSide1K;
    }

    private static int ShortSide(int longSide, int shortRatio, int longRatio) =>
        Math.Max(1, (int)Math.Round(longSide * (double)shortRatio / longRatio, MidpointRounding.AwayFromZero));

    private static bool TryParseAspectRatio(string value, out int widthRatio, out int heightRatio)
    {
        widthRatio = 0;
        heightRatio = 0;

        var text = value.AsSpan();
        var separator = text.IndexOf(':');
        return separator >= 0
            && TryParseTerm(text[..separator], out widthRatio)
            && TryParseTerm(text[(separator + 1)..], out heightRatio);
    }

    private static bool TryParseTerm(ReadOnlySpan<char> text, out int term) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out term)
        && term is > 0 and <= MaxAspectRatioTerm;
}
