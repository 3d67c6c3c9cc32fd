namespace OpenClaw.Tests.Shared;

/// <summary>
/// A lock shared by every test process on the machine (a file under the temp directory, held open with no sharing, which
/// the operating system releases if the holder dies). Tests that start dozens of processes hold it while they run, and
/// tests that time something on the wall clock hold it while they measure — `dotnet test` runs the test assemblies side by
/// side, and a start-up measured during a storm of fifty processes on two cores says nothing about start-up.
/// </summary>
internal sealed class ProcessStormLock : IDisposable
{
    private static readonly string LockPath = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "openclaw-tests-process-storm.lock");

    private readonly FileStream _held;

    private ProcessStormLock(FileStream held) => _held = held;

    /// <summary>Waits until no other test holds the lock, then holds it until disposed.</summary>
    public static async Task<ProcessStormLock> AcquireAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new ProcessStormLock(new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException)
            {
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public void Dispose() => _held.Dispose();
}
