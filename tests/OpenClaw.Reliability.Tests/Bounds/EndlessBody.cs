namespace OpenClaw.Reliability.Tests.Bounds;

/// <summary>
/// A response body a hostile or broken server would send: a prefix, then one unit repeated until <see cref="TotalBytes"/>
/// (10 GB by default) — produced on demand, so a test can offer ten gigabytes without having them. Counts what was read.
/// </summary>
internal sealed class EndlessBody : SynchronousReadStream
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
}
