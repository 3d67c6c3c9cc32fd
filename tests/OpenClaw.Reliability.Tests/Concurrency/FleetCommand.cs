namespace OpenClaw.Reliability.Tests.Concurrency;

/// <summary>One <c>openclaw</c> process of a <see cref="CliFleet"/>.</summary>
/// <param name="Label">Names the process in assertions and in the output ledger (never holds the key).</param>
/// <param name="Args">The command line after <c>openclaw</c>.</param>
/// <param name="Stdin">Standard input, written and closed right after the start; null closes it at once.</param>
public sealed record FleetCommand(string Label, string[] Args, string? Stdin = null);
