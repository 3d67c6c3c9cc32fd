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
    /// directory (<see cref="OpenClawException"/> naming the path); creates missing parent directories.
    /// </summary>
    public static void Write(string path, ReadOnlySpan<byte> content, AtomicWriteOptions? options = null)
    {
        options ??= new AtomicWriteOptions();
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath)!;
        EnsureWritableTarget(fullPath);
        CreateDirectory(directory, options.DirectoryMode);

        if (options.KeepBackup && File.Exists(fullPath))
        {
            var previous = File.ReadAllBytes(fullPath);
            WriteAndRename(fullPath + ".bak", previous, options.FileMode);
        }
        WriteAndRename(fullPath, content, options.FileMode);
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
    public static void CreateDirectory(string directory, UnixFileMode? mode)
    {
        if (Directory.Exists(directory))
        {
            return;
        }
        try
        {
            if (mode is { } unixMode && !OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory, unixMode);
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

    private static void WriteAndRename(string fullPath, ReadOnlySpan<byte> content, UnixFileMode? mode)
    {
        var directory = Path.GetDirectoryName(fullPath)!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            var streamOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (mode is { } unixMode && !OperatingSystem.IsWindows())
            {
                streamOptions.UnixCreateMode = unixMode;
            }
            using (var stream = new FileStream(temporary, streamOptions))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, fullPath, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new OpenClawException($"Cannot write {fullPath}: {exception.Message}", exception);
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
