namespace OpenClaw.Reliability.Tests.Concurrency;

/// <summary>Holds the machine-wide <see cref="ProcessStormLock"/> while the concurrency collection runs.</summary>
public sealed class ProcessStormHold : IAsyncLifetime
{
    private ProcessStormLock? _held;

    public async ValueTask InitializeAsync() => _held = await ProcessStormLock.AcquireAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync()
    {
        _held?.Dispose();
        return ValueTask.CompletedTask;
    }
}
