using OpenClaw.Core.Errors;
using OpenClaw.OpenRouter.Media;

namespace OpenClaw.Agent.Media;

/// <summary>
/// Reads input images (edits, video frames and references) from files: relative paths against a base directory, a leading
/// <c>~</c> against the home directory, at most <see cref="MaxBytes"/> each, and only PNG, JPEG, WebP or GIF — recognised by
/// their bytes, so the media type sent is what the file is, whatever its name says. Every refusal names the file as given.
/// </summary>
/// <param name="BaseDirectory">Where relative paths start (the command's working directory).</param>
/// <param name="HomeDirectory">What a leading <c>~</c> means; <see langword="null"/> leaves <c>~</c> alone.</param>
/// <param name="MaxBytes">The largest file accepted (<c>agents.defaults.mediaMaxMb</c>).</param>
public sealed record MediaInputReader(string BaseDirectory, string? HomeDirectory, long MaxBytes = MediaLimits.DefaultMaxBytes)
{
    /// <summary>The absolute path <paramref name="path"/> names.</summary>
    public string FullPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var trimmed = path.Trim();
        if (HomeDirectory is { } home && (trimmed == "~" || trimmed.StartsWith("~/", StringComparison.Ordinal)))
        {
            trimmed = trimmed.Length == 1 ? home : Path.Combine(home, trimmed[2..]);
        }
        return Path.GetFullPath(trimmed, BaseDirectory);
    }

    /// <summary>Reads one image as an input with <paramref name="role"/>.</summary>
    /// <exception cref="OpenClawException">
    /// <c>Input image not found: &lt;path&gt;</c>; <c>Input image &lt;path&gt; is a directory</c>; <c>Cannot read input image
    /// &lt;path&gt;: …</c>; <c>Input image &lt;path&gt; is empty</c>; <c>Input image &lt;path&gt; is larger than … (agents.defaults.mediaMaxMb)</c>;
    /// <c>Input image &lt;path&gt; is not a PNG, JPEG, WebP or GIF image</c>.
    /// </exception>
    public OpenRouterMediaInput Read(string path, OpenRouterMediaRole role = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new OpenClawException("Input image path is empty.");
        }
        var full = FullPath(path);
        if (Directory.Exists(full))
        {
            throw new OpenClawException($"Input image {path} is a directory.");
        }
        byte[] data;
        try
        {
            using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.Length > MaxBytes)
            {
                throw new OpenClawException($"Input image {path} is larger than {MediaLimits.Describe(MaxBytes)} (agents.defaults.mediaMaxMb).");
            }
            data = new byte[stream.Length];
            stream.ReadExactly(data);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new OpenClawException($"Input image not found: {path}", exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new OpenClawException($"Cannot read input image {path}: {exception.Message}", exception);
        }
        if (data.Length == 0)
        {
            throw new OpenClawException($"Input image {path} is empty.");
        }
        var mediaType = ImageHeader.DetectMediaType(data)
            ?? throw new OpenClawException($"Input image {path} is not a PNG, JPEG, WebP or GIF image.");
        return OpenRouterMediaInput.FromBytes(data, mediaType, role);
    }
}
