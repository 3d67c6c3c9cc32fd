using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OpenClaw.Reliability.Tests.Bounds;

/// <summary>
/// A real loopback HTTP/1.1 server that answers every request with a chunked body that does not end: a prefix, then one
/// unit repeated until the client hangs up or <see cref="EndlessBody.TenGigabytes"/> have been sent. For runs of the real
/// <c>openclaw</c> process, which cannot take an in-process handler.
/// </summary>
public sealed class HostileServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly string _mediaType;
    private readonly byte[] _prefix;
    private readonly byte[] _unit;
    private readonly Task _accepting;
    private long _bytesSent;

    public HostileServer(string mediaType, string prefix, string unit)
    {
        _mediaType = mediaType;
        _prefix = Encoding.UTF8.GetBytes(prefix);
        _unit = Encoding.UTF8.GetBytes(unit);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The base URL to configure (<c>http://127.0.0.1:&lt;port&gt;/api/v1</c>).</summary>
    public string BaseUrl => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/api/v1";

    /// <summary>Body bytes written to the sockets (the kernel may still hold some the client never read).</summary>
    public long BytesSent => Interlocked.Read(ref _bytesSent);

    /// <summary>Request lines received (<c>GET /api/v1/models HTTP/1.1</c>).</summary>
    public List<string> RequestLines { get; } = [];

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var head = await ReadHeadAsync(stream).ConfigureAwait(false);
                lock (RequestLines)
                {
                    RequestLines.Add(head.Split("\r\n")[0]);
                }
                var headers = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: {_mediaType}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
                await stream.WriteAsync(headers, _stop.Token).ConfigureAwait(false);
                await WriteChunkAsync(stream, _prefix).ConfigureAwait(false);
                var block = new byte[64 * 1024 / _unit.Length * _unit.Length];
                for (var i = 0; i < block.Length; i += _unit.Length)
                {
                    _unit.CopyTo(block, i);
                }
                while (BytesSent < EndlessBody.TenGigabytes)
                {
                    await WriteChunkAsync(stream, block).ConfigureAwait(false);
                }
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client hung up: what a capped reader does.
            }
        }
    }

    private async Task WriteChunkAsync(NetworkStream stream, byte[] data)
    {
        if (data.Length == 0)
        {
            return;
        }
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"{data.Length:X}\r\n"), _stop.Token).ConfigureAwait(false);
        await stream.WriteAsync(data, _stop.Token).ConfigureAwait(false);
        await stream.WriteAsync("\r\n"u8.ToArray(), _stop.Token).ConfigureAwait(false);
        Interlocked.Add(ref _bytesSent, data.Length);
    }

    private async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        while (received.Count < 64 * 1024)
        {
            var read = await stream.ReadAsync(buffer, _stop.Token).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }
            received.AddRange(buffer.AsSpan(0, read));
            var text = Encoding.ASCII.GetString([.. received]);
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end >= 0)
            {
                return text[..end];
            }
        }
        return Encoding.ASCII.GetString([.. received]);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        try
        {
            await _accepting.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }
}
