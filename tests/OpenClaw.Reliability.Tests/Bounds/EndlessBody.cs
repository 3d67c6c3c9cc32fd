namespace OpenClaw.Reliability.Tests.Bounds;

/// <summary>
/// A response body a hostile or broken server would send: a prefix, then one unit repeated until <see cref="TotalBytes"/>
/// (10 GB by default) — produced on demand, so a test can offer ten gigabytes without having them. Counts what was read.
/// </summary>
public sealed class EndlessBody : Stream
{
    /// <summary>Ten gigabytes.</summary>
    public const long TenGigabytes = 10L * 1000 * 1000 * 1000;

    private readonly byte[] _prefix;
    private readonly byte[] _unit;
    private long _position;

    public EndlessBody(string prefix, string unit, long totalBytes = TenGigabytes)
    {
        _prefix = System.Text.Encoding.UTF8.GetBytes(prefix);
        _unit = System.Text.Encoding.UTF8.GetBytes(unit);
        TotalBytes = totalBytes;
    }

    /// <summary>How long the body would be if read to the end.</summary>
    public long TotalBytes { get; }

    /// <summary>How many bytes the client took.</summary>
    public long BytesRead => Interlocked.Read(ref _position);

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(Span<byte> buffer)
    {
        var position = Interlocked.Read(ref _position);
        var written = 0;
        while (written < buffer.Length && position < TotalBytes)
        {
            ReadOnlySpan<byte> source = position < _prefix.Length
                ? _prefix.AsSpan((int)position)
                : _unit.AsSpan((int)((position - _prefix.Length) % _unit.Length));
            var count = (int)Math.Min(Math.Min(source.Length, buffer.Length - written), TotalBytes - position);
            source[..count].CopyTo(buffer[written..]);
            written += count;
            position += count;
        }
        Interlocked.Exchange(ref _position, position);
        return written;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Read(buffer.Span));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
