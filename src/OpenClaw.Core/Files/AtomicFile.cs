using System.Diagnostics;
using System.Globalization;
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
    /// <c>chmod 600</c> survives the write); the backup gets the same mode as the file. A writer killed between creating
    /// its temporary file and the rename leaves that file behind (for the auth store, a copy of the keys); a later
    /// successful write of the same target deletes such files once the process that created them is gone.
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
        RemoveAbandonedTemporaries(directory, Path.GetFileName(fullPath));
    }

    /// <summary>
    /// Deletes the temporary files that writers of <paramref name="path"/> (and of its <c>.bak</c>) killed mid-write left
    /// behind. Stores call it under their lock even when they end up writing nothing, so that a leftover copy of a
    /// secret does not outlive the next command that touches the store.
    /// </summary>
    /// <remarks>
    /// Only files named exactly like this class's temporaries (<c>.&lt;name&gt;.&lt;pid&gt;.&lt;32 hex&gt;.tmp</c>) whose
    /// process no longer runs are removed: those of this process and of running ones are in-flight writes. Failures are
    /// ignored; this is housekeeping.
    /// </remarks>
    public static void RemoveAbandonedTemporaries(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath)!;
        RemoveAbandonedTemporaries(directory, Path.GetFileName(fullPath));
        RemoveAbandonedTemporaries(directory, Path.GetFileName(fullPath) + ".bak");
    }

    private static void RemoveAbandonedTemporaries(string directory, string fileName)
    {
        if (fileName.AsSpan().IndexOfAny('*', '?') >= 0)
        {
            return;
        }
        string[] candidates;
        try
        {
            candidates = Directory.GetFiles(directory, $".{fileName}.*.tmp");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Housekeeping only: the write itself succeeded (or there was nothing to write).
            return;
        }
        foreach (var candidate in candidates)
        {
            if (WriterOf(Path.GetFileName(candidate), fileName) is { } pid && pid != Environment.ProcessId && !IsRunning(pid))
            {
                TryDelete(candidate);
            }
        }
    }

    /// <summary>The process id in a temporary file name of ours for <paramref name="fileName"/>, or null for any other name.</summary>
    private static int? WriterOf(string candidate, string fileName)
    {
        // ".<fileName>." + "<pid>.<32 hex>" + ".tmp"
        var prefixLength = fileName.Length + 2;
        if (candidate.Length <= prefixLength + 4 + 33)
        {
            return null;
        }
        var middle = candidate.AsSpan(prefixLength, candidate.Length - prefixLength - 4);
        var dot = middle.IndexOf('.');
        if (dot <= 0 || middle.Length - dot - 1 != 32 || !IsLowerHex(middle[(dot + 1)..])
            || !int.TryParse(middle[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid <= 0)
        {
            return null;
        }
        return pid;
    }

    private static bool IsLowerHex(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f')))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
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
