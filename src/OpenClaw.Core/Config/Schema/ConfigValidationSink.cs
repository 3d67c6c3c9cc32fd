namespace OpenClaw.Core.Config.Schema;

/// <summary>Collects what a validation pass found, in document order.</summary>
internal sealed class ConfigValidationSink
{
    private readonly List<ConfigIssue> _issues = [];
    private readonly List<ConfigIssue> _warnings = [];

    public IReadOnlyList<ConfigIssue> Issues => _issues;

    public IReadOnlyList<ConfigIssue> Warnings => _warnings;

    public void Issue(string path, string message) => _issues.Add(new ConfigIssue(path, message));

    public void Warning(string path, string message) => _warnings.Add(new ConfigIssue(path, message));
}
