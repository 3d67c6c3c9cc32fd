using OpenClaw.Reliability.Tests.Support;

[assembly: AssemblyFixture(typeof(OutputLedgerCheck))]

namespace OpenClaw.Reliability.Tests.Support;

/// <summary>
/// Runs once after every test of the suite: greps everything <see cref="OutputLedger"/> collected for the suite's API key
/// and fails the run (an assembly clean-up failure) naming each output that contained it. It also writes the figures
/// (outputs and characters searched) to <c>reliability-ledger.txt</c> next to the test assembly, for the README.
/// </summary>
public sealed class OutputLedgerCheck : IAsyncDisposable
{
    public ValueTask DisposeAsync()
    {
        var leaks = OutputLedger.Leaks();
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "reliability-ledger.txt"),
            $"outputs {OutputLedger.Count}, characters {OutputLedger.Characters}, leaks {leaks.Count}\n");
        if (leaks.Count > 0)
        {
            throw new InvalidOperationException(
                $"The API key appeared in {leaks.Count} output(s) of the reliability suite:\n"
                + string.Join('\n', leaks.Take(50).Select(leak => $"- {leak.Source} (contains \"{leak.Fragment[..Math.Min(12, leak.Fragment.Length)]}…\")")));
        }
        return ValueTask.CompletedTask;
    }
}
