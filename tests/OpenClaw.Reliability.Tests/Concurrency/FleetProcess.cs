using System.Diagnostics;
using OpenClaw.Reliability.Tests.Support;

namespace OpenClaw.Reliability.Tests.Concurrency;

/// <summary>A running process of a <see cref="CliFleet"/>.</summary>
public sealed class FleetProcess : IDisposable
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _disposed;

    public FleetProcess(FleetCommand command, RunningCli running)
    {
        Command = command;
        Running = running;
    }

    public FleetCommand Command { get; }

    public RunningCli Running { get; }

    /// <summary>Writes <paramref name="stdin"/> (if any) and closes standard input.</summary>
    public void CloseInput(string? stdin)
    {
        if (stdin is not null)
        {
            Running.Process.StandardInput.Write(stdin);
        }
        Running.Process.StandardInput.Close();
    }

    /// <summary>Waits for the exit (see <see cref="CliFleet.ProcessTimeout"/>) and records the output in the ledger.</summary>
    public async Task<FleetResult> WaitAsync(SuiteCli user)
    {
        ArgumentNullException.ThrowIfNull(user);
        try
        {
            var result = await Running.WaitAsync(CliFleet.ProcessTimeout).ConfigureAwait(false);
            OutputLedger.Record($"{user.Label}: process {Command.Label}", result);
            return new FleetResult(Command, result, _clock.Elapsed, Running.Process.ExitTime);
        }
        finally
        {
            Dispose();
        }
    }

    /// <summary>Kills the process if it still runs (idempotent).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Running.Dispose();
        }
    }
}
