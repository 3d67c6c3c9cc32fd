using System.Globalization;
using System.Text.RegularExpressions;
using OpenClaw.Cli.Hosting;

namespace OpenClaw.Cli.Commands.Infer;

/// <summary>Checks of the media commands' option values, made before anything is sent; each error names the option.</summary>
internal static partial class MediaArguments
{
    /// <summary>A non-empty prompt.</summary>
    public static string Prompt(string? text) =>
        string.IsNullOrWhiteSpace(text) ? throw new CliException("The prompt is empty.") : text;

    /// <summary><c>--timeout-ms</c>: a positive whole number of milliseconds.</summary>
    public static TimeSpan? TimeoutMs(string? text)
    {
        if (text is null)
        {
            return null;
        }
        if (!long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds) || milliseconds <= 0 || milliseconds > int.MaxValue)
        {
            throw new CliException($"Invalid --timeout-ms \"{text}\": expected a positive whole number of milliseconds.");
        }
        return TimeSpan.FromMilliseconds(milliseconds);
    }

    /// <summary><c>--count</c>: a whole number from 1 to <paramref name="max"/>.</summary>
    public static double? Count(string? text, int max)
    {
        if (text is null)
        {
            return null;
        }
        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1 || count > max)
        {
            throw new CliException(string.Create(CultureInfo.InvariantCulture, $"Invalid --count \"{text}\": expected a whole number from 1 to {max}."));
        }
        return count;
    }

    /// <summary><c>--duration</c>: a positive number of seconds.</summary>
    public static double? Duration(string? text)
    {
        if (text is null)
        {
            return null;
        }
        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !double.IsFinite(seconds) || seconds <= 0)
        {
            throw new CliException($"Invalid --duration \"{text}\": expected a positive number of seconds.");
        }
        return seconds;
    }

    /// <summary><c>--seed</c>: an integer.</summary>
    public static double? Seed(string? text)
    {
        if (text is null)
        {
            return null;
        }
        if (!long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed) || Math.Abs(seed) > (1L << 53) - 1)
        {
            throw new CliException($"Invalid --seed \"{text}\": expected an integer.");
        }
        return seed;
    }

    /// <summary>One of <paramref name="allowed"/>, compared ignoring case, returned as listed.</summary>
    public static string? OneOf(string option, string? text, IReadOnlyList<string> allowed)
    {
        if (text is null)
        {
            return null;
        }
        return allowed.FirstOrDefault(value => value.Equals(text.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new CliException($"Invalid {option} \"{text}\": use one of {string.Join(", ", allowed)}.");
    }

    /// <summary><c>--aspect-ratio</c> of a video: <c>W:H</c>.</summary>
    public static string? AspectRatio(string? text)
    {
        if (text is null)
        {
            return null;
        }
        var trimmed = text.Trim();
        return AspectRatioPattern().IsMatch(trimmed)
            ? trimmed
            : throw new CliException($"Invalid --aspect-ratio \"{text}\": expected WIDTH:HEIGHT, e.g. 16:9.");
    }

    /// <summary><c>--size</c>: <c>WIDTHxHEIGHT</c>.</summary>
    public static string? Size(string? text)
    {
        if (text is null)
        {
            return null;
        }
        var trimmed = text.Trim();
        return SizePattern().IsMatch(trimmed)
            ? trimmed
            : throw new CliException($"Invalid --size \"{text}\": expected WIDTHxHEIGHT, e.g. 1280x720.");
    }

    [GeneratedRegex(@"^[1-9][0-9]{0,4}:[1-9][0-9]{0,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex AspectRatioPattern();

    [GeneratedRegex(@"^[1-9][0-9]{0,5}x[1-9][0-9]{0,5}$", RegexOptions.CultureInvariant)]
    private static partial Regex SizePattern();
}
