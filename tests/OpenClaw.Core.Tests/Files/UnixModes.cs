namespace OpenClaw.Core.Tests.Files;

/// <summary>Unix permission helpers that skip the test where permissions do not apply (Windows, or running as root).</summary>
internal static class UnixModes
{
    public const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public const UnixFileMode WorldReadableFile = OwnerOnlyFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    public static UnixFileMode Of(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            return File.GetUnixFileMode(path);
        }
        Assert.Skip("Unix file modes do not exist on Windows.");
        return default;
    }

    public static void Set(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
            return;
        }
        Assert.Skip("Unix file modes do not exist on Windows.");
    }

    /// <summary>Skips the test when <paramref name="readOnlyDirectory"/> still accepts new files (root ignores permissions).</summary>
    public static void SkipUnlessPermissionsAreEnforced(string readOnlyDirectory)
    {
        var probe = Path.Combine(readOnlyDirectory, ".probe");
        try
        {
            File.WriteAllBytes(probe, []);
        }
        catch (UnauthorizedAccessException)
        {
            return;
        }
        File.Delete(probe);
        Assert.Skip("Directory permissions are not enforced for this user (running as root?).");
    }
}
