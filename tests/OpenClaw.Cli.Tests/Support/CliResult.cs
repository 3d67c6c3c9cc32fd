using System.Text.Json.Nodes;

namespace OpenClaw.Cli.Tests.Support;

/// <summary>What one <c>openclaw</c> run produced.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Stdout parsed as the single JSON document it must be in <c>--json</c> mode.</summary>
    public JsonNode Json => JsonNode.Parse(Stdout) ?? throw new InvalidOperationException("stdout is JSON null");

    /// <summary>Stdout lines without the trailing empty one.</summary>
    public IReadOnlyList<string> StdoutLines => Lines(Stdout);

    /// <summary>Stderr lines without the trailing empty one.</summary>
    public IReadOnlyList<string> StderrLines => Lines(Stderr);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}--- stderr\n{Stderr}";

    private static string[] Lines(string text) =>
        text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n');
}
