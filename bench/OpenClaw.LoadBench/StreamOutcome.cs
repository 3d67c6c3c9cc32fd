namespace OpenClaw.LoadBench;

/// <summary>What one streamed request produced: how long it took from send to last byte, and what text arrived.</summary>
/// <param name="ElapsedTicks">From before the request was built to after the stream ended, in <see cref="System.Diagnostics.Stopwatch"/> ticks.</param>
/// <param name="Text">The answer text and its reasoning, as counted by <see cref="TextTally"/>.</param>
/// <param name="Error">Why the request failed (an exception, an error status, a stream without its final chunk); <see langword="null"/> when it did not.</param>
internal readonly record struct StreamOutcome(long ElapsedTicks, TextTally Text, string? Error)
{
    public bool Failed => Error is not null;
}
