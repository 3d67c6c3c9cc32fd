using System.Globalization;
using System.Text.Json.Nodes;
using OpenClaw.Core.Errors;
using OpenClaw.Core.Files;

namespace OpenClaw.Core.Config;

/// <summary>
/// Reads and writes <c>openclaw.json</c>. Every write happens under <c>&lt;path&gt;.lock</c> on a freshly re-read document (so
/// concurrent processes never lose each other's changes), validates the whole result first, keeps the previous file as
/// <c>.bak</c> and replaces the file atomically (pretty JSON, 2-space indent, keys the program does not know preserved).
/// </summary>
public sealed class ConfigStore
{
    private static readonly AtomicWriteOptions ConfigWrite = new()
    {
        KeepBackup = true,
        FileMode = AtomicWriteOptions.OwnerOnlyFile,
        DirectoryMode = AtomicWriteOptions.OwnerOnlyDirectory,
    };

    private static readonly AtomicWriteOptions RejectedWrite = new()
    {
        FileMode = AtomicWriteOptions.OwnerOnlyFile,
        DirectoryMode = AtomicWriteOptions.OwnerOnlyDirectory,
    };

    public ConfigStore(string path, TimeProvider? timeProvider = null)
    {
        Path = path;
        TimeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The config file.</summary>
    public string Path { get; }

    /// <summary>Clock for the rejected-file timestamp.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Reads the current document (see <see cref="ConfigDocument.Load"/>).</summary>
    public ConfigDocument Load() => ConfigDocument.Load(Path);

    /// <summary>
    /// Under the lock: re-reads the file, lets <paramref name="edit"/> change the root (return false for "no change"), validates
    /// the result with <see cref="ConfigValidator"/> and writes it. An invalid result is not written: it is saved as
    /// <c>&lt;path&gt;.rejected.&lt;timestamp&gt;</c> and a <see cref="ConfigException"/>
    /// <c>Config validation failed: &lt;key path&gt;: &lt;message&gt;</c> is thrown. The file is untouched on any failure.
    /// </summary>
    /// <remarks>Temporary files left by writers that were killed mid-write are removed either way.</remarks>
    public ConfigWriteResult Update(Func<JsonObject, bool> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var fullPath = System.IO.Path.GetFullPath(Path);
        // The lock file lives next to the config, so a fresh state directory has to exist before anything else.
        Wrap(() => AtomicFile.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!, AtomicWriteOptions.OwnerOnlyDirectory));
        using var fileLock = Wrap(() => FileLock.Acquire(fullPath + ".lock"));
        // Whatever a writer killed mid-write left behind goes now, even if this update changes nothing.
        AtomicFile.RemoveAbandonedTemporaries(fullPath);

        var document = ConfigDocument.Load(fullPath);
        var root = document.Root;
        if (!edit(root))
        {
            return new ConfigWriteResult(Changed: false, fullPath, BackupPath: null);
        }
        Wrap(() => AtomicFile.EnsureWritableTarget(fullPath));

        var validation = ConfigValidator.Validate(root);
        if (!validation.IsValid)
        {
            var rejectedPath = SaveRejected(fullPath, root);
            var more = validation.Issues.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $" (+{validation.Issues.Count - 1} more)") : "";
            var message = $"Config validation failed: {validation.Issues[0]}{more}";
            throw new ConfigException(message) { Data = { ["rejectedPath"] = rejectedPath } };
        }

        var content = ConfigJson.SerializeUtf8(root);
        Wrap(() => AtomicFile.Write(fullPath, content, ConfigWrite));
        return new ConfigWriteResult(Changed: true, fullPath, document.Exists ? fullPath + ".bak" : null);
    }

    /// <summary>Keeps the rejected document for the user to inspect; returns its path, or null when even that could not be written.</summary>
    private string? SaveRejected(string fullPath, JsonObject root)
    {
        var timestamp = TimeProvider.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var rejectedPath = $"{fullPath}.rejected.{timestamp}";
        try
        {
            AtomicFile.Write(rejectedPath, ConfigJson.SerializeUtf8(root), RejectedWrite);
            return rejectedPath;
        }
        catch (Exception exception) when (exception is OpenClawException or ArgumentException)
        {
            // The validation failure is what the user must see; a missing copy of the rejected document is secondary
            // (ArgumentException: a NaN or Infinity, which JSON cannot hold, is among the issues).
            return null;
        }
    }

    private static void Wrap(Action action) => Wrap<object?>(() =>
    {
        action();
        return null;
    });

    /// <summary>File errors surface as <see cref="ConfigException"/>, keeping their message (which names the file).</summary>
    private static T Wrap<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (OpenClawException exception) when (exception is not ConfigException)
        {
            throw new ConfigException(exception.Message, exception);
        }
    }
}
