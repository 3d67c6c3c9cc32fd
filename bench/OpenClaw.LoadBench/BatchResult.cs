namespace OpenClaw.LoadBench;

/// <summary>One batch of one path at one concurrency level: every request's outcome and what the batch cost this process.</summary>
/// <param name="Outcomes">Every request's outcome, in the order the requests were started.</param>
/// <param name="WallTicks">The batch's wall time, in <see cref="System.Diagnostics.Stopwatch"/> ticks.</param>
/// <param name="ClientCpu">This process's CPU time (all threads: request code, the socket and timer threads, the GC).</param>
/// <param name="ServerCpu">The emulator's CPU time, when it is our child process.</param>
/// <param name="AllocatedBytes">Bytes allocated by this process (<see cref="GC.GetTotalAllocatedBytes(bool)"/>, precise).</param>
internal sealed record BatchResult(IReadOnlyList<StreamOutcome> Outcomes, long WallTicks, TimeSpan ClientCpu, TimeSpan? ServerCpu, long AllocatedBytes);
