using OpenClaw.Core.Errors;

namespace OpenClaw.Core.Files;

/// <summary>
/// An exclusive lock between openclaw processes, held on a <c>.lock</c> file next to the file it guards. The
/// operating system releases it when the process dies, so a crash never leaves a stale lock behind.
/// </summary>
/// <remarks>
/// On Unix <see cref="FileShare.None"/> takes a <c>flock</c> on the open file, which excludes other processes and also other
/// threads of this process (each acquisition opens the file anew). The lock file is never deleted: removing it while
/// another process waits on it would let two holders in.
/// </remarks>
public sealed class FileLock : IDisposable
{
    private readonly FileStream _stream;

    private FileLock(FileStream stream, string path)
    {
        _stream = stream;
        Path = path;
    }

    /// <summary>How long a command waits for another process to finish its write.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(30);

    /// <summary>The lock file.</summary>
    public string Path { get; }

    /// <summary>Takes the lock, waiting for other holders up to <paramref name="timeout"/> (<see cref="Timeout.InfiniteTimeSpan"/>: no limit).</summary>
    public static FileLock Acquire(string lockPath, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lockPath);
        var limit = timeout ?? DefaultTimeout;
        var deadline = limit == Timeout.InfiniteTimeSpan ? long.MaxValue : Environment.TickCount64 + (long)limit.TotalMilliseconds;
        var delay = 5;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = AtomicWriteOptions.OwnerOnlyFile;
                }
                return new FileLock(new FileStream(lockPath, options), lockPath);
            }
            catch (IOException) when (Environment.TickCount64 < deadline && File.Exists(lockPath))
            {
                // Held by another process: wait a little and try again.
            }
            catch (IOException exception) when (File.Exists(lockPath))
            {
                throw new OpenClawException($"Timed out waiting for {lockPath}: another openclaw process is still writing.", exception);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new OpenClawException($"Cannot create lock file {lockPath}: {exception.Message}", exception);
            }
            cancellationToken.WaitHandle.WaitOne(delay);
            delay = Math.Min(delay * 2, 50);
        }
    }

    public void Dispose() => _stream.Dispose();
}
