using System.Diagnostics;

namespace OpenClaw.LoadBench;

/// <summary>
/// Runs a closed loop: <c>N</c> workers, each sending its next request as soon as its previous stream ended, until the batch's
/// request count is reached. A response whose text differs from the reference is a failure (so a path that reads less
/// cannot look faster).
/// </summary>
internal sealed class BatchRunner(Func<TimeSpan>? serverCpu)
{
    private readonly Process _self = Process.GetCurrentProcess();

    public async Task<BatchResult> RunAsync(IStreamPath path, int concurrency, int requests, TextTally expected, CancellationToken cancellationToken)
    {
        var outcomes = new StreamOutcome[requests];
        var next = -1;

        // Start every batch from the same heap state; the collection itself is not measured.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();

        var serverBefore = serverCpu?.Invoke();
        _self.Refresh();
        var cpuBefore = _self.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();

        var workers = new Task[Math.Min(concurrency, requests)];
        for (var w = 0; w < workers.Length; w++)
        {
            workers[w] = Task.Run(async () =>
            {
                int index;
                while ((index = Interlocked.Increment(ref next)) < requests)
                {
                    var outcome = await path.RunAsync(cancellationToken).ConfigureAwait(false);
                    if (!outcome.Failed && outcome.Text != expected)
                    {
                        outcome = outcome with { Error = $"answer differs from the reference: got {outcome.Text}, expected {expected}" };
                    }
                    outcomes[index] = outcome;
                }
            }, cancellationToken);
        }
        await Task.WhenAll(workers).ConfigureAwait(false);

        var wall = Stopwatch.GetTimestamp() - started;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        _self.Refresh();
        var cpu = _self.TotalProcessorTime - cpuBefore;
        var server = serverCpu?.Invoke() - serverBefore;
        return new BatchResult(outcomes, wall, cpu, server, allocated);
    }
}
