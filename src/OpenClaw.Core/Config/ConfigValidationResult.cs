namespace OpenClaw.Core.Config;

/// <summary>The outcome of <see cref="ConfigValidator.Validate"/>.</summary>
public sealed record ConfigValidationResult(IReadOnlyList<ConfigIssue> Issues, IReadOnlyList<ConfigIssue> Warnings)
{
    public bool IsValid => Issues.Count == 0;
}
