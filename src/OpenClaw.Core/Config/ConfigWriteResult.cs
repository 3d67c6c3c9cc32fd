namespace OpenClaw.Core.Config;

/// <summary>What a config update did.</summary>
/// <param name="Changed">False when the edit changed nothing and no file was written.</param>
/// <param name="Path">The config file.</param>
/// <param name="BackupPath">The <c>.bak</c> holding the previous content, when there was one.</param>
public sealed record ConfigWriteResult(bool Changed, string Path, string? BackupPath);
