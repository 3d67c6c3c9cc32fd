using System.Runtime.Versioning;
using OpenClaw.Reliability.Tests.Support;

namespace OpenClaw.Reliability.Tests.Secrets;

/// <summary>
/// Issue 9 §4, files: the two places the key is meant to live — the auth store <c>auth-profiles.json</c> (0600, directory
/// 0700) and the config file (0600) — and their backups, rejected copies and temporary files are owner-only after onboarding,
/// re-onboarding and config edits, and a loosened mode is put back. (Root ignores modes for access checks but the modes
/// are still set, so these asserts hold when the suite runs as root.)
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class FileModeTests
{
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode Loose = OwnerFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode, 8).PadLeft(4, '0');

    private static void AssertMode(UnixFileMode expected, string path) =>
        Assert.True(File.GetUnixFileMode(path) == expected, $"{path}: {Octal(File.GetUnixFileMode(path))}, expected {Octal(expected)}");

    private static async Task OnboardAsync(SuiteCli user, params string[] extra)
    {
        var result = await user.RunAsync(["onboard", "--non-interactive", "--accept-risk", "--openrouter-api-key", SuiteKey.Value, .. extra]);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    /// <summary>Every file next to the config and the auth store that holds (or held) the key: owner-only, no temporary file left.</summary>
    private static void AssertKeyFilesOwnerOnly(SuiteCli user)
    {
        AssertMode(OwnerFile, user.Home.AuthStorePath);
        AssertMode(OwnerDirectory, Path.GetDirectoryName(user.Home.AuthStorePath)!);
        AssertMode(OwnerFile, user.Home.ConfigPath);
        foreach (var directory in new[] { user.Home.StateDir, Path.GetDirectoryName(user.Home.AuthStorePath)! })
        {
            foreach (var file in Directory.GetFiles(directory))
            {
                var name = Path.GetFileName(file);
                Assert.False(name.EndsWith(".tmp", StringComparison.Ordinal), $"temporary file left: {file}");
                if (name.StartsWith("openclaw.json", StringComparison.Ordinal) || name.StartsWith("auth-profiles.json", StringComparison.Ordinal))
                {
                    AssertMode(OwnerFile, file);
                }
            }
        }
    }

    [Fact]
    public async Task Onboarding_writes_the_auth_store_0600_in_a_0700_directory_and_the_config_0600()
    {
        await using var user = await SuiteCli.StartAsync(nameof(Onboarding_writes_the_auth_store_0600_in_a_0700_directory_and_the_config_0600));
        user.Home.Environment.Remove("OPENROUTER_API_KEY");

        await OnboardAsync(user);

        AssertKeyFilesOwnerOnly(user);
        Assert.Equal(SuiteKey.Value, user.Home.ReadAuthStore()["profiles"]?["openrouter:default"]?["key"]?.GetValue<string>());
    }

    [Fact]
    public async Task Re_onboarding_and_config_edits_keep_every_key_file_and_backup_owner_only()
    {
        await using var user = await SuiteCli.StartAsync(nameof(Re_onboarding_and_config_edits_keep_every_key_file_and_backup_owner_only));
        user.Home.Environment.Remove("OPENROUTER_API_KEY");
        await OnboardAsync(user, "--json");

        await OnboardAsync(user);
        Assert.Equal(0, (await user.RunAsync("config", "set", "models.providers.openrouter.apiKey", SuiteKey.Value)).ExitCode);
        Assert.Equal(0, (await user.RunAsync("models", "set", "openrouter/emulator/echo")).ExitCode);
        Assert.Equal(1, (await user.RunAsync("config", "set", "models.providers.openrouter.nope", SuiteKey.Value)).ExitCode);

        AssertKeyFilesOwnerOnly(user);
        Assert.True(File.Exists(user.Home.ConfigPath + ".bak"));
        Assert.NotEmpty(Directory.GetFiles(user.Home.StateDir, "openclaw.json.rejected.*"));
    }

    [Fact]
    public async Task A_loosened_auth_store_or_config_is_reported_by_doctor_and_made_owner_only_again_by_the_next_write()
    {
        await using var user = await SuiteCli.StartAsync(nameof(A_loosened_auth_store_or_config_is_reported_by_doctor_and_made_owner_only_again_by_the_next_write));
        user.Home.Environment.Remove("OPENROUTER_API_KEY");
        await OnboardAsync(user);
        File.SetUnixFileMode(user.Home.AuthStorePath, Loose);
        File.SetUnixFileMode(user.Home.ConfigPath, Loose);
        File.SetUnixFileMode(Path.GetDirectoryName(user.Home.AuthStorePath)!, OwnerDirectory | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        var doctor = await user.RunAsync("doctor", "--json");
        var fix = await user.RunAsync("doctor", "--fix");
        await OnboardAsync(user);
        // The config is rewritten 0600 by its next change (an unchanged config is not written).
        Assert.Equal(0, (await user.RunAsync("models", "set", "openrouter/emulator/echo")).ExitCode);

        Assert.Contains("\"auth.store.mode\"", doctor.Stdout, StringComparison.Ordinal);
        Assert.Contains("(mode 644)", doctor.Stdout, StringComparison.Ordinal);
        Assert.Null(SuiteKey.FindIn(doctor.Stdout + doctor.Stderr));
        // This port has no `doctor --fix` (CLI spec §6 SHOULD): it is refused as an unknown option, nothing changes.
        Assert.Equal(1, fix.ExitCode);
        AssertKeyFilesOwnerOnly(user);
    }
}
