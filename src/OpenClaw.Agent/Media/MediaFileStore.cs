using System.Globalization;
using System.Security.Cryptography;
using OpenClaw.Core.Files;

namespace OpenClaw.Agent.Media;

/// <summary>
/// Where generated media goes and how it gets there. Every file is written atomically (a temporary file in the same
/// directory, flushed, then renamed: a reader or a crash never sees half a file), and only once the whole asset is in
/// hand — a failed or cancelled generation leaves nothing behind.
/// </summary>
/// <remarks>
/// Tools save under <c>&lt;stateDir&gt;/media/tool-image-generation/</c> and <c>…/tool-video-generation/</c> (directories
/// created 0700, like the rest of the state directory) with names that never collide:
/// <c>20261124-101500-1a2b3c4d-image-1.png</c>. Commands write where the user says (<see cref="PlanOutputPaths"/>).
/// </remarks>
public sealed class MediaFileStore
{
    /// <summary>The folder of images made by the <c>image_generate</c> tool.</summary>
    public const string ToolImageFolder = "tool-image-generation";

    /// <summary>The folder of videos made by the <c>video_generate</c> tool.</summary>
    public const string ToolVideoFolder = "tool-video-generation";

    private readonly TimeProvider _time;

    /// <param name="mediaDirectory"><c>&lt;stateDir&gt;/media</c>.</param>
    /// <param name="timeProvider">The clock for the names' timestamps.</param>
    public MediaFileStore(string mediaDirectory, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mediaDirectory);
        MediaDirectory = Path.GetFullPath(mediaDirectory);
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary><c>&lt;stateDir&gt;/media</c>, absolute.</summary>
    public string MediaDirectory { get; }

    /// <summary>
    /// Saves a generated asset under <c>&lt;media&gt;/&lt;folder&gt;/</c> as <c>&lt;UTC yyyyMMdd-HHmmss&gt;-&lt;8 hex&gt;-&lt;fileName&gt;</c>
    /// and returns the absolute path.
    /// </summary>
    /// <exception cref="Core.Errors.OpenClawException">The directory or file cannot be written.</exception>
    public string SaveGenerated(string folder, string fileName, ReadOnlySpan<byte> data)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        var directory = Path.Combine(MediaDirectory, folder);
        var stamp = _time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        string path;
        do
        {
            var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
            path = Path.Combine(directory, $"{stamp}-{id}-{SafeFileName(fileName)}");
        }
        while (File.Exists(path));
        Write(path, data, AtomicWriteOptions.OwnerOnlyDirectory);
        return path;
    }

    /// <summary>
    /// Writes <paramref name="data"/> to <paramref name="path"/> atomically, creating missing directories (with
    /// <paramref name="directoryMode"/>, else the umask default). An existing file is replaced.
    /// </summary>
    /// <exception cref="Core.Errors.OpenClawException">The target is a directory or a symbolic link, or cannot be written.</exception>
    public static void Write(string path, ReadOnlySpan<byte> data, UnixFileMode? directoryMode = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.Write(path, data, new AtomicWriteOptions { DirectoryMode = directoryMode });
    }

    /// <summary>
    /// Where a command writes <paramref name="fileNames"/> (the assets' own names, <c>image-1.png</c>, <c>video-1.mp4</c>):
    /// <list type="bullet">
    /// <item>No <paramref name="output"/>: the working directory, each under its own name — or, when that name is taken, the
    /// next free number (<c>image-1.png</c> → <c>image-2.png</c> …): an existing file is never replaced.</item>
    /// <item><paramref name="output"/> is an existing directory or ends with a separator: the same, in that directory.</item>
    /// <item>One file: <paramref name="output"/> as given (relative to the working directory; replaced if it exists — the user
    /// named it).</item>
    /// <item>Several: <c>out/img.png</c> → <c>out/img-1.png</c>, <c>out/img-2.png</c>, ….</item>
    /// </list>
    /// </summary>
    public static IReadOnlyList<string> PlanOutputPaths(string? output, IReadOnlyList<string> fileNames, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(fileNames);
        ArgumentException.ThrowIfNullOrWhiteSpace(workingDirectory);
        if (fileNames.Count == 0)
        {
            return [];
        }
        if (string.IsNullOrWhiteSpace(output))
        {
            return FreeNames(workingDirectory, fileNames);
        }
        var full = Path.GetFullPath(output, workingDirectory);
        if (Directory.Exists(full) || output.EndsWith(Path.DirectorySeparatorChar) || output.EndsWith(Path.AltDirectorySeparatorChar))
        {
            return FreeNames(full, fileNames);
        }
        if (fileNames.Count == 1)
        {
            return [full];
        }
        var directory = Path.GetDirectoryName(full)!;
        var extension = Path.GetExtension(full);
        var stem = Path.GetFileNameWithoutExtension(full);
        return [.. fileNames.Select((_, index) => Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{stem}-{index + 1}{extension}")))];
    }

    private static List<string> FreeNames(string directory, IReadOnlyList<string> fileNames)
    {
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        var paths = new List<string>(fileNames.Count);
        foreach (var fileName in fileNames)
        {
            var name = SafeFileName(fileName);
            var extension = Path.GetExtension(name);
            var stem = Path.GetFileNameWithoutExtension(name);
            // image-1 → prefix "image-", number 1; a name without a trailing number counts from 2: clip → clip-2.
            var dash = stem.LastIndexOf('-');
            var prefix = stem + "-";
            var number = 1;
            if (dash > 0 && int.TryParse(stem.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var trailing) && trailing < int.MaxValue)
            {
                prefix = stem[..(dash + 1)];
                number = trailing;
            }
            var path = Path.Combine(directory, name);
            while (chosen.Contains(path) || File.Exists(path) || Directory.Exists(path))
            {
                number++;
                path = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{prefix}{number}{extension}"));
            }
            chosen.Add(path);
            paths.Add(path);
        }
        return paths;
    }

    /// <summary>The file-name part only: an asset name from the wire never picks a directory.</summary>
    private static string SafeFileName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        return string.IsNullOrWhiteSpace(name) || name is "." or ".." ? "media" : name;
    }
}
