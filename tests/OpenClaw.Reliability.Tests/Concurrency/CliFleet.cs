using System.Diagnostics;
using OpenClaw.Reliability.Tests.Support;

namespace OpenClaw.Reliability.Tests.Concurrency;

/// <summary>
/// Many real <c>openclaw</c> processes in one HOME: all started before any is awaited, so they run at the same time.
/// Every process's output goes to the <see cref="OutputLedger"/>.
/// </summary>
public static class CliFleet
{
    /// <summary>How long one process of a fleet may take on a loaded two-core machine before the test calls it hung.</summary>
    public static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(150);

    /// <summary>Starts every command, then waits for all of them; returns the results in command order and the wall time.</summary>
    public static async Task<(IReadOnlyList<FleetResult> Results, TimeSpan Wall)> RunAsync(SuiteCli user, IReadOnlyList<FleetCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(commands);
        var wall = Stopwatch.StartNew();
        var started = commands.Select(command => Start(user, command)).ToArray();
        var results = await Task.WhenAll(started.Select(process => process.WaitAsync(user))).ConfigureAwait(false);
        return (results, wall.Elapsed);
    }

    /// <summary>Starts one command (standard input written and closed unless <paramref name="keepStdinOpen"/>).</summary>
    public static FleetProcess Start(SuiteCli user, FleetCommand command, bool keepStdinOpen = false)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(command);
        var process = new FleetProcess(command, user.Home.Start(command.Args));
        if (!keepStdinOpen)
        {
            process.CloseInput(command.Stdin);
        }
        return process;
    }
}
