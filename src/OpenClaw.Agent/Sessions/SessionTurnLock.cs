using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OpenClaw.Core.Errors;
using OpenClaw.Core.Files;

namespace OpenClaw.Agent.Sessions;

/// <summary>
/// One writer per session: held for a whole turn (history load → model calls → commit), so a second concurrent turn on the
/// same session waits for the first and then sees its messages. A lock file per session under
/// <c>&lt;sessionsDir&gt;/locks/</c> (name derived from the key, safe for any id), released on dispose or process exit.
/// </summary>
/// <remarks>
/// The lock is the open file itself (<see cref="FileShare.None"/>, a <c>flock</c> on Unix), so it excludes other processes and
/// other tasks of this one, and the operating system drops it when a process dies. Lock files are never deleted: removing
/// one while another turn waits on it would let two holders in.
/// </remarks>
public sealed class SessionTurnLock : IDisposable
{
    /// <summary>The directory under the sessions directory that holds the lock files.</summary>
    public const string LocksDirectoryName = "locks";

    private static readonly TimeSpan MaxPollInterval = TimeSpan.FromMilliseconds(100);

    private readonly FileStream _stream;

    private SessionTurnLock(FileStream stream, SessionKey key)
    {
        _stream = stream;
        Key = key;
    }

    /// <summary>The session held.</summary>
    public SessionKey Key { get; }

    /// <summary>The lock file.</summary>
    public string Path => _stream.Name;

    /// <summary>Waits (polling, cancellable) until the session is free or <paramref name="timeout"/> passes.</summary>
    /// <param name="sessionsDirectory">The agent's sessions directory (created 0700 with its <c>locks</c> directory when missing).</param>
    /// <param name="key">The session.</param>
    /// <param name="timeout">How long to wait; <see cref="Timeout.InfiniteTimeSpan"/> waits without limit, zero tries once.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="TimeoutException">Another turn held the session for the whole timeout (message names the session key).</exception>
    /// <exception cref="OpenClawException">The lock file cannot be created.</exception>
    public static async Task<SessionTurnLock> AcquireAsync(string sessionsDirectory, SessionKey key, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionsDirectory);
        if (timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be zero or more, or infinite.");
        }
        var directory = System.IO.Path.Combine(sessionsDirectory, LocksDirectoryName);
        AtomicFile.CreateDirectory(directory, AtomicWriteOptions.OwnerOnlyDirectory);
        var path = System.IO.Path.Combine(directory, FileNameFor(key));

        var waited = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (TryOpen(path) is { } stream)
            {
                var held = new SessionTurnLock(stream, key);
                held.WriteOwner();
                return held;
            }
            if (timeout != Timeout.InfiniteTimeSpan && waited.Elapsed >= timeout)
            {
                throw new TimeoutException(
                    $"Timed out after {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s waiting for session {key}: another turn is still running in it.");
            }
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxPollInterval.Ticks));
        }
    }

    /// <summary>
    /// The lock file name for <paramref name="key"/>: a hash, because explicit ids may hold characters (<c>:</c>) that are not
    /// valid in file names everywhere, and case-insensitive file systems must not merge <c>A</c> and <c>a</c>.
    /// </summary>
    public static string FileNameFor(SessionKey key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.ToString())))[..32] + ".lock";

    /// <summary>Releases the session.</summary>
    public void Dispose() => _stream.Dispose();

    private static FileStream? TryOpen(string path)
    {
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = AtomicWriteOptions.OwnerOnlyFile;
            }
            return new FileStream(path, options);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Held by another turn.
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new OpenClawException($"Cannot create session lock file {path}: {exception.Message}", exception);
        }
    }

    // Who holds the lock, for a person looking at a stuck session; the lock itself does not depend on the content.
    private void WriteOwner()
    {
        try
        {
            _stream.SetLength(0);
            _stream.Write(Encoding.UTF8.GetBytes($"{Key}\npid {Environment.ProcessId}\n"));
            _stream.Flush();
        }
        catch (IOException)
        {
            // The lock is held either way.
        }
    }
}
