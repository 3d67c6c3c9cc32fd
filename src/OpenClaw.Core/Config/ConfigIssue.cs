namespace OpenClaw.Core.Config;

/// <summary>One problem in a config document: the full key path (<c>agents.defaults.model.fallbacks[1]</c>) and what is wrong.</summary>
public sealed record ConfigIssue(string Path, string Message)
{
    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";
}
