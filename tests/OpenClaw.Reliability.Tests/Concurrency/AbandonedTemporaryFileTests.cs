using System.Diagnostics;
using System.Text.Json.Nodes;
using OpenClaw.Core.Config;
using OpenClaw.Core.Credentials;
using OpenClaw.Core.Files;
using OpenClaw.Reliability.Tests.Support;

namespace OpenClaw.Reliability.Tests.Concurrency;

/// <summary>
/// A writer SIGKILLed between creating its temporary file and renaming it over the target leaves
/// <c>.&lt;name&gt;.&lt;pid&gt;.&lt;guid&gt;.tmp</c> behind — for the auth store a copy of the keys nobody would ever clean up.
/// The next successful write of the same file removes the temporaries of writers that are gone, and only those.
/// </summary>
[Collection(ConcurrencyCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AbandonedTemporaryFileTests
{
    [Fact]
    public void A_write_removes_the_temporary_files_of_dead_writers_and_keeps_those_of_live_ones_and_foreign_files()
    {
        using var directory = new TemporaryDirectory();
        var target = directory.Combine("openclaw.json");
        var dead = Stray(directory.Path, "openclaw.json", DeadProcessId());
        var backupOfDead = Stray(directory.Path, "openclaw.json.bak", DeadProcessId());
        var own = Stray(directory.Path, "openclaw.json", Environment.ProcessId);
        using var live = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
        try
        {
            var running = Stray(directory.Path, "openclaw.json", live.Id);
            var foreign = directory.Combine(".openclaw.json.notes.tmp");
            File.WriteAllText(foreign, "a user's file");
            var otherTarget = Stray(directory.Path, "other.json", DeadProcessId());

            AtomicFile.Write(target, "{}"u8, new AtomicWriteOptions { KeepBackup = true });
            AtomicFile.Write(target, "{\"a\":1}"u8, new AtomicWriteOptions { KeepBackup = true });

            Assert.False(File.Exists(dead), "the dead writer's temporary file is still there");
            Assert.False(File.Exists(backupOfDead), "the dead writer's temporary backup is still there");
            Assert.True(File.Exists(own), "a temporary file of this process (an in-flight write) was deleted");
            Assert.True(File.Exists(running), "a running writer's temporary file was deleted");
            Assert.True(File.Exists(foreign), "a file not named like our temporaries was deleted");
            Assert.True(File.Exists(otherTarget), "another file's temporary was deleted");
        }
        finally
        {
            live.Kill();
            live.WaitForExit();
        }
    }

    [Fact]
    public void The_config_and_auth_stores_clean_up_after_a_writer_killed_mid_write_even_when_they_change_nothing()
    {
        using var directory = new TemporaryDirectory();
        var configPath = directory.Combine(".openclaw", "openclaw.json");
        var authPath = directory.Combine(".openclaw", "agents", "main", "agent", "auth-profiles.json");
        var config = new ConfigStore(configPath);
        var auth = new AuthProfileStore(authPath);
        config.Update(root =>
        {
            root["agents"] = new JsonObject { ["defaults"] = new JsonObject { ["timeoutSeconds"] = 120 } };
            return true;
        });
        auth.Update(document => AuthProfileStore.SetApiKey(document, AuthProfileStore.DefaultProfileId, SuiteKey.Value));
        // What a killed onboarding leaves: a half-written config, a complete copy of the auth store and a half-written backup.
        var configStray = Stray(Path.GetDirectoryName(configPath)!, "openclaw.json", DeadProcessId(), "{\"agents\":{\"def");
        var backupStray = Stray(Path.GetDirectoryName(configPath)!, "openclaw.json.bak", DeadProcessId(), "{");
        var authStray = Stray(Path.GetDirectoryName(authPath)!, "auth-profiles.json", DeadProcessId(), File.ReadAllText(authPath));

        // The next commands touch the stores without changing them (an identical config set, an onboarding with the same key).
        Assert.False(config.Update(_ => false).Changed);
        Assert.False(auth.Update(document => AuthProfileStore.SetApiKey(document, AuthProfileStore.DefaultProfileId, SuiteKey.Value)));

        Assert.False(File.Exists(configStray));
        Assert.False(File.Exists(backupStray));
        Assert.False(File.Exists(authStray));
        Assert.Equal(["openclaw.json", "openclaw.json.lock"], StateFiles.List(Path.GetDirectoryName(configPath)!).Where(file => !file.Contains('/', StringComparison.Ordinal)));
        Assert.Equal(["auth-profiles.json", "auth-profiles.json.lock"], StateFiles.List(Path.GetDirectoryName(authPath)!));
    }

    /// <summary>Creates a temporary file named the way <see cref="AtomicFile"/> names them, as if process <paramref name="pid"/> were writing.</summary>
    private static string Stray(string directory, string fileName, int pid, string content = "partial")
    {
        var path = Path.Combine(directory, $".{fileName}.{pid}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(path, content);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }

    /// <summary>The id of a process that has exited (and been reaped).</summary>
    private static int DeadProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }
}
