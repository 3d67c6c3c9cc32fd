namespace OpenClaw.Agent.Tests.Sessions;

/// <summary>A fresh directory under the system temp directory, deleted (with everything in it) on dispose.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("openclaw-sessions-");

    public string Path => _directory.FullName;

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose() => _directory.Delete(recursive: true);
}
