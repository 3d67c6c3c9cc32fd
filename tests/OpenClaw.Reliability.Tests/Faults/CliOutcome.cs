namespace OpenClaw.Reliability.Tests.Faults;

/// <summary>The documented outcome of one matrix cell at the CLI level (CLI spec §1: exit 1 and <c>Error: &lt;message&gt;</c> on stderr).</summary>
public sealed record CliOutcome
{
    /// <summary>Whether the operation has a command; <see langword="false"/>: "n/a: no command" (library-only cell).</summary>
    public bool HasCommand { get; init; } = true;

    /// <summary>The exit code.</summary>
    public int ExitCode { get; init; }

    /// <summary>A regular expression stderr must match (whole text, multi-line).</summary>
    public string Stderr { get; init; } = "";

    /// <summary>A regular expression stdout must match (whole text, multi-line).</summary>
    public string Stdout { get; init; } = "";

    /// <summary>Whether the command leaves its output file (media commands); on failure nothing may be left, not even a temporary file.</summary>
    public bool WritesFile { get; init; }

    /// <summary>A few words for the README table.</summary>
    public string Summary => HasCommand ? $"exit {ExitCode}" : "n/a: no command";

    public static CliOutcome NoCommand { get; } = new() { HasCommand = false };
}
