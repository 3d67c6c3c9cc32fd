namespace OpenClaw.Reliability.Tests.Concurrency;

/// <summary>How one process of a <see cref="CliFleet"/> ended.</summary>
/// <param name="Command">What was run.</param>
/// <param name="Result">Exit code and output (recorded in the output ledger).</param>
/// <param name="Elapsed">From its start to its exit.</param>
/// <param name="ExitedAt">When it exited (local time, as <see cref="System.Diagnostics.Process.ExitTime"/>).</param>
public sealed record FleetResult(FleetCommand Command, CliResult Result, TimeSpan Elapsed, DateTime ExitedAt)
{
    public override string ToString() => $"{Command.Label} ({Elapsed.TotalSeconds:0.0} s): {Result}";
}
