namespace OpenClaw.Reliability.Tests.Faults;

/// <summary>One emulator fault of the matrix: its name, the directive queued in library runs and in CLI runs, and what it does.</summary>
/// <param name="Name">The emulator's fault name (<c>FaultNames</c>).</param>
/// <param name="Directive">The directive queued in library runs (<c>name; key=value</c>).</param>
/// <param name="CliDirective">The directive queued in CLI runs: the same, except where the CLI cannot shorten its time limits.</param>
/// <param name="Effect">What the emulator does, in a few words (the README column).</param>
public sealed record FaultKind(string Name, string Directive, string CliDirective, string Effect)
{
    /// <summary>Whether the fault is about time (a stall, a slow first byte): its cells run on the real clock with short limits.</summary>
    public bool IsAboutTime => Name is FaultCatalog.Stall or FaultCatalog.SlowFirstByte;

    public override string ToString() => Name;
}
