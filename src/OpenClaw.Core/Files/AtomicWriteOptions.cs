namespace OpenClaw.Core.Files;

/// <summary>How <see cref="AtomicFile.Write"/> creates the file and its directory.</summary>
public sealed record AtomicWriteOptions
{
    /// <summary>Unix mode of the written file (and its backup), applied before any content is written. Null: the umask default.</summary>
    public UnixFileMode? FileMode { get; init; }

    /// <summary>Unix mode of the parent directory when it has to be created. Null: the umask default.</summary>
    public UnixFileMode? DirectoryMode { get; init; }

    /// <summary>Copy the file's previous content to <c>&lt;path&gt;.bak</c> before replacing it.</summary>
    public bool KeepBackup { get; init; }

    /// <summary>Owner read/write only: secrets.</summary>
    public const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Owner read/write/search only: state directories.</summary>
    public const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
}
