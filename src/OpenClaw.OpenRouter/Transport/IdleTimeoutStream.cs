using OpenClaw.OpenRouter.Errors;

namespace OpenClaw.OpenRouter.Transport;

/// <summary>
/// A read-only response stream that fails when no byte arrives within the idle limit. Every byte counts, keep-alive comments
/// and whitespace included, so a healthy reasoning stream can run for as long as it keeps talking.
/// </summary>
internal sealed class IdleTimeoutStream : ReadOnlyWrapperStream
{
    private readonly TimeSpan _idle;
    private readonly TimeProvider _time;

    public IdleTimeoutStream(Stream inner, TimeSpan idle, TimeProvider time)
        : base(inner)
    {
        _idle = idle;
        _time = time;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_idle == Timeout.InfiniteTimeSpan || _idle <= TimeSpan.Zero)
        {
            return await Inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        using var idle = new CancellationTokenSource(_idle, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
        try
        {
            return await Inner.ReadAsync(buffer, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new OpenRouterTimeoutException($"OpenRouter sent nothing for {_idle.TotalSeconds:0.###} s; the stream was abandoned.")
            {
                Kind = OpenRouterTimeoutKind.StreamIdle,
            };
        }
    }
}
