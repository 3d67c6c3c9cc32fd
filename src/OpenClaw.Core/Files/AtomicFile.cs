using OpenClaw.Core.Errors;

namespace OpenClaw.Core.Files;

/// <summary>
/// Replaces a file so that a reader (or a crash) sees either the old or the new content, never a truncated mix:
/// the bytes go to a temporary file in the same directory, are flushed to disk, then renamed over the target.
/// </summary>
public static class AtomicFile
{
    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="path"/> atomically. Refuses a target that is a symbolic link or a
    /// directory (<see cref="OpenClawException"/> naming the path); creates missing parent directories. On failure the
    /// target keeps its previous content and no temporary file is left behind.
    /// </summary>
    /// <remarks>
    /// Without <see cref="AtomicWriteOptions.FileMode"/> a replaced file keeps its current permissions (a user's
    /// <c>chmod 600</c> survives the write); the backup gets the same mode as the file.
    /// </remarks>
    public static void Write(string path, ReadOnlySpan<byte> content, AtomicWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new AtomicWriteOptions();
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath)!;
        EnsureWritableTarget(fullPath);
        CreateDirectory(directory, options.DirectoryMode);

        var exists = File.Exists(fullPath);
        var mode = options.FileMode ?? (exists ? CurrentMode(fullPath) : null);
        if (options.KeepBackup && exists)
        {
            WriteAndRename(fullPath + ".bak", ReadForBackup(fullPath), mode);
        }
        WriteAndRename(fullPath, content, mode);
    }

    /// <summary>Throws when <paramref name="fullPath"/> exists but is not a regular file we may replace.</summary>
    public static void EnsureWritableTarget(string fullPath)
    {
        var info = new FileInfo(fullPath);
        if (info.LinkTarget is not null)
        {
            throw new OpenClawException($"Refusing to write {fullPath}: it is a symbolic link. Replace it with a regular file.");
        }
        if (Directory.Exists(fullPath))
        {
            throw new OpenClawException($"Cannot write {fullPath}: it is a directory.");
        }
    }

    /// <summary>Creates <paramref name="directory"/> (and its parents) with <paramref name="mode"/> when missing.</summary>
    /// <remarks>Every directory created gets <paramref name="mode"/>, not only the last one; existing ones are left as they are.</remarks>
    public static void CreateDirectory(string directory, UnixFileMode? mode)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (Directory.Exists(directory))
        {
            return;
        }
        try
        {
            if (mode is { } unixMode && !OperatingSystem.IsWindows())
            {
                // Directory.CreateDirectory(path, mode) gives the mode to the last directory only; parents get the umask default.
                foreach (var missing in MissingDirectories(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory))))
                {
                    Directory.CreateDirectory(missing, unixMode);
                }
            }
            else
            {
                Directory.CreateDirectory(directory);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new OpenClawException($"Cannot create directory {directory}: {exception.Message}", exception);
        }
    }

    /// <summary>The directories of <paramref name="fullPath"/> that do not exist yet, outermost first.</summary>
    private static List<string> MissingDirectories(string fullPath)
    {
        var missing = new List<string>();
        for (var current = fullPath; current is not null && !Directory.Exists(current); current = Path.GetDirectoryName(current))
        {
            missing.Add(current);
        }
        missing.Reverse();
        return missing;
    }

    private static UnixFileMode? CurrentMode(string fullPath)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }
        try
        {
            return File.GetUnixFileMode(fullPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The file vanished or cannot be inspected: the umask default is all we can offer.
            return null;
        }
    }

    private static byte[] ReadForBackup(string fullPath)
    {
        try
        {
            return File.ReadAllBytes(fullPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new OpenClawException($"Cannot back up {fullPath}: {exception.Message}", exception);
        }
    }

    private static void WriteAndRename(string fullPath, ReadOnlySpan<byte> content, UnixFileMode? mode)
    {
        var directory = Path.GetDirectoryName(fullPath)!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        var renamed = false;
        try
        {
            var streamOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (mode is { } unixMode && !OperatingSystem.IsWindows())
            {
                streamOptions.UnixCreateMode = unixMode;
            }
            using (var stream = new FileStream(temporary, streamOptions))
            {
                if (mode is { } exactMode && !OperatingSystem.IsWindows())
                {
                    // The create mode is filtered by the umask; the file must end up with exactly the requested mode.
                    File.SetUnixFileMode(stream.SafeFileHandle, exactMode);
                }
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, fullPath, overwrite: true);
            renamed = true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new OpenClawException($"Cannot write {fullPath}: {exception.Message}", exception);
        }
        finally
        {
            if (!renamed)
            {
                TryDelete(temporary);
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The write already failed; a stray temporary file is the lesser problem.
        }
    }
}
