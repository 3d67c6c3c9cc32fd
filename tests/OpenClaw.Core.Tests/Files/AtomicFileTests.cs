using System.Text;
using OpenClaw.Core.Errors;
using OpenClaw.Core.Files;

namespace OpenClaw.Core.Tests.Files;

public sealed class AtomicFileTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static void Write(string path, string content, AtomicWriteOptions? options = null) =>
        AtomicFile.Write(path, Encoding.UTF8.GetBytes(content), options);

    private string[] Entries(string? directory = null) =>
        Directory.EnumerateFileSystemEntries(directory ?? _directory.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    [Fact]
    public void Writes_the_content_and_leaves_no_temporary_file()
    {
        var path = _directory.Combine("file.json");

        Write(path, "first");
        Write(path, "second");

        Assert.Equal("second", File.ReadAllText(path));
        Assert.Equal(["file.json"], Entries());
    }

    [Fact]
    public void Creates_every_missing_directory_with_the_directory_mode()
    {
        var path = _directory.Combine("state", "agents", "main", "agent", "auth-profiles.json");

        Write(path, "{}", new AtomicWriteOptions { FileMode = UnixModes.OwnerOnlyFile, DirectoryMode = UnixModes.OwnerOnlyDirectory });

        Assert.Equal("{}", File.ReadAllText(path));
        Assert.Equal(UnixModes.OwnerOnlyFile, UnixModes.Of(path));
        foreach (var directory in new[] { "state", "state/agents", "state/agents/main", "state/agents/main/agent" })
        {
            Assert.Equal(UnixModes.OwnerOnlyDirectory, UnixModes.Of(_directory.Combine(directory)));
        }
    }

    [Fact]
    public void The_requested_mode_replaces_a_looser_one()
    {
        var path = _directory.Combine("secret.json");
        File.WriteAllText(path, "old");
        UnixModes.Set(path, UnixModes.WorldReadableFile | UnixFileMode.GroupWrite);

        Write(path, "new", new AtomicWriteOptions { FileMode = UnixModes.OwnerOnlyFile });

        Assert.Equal(UnixModes.OwnerOnlyFile, UnixModes.Of(path));
    }

    [Fact]
    public void Without_a_requested_mode_the_file_keeps_its_mode()
    {
        var path = _directory.Combine("config.json");
        File.WriteAllText(path, "old");
        const UnixFileMode ownerAndGroupRead = UnixModes.OwnerOnlyFile | UnixFileMode.GroupRead;
        UnixModes.Set(path, ownerAndGroupRead);

        Write(path, "new", new AtomicWriteOptions { KeepBackup = true });

        Assert.Equal(ownerAndGroupRead, UnixModes.Of(path));
        Assert.Equal(ownerAndGroupRead, UnixModes.Of(path + ".bak"));
    }

    [Fact]
    public void The_backup_holds_the_previous_content()
    {
        var path = _directory.Combine("openclaw.json");
        var options = new AtomicWriteOptions { KeepBackup = true, FileMode = UnixModes.OwnerOnlyFile };

        Write(path, "one", options);
        Assert.False(File.Exists(path + ".bak"));

        Write(path, "two", options);
        Assert.Equal("one", File.ReadAllText(path + ".bak"));

        Write(path, "three", options);
        Assert.Equal("three", File.ReadAllText(path));
        Assert.Equal("two", File.ReadAllText(path + ".bak"));
        Assert.Equal(UnixModes.OwnerOnlyFile, UnixModes.Of(path + ".bak"));
        Assert.Equal(["openclaw.json", "openclaw.json.bak"], Entries());
    }

    [Fact]
    public void A_symbolic_link_is_refused_and_left_alone()
    {
        var target = _directory.Combine("real.json");
        File.WriteAllText(target, "real");
        var link = _directory.Combine("link.json");
        File.CreateSymbolicLink(link, target);

        var error = Assert.Throws<OpenClawException>(() => Write(link, "new"));

        Assert.Equal($"Refusing to write {link}: it is a symbolic link. Replace it with a regular file.", error.Message);
        Assert.Equal("real", File.ReadAllText(target));
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Equal(["link.json", "real.json"], Entries());
    }

    [Fact]
    public void A_dangling_symbolic_link_is_refused()
    {
        var link = _directory.Combine("link.json");
        File.CreateSymbolicLink(link, _directory.Combine("missing.json"));

        Assert.Throws<OpenClawException>(() => Write(link, "new"));

        Assert.False(File.Exists(_directory.Combine("missing.json")));
    }

    [Fact]
    public void A_directory_is_refused()
    {
        var path = _directory.Combine("openclaw.json");
        Directory.CreateDirectory(path);

        var error = Assert.Throws<OpenClawException>(() => Write(path, "new"));

        Assert.Equal($"Cannot write {path}: it is a directory.", error.Message);
    }

    [Fact]
    public void A_failed_backup_leaves_the_target_untouched_and_no_temporary_file()
    {
        var path = _directory.Combine("openclaw.json");
        File.WriteAllText(path, "original");
        // A non-empty directory where the backup goes: the rename onto it fails, whoever runs the test.
        Directory.CreateDirectory(_directory.Combine("openclaw.json.bak", "occupied"));

        var error = Assert.Throws<OpenClawException>(() => Write(path, "new", new AtomicWriteOptions { KeepBackup = true }));

        Assert.StartsWith($"Cannot write {path}.bak: ", error.Message);
        Assert.Equal("original", File.ReadAllText(path));
        Assert.Equal(["openclaw.json", "openclaw.json.bak"], Entries());
    }

    [Fact]
    public void A_read_only_directory_fails_the_write_and_leaves_the_target_untouched()
    {
        var directory = _directory.Combine("locked");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "openclaw.json");
        File.WriteAllText(path, "original");
        UnixModes.Set(directory, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        UnixModes.SkipUnlessPermissionsAreEnforced(directory);

        var error = Assert.Throws<OpenClawException>(() => Write(path, "new"));

        Assert.StartsWith($"Cannot write {path}: ", error.Message);
        Assert.Equal("original", File.ReadAllText(path));
        Assert.Equal(["openclaw.json"], Entries(directory));
    }

    [Fact]
    public void A_file_where_the_directory_should_be_is_reported()
    {
        var blocker = _directory.Combine("agents");
        File.WriteAllText(blocker, "not a directory");

        var error = Assert.Throws<OpenClawException>(() => Write(Path.Combine(blocker, "main", "file.json"), "x"));

        Assert.StartsWith($"Cannot create directory {Path.Combine(blocker, "main")}: ", error.Message);
    }
}
