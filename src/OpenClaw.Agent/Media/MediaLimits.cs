namespace OpenClaw.Agent.Media;

/// <summary>The media size cap (<c>agents.defaults.mediaMaxMb</c>), in one place for the client options and the media services.</summary>
public static class MediaLimits
{
    /// <summary>The cap when the config sets none: 16 MiB, as the current release uses.</summary>
    public const long DefaultMaxBytes = 16L * 1024 * 1024;

    private const double BytesPerMegabyte = 1024 * 1024;

    /// <summary>
    /// <paramref name="megabytes"/> × 1 MiB, at least one byte; <see cref="DefaultMaxBytes"/> when unset, not finite or not
    /// positive. Fractions are allowed (<c>0.5</c> is 512 KiB) so a small cap can be tried without a huge file.
    /// </summary>
    public static long BytesFromMegabytes(double? megabytes)
    {
        if (megabytes is not { } value || !double.IsFinite(value) || value <= 0)
        {
            return DefaultMaxBytes;
        }
        // Far beyond any real media; keeps the conversion from overflowing.
        var bytes = Math.Min(value * BytesPerMegabyte, 1e15);
        return Math.Max(1L, (long)bytes);
    }

    /// <summary>The cap as people read it: <c>16 MiB</c>, <c>512 KiB</c>, <c>10 bytes</c>.</summary>
    public static string Describe(long bytes) => bytes switch
    {
        >= 1024 * 1024 => (bytes / BytesPerMegabyte).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " MiB",
        >= 1024 => (bytes / 1024.0).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " KiB",
        1 => "1 byte",
        _ => bytes.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes",
    };
}
