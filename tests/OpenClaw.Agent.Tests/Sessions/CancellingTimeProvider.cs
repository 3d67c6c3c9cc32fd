namespace OpenClaw.Agent.Tests.Sessions;

/// <summary>
/// A clock that, once armed, cancels a token the next time it is read. The store reads the clock inside its write transaction,
/// so this cancels a commit after the transaction began.
/// </summary>
internal sealed class CancellingTimeProvider(TimeProvider inner) : TimeProvider
{
    private CancellationTokenSource? _armed;

    public void CancelOnNextRead(CancellationTokenSource cancellation) => _armed = cancellation;

    public override DateTimeOffset GetUtcNow()
    {
        Interlocked.Exchange(ref _armed, null)?.Cancel();
        return inner.GetUtcNow();
    }
}
