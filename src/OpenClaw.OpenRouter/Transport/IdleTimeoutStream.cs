using OpenClaw.OpenRouter.Errors;

namespace OpenClaw.OpenRouter.Transport;

/// <summary>
/// A read-only response stream that fails when no byte arrives within the idle limit. Every byte counts, keep-alive comments
/// and whitespace included, so a healthy reasoning stream can run for as long as it keeps talking.
/// </summary>
internal sealed class IdleTimeoutStream : Stream
{
    private readonly Stream _inner;
    private readonly TimeSpan _idle;
    private readonly TimeProvider _time;

    public IdleTimeoutStream(Stream inner, TimeSpan idle, TimeProvider time)
    {
        _inner = inner;
        _idle = idle;
        _time = time;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_idle == Timeout.InfiniteTimeSpan || _idle <= TimeSpan.Zero)
        {
            return await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        using var idle = new CancellationTokenSource(_idle, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
        try
        {
            return await _inner.ReadAsync(buffer, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new OpenRouterTimeoutException($"OpenRouter sent nothing for {_idle.TotalSeconds:0.###} s; the stream was abandoned.")
            {
                Kind = OpenRouterTimeoutKind.StreamIdle,
            };
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
