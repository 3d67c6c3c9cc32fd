namespace OpenClaw.Tests.Shared;

/// <summary>A fresh directory per test under the system temp directory, deleted (with everything in it) on dispose.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory()
    {
        Path = Directory.CreateTempSubdirectory("openclaw-tests-").FullName;
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try
        {
            // Tests make directories read-only; give the owner back write access so the tree can be removed.
            foreach (var directory in Directory.EnumerateDirectories(Path, "*", SearchOption.AllDirectories).Prepend(Path))
            {
                if (!OperatingSystem.IsWindows() && new DirectoryInfo(directory).LinkTarget is null)
                {
                    File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }
            }
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a file still held open (a pooled SQLite connection) only leaves litter in the temp directory.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
