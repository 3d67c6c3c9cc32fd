using System.Text.Json.Nodes;

namespace OpenClaw.Core.Config;

/// <summary>
/// Reads and writes <c>openclaw.json</c>. Every write happens under <c>&lt;path&gt;.lock</c> on a freshly re-read document (so
/// concurrent processes never lose each other's changes), validates the whole result first, keeps the previous file as
/// <c>.bak</c> and replaces the file atomically (pretty JSON, 2-space indent, keys the program does not know preserved).
/// </summary>
public sealed class ConfigStore
{
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
    public ConfigWriteResult Update(Func<JsonObject, bool> edit) => throw new NotImplementedException();
}
