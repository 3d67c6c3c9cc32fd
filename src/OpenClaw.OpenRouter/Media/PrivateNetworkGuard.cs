using System.Net;
using System.Net.Sockets;
using OpenClaw.OpenRouter.Errors;

namespace OpenClaw.OpenRouter.Media;

/// <summary>
/// The network guard of provider spec §15.3 for media requests: the target host is resolved before connecting and any
/// loopback, private, link-local, shared, documentation, multicast or reserved address refuses the connection. The socket is
/// connected to the very addresses that were checked, so a second DNS answer cannot slip a private address in.
/// </summary>
internal static class PrivateNetworkGuard
{
    /// <summary>A handler whose every connection goes through the guard (or no guard when <paramref name="allowPrivateNetwork"/>).</summary>
    public static SocketsHttpHandler CreateHandler(bool allowPrivateNetwork)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            // Redirects are followed by MediaHttp, which drops every header when the origin changes.
            AllowAutoRedirect = false,
        };
        if (!allowPrivateNetwork)
        {
            handler.ConnectCallback = ConnectAsync;
        }
        return handler;
    }

    /// <summary>Whether an address is one a media request may not reach.</summary>
    public static bool IsBlocked(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            return IsBlocked(address.MapToIPv4());
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> b = stackalloc byte[4];
            address.TryWriteBytes(b, out _);
            return b[0] switch
            {
                0 or 10 or 127 => true,
                100 => b[1] is >= 64 and <= 127,             // shared address space (CGNAT)
                169 => b[1] == 254,                           // link-local
                172 => b[1] is >= 16 and <= 31,
                192 => (b[1] == 168) || (b[1] == 0 && b[2] is 0 or 2) || (b[1] == 88 && b[2] == 99),
                198 => b[1] is 18 or 19 || (b[1] == 51 && b[2] == 100),
                203 => b[1] == 0 && b[2] == 113,
                >= 224 => true,                               // multicast, reserved, broadcast
                _ => false,
            };
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal
                || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal)
            {
                return true;
            }
            Span<byte> b = stackalloc byte[16];
            address.TryWriteBytes(b, out _);
            // ::/96: the unspecified address and the deprecated IPv4-compatible form (::127.0.0.1), which some stacks still route.
            if (b[..12].IndexOfAnyExcept((byte)0) < 0)
            {
                return true;
            }
            // NAT64 (64:ff9b::/96) carries an IPv4 address in its last four bytes.
            if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b[4..12].IndexOfAnyExcept((byte)0) < 0)
            {
                return IsBlocked(new IPAddress(b[12..]));
            }
            // 6to4 (2002::/16) carries an IPv4 address in bytes 2–5.
            if (b[0] == 0x20 && b[1] == 0x02)
            {
                return IsBlocked(new IPAddress(b[2..6]));
            }
            return (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b[4] == 0x00 && b[5] == 0x01) // local-use NAT64 (64:ff9b:1::/48)
                || (b[0] == 0x01 && b[1] == 0x00 && b[2..8].IndexOfAnyExcept((byte)0) < 0)                     // discard-only (100::/64)
                || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8)                              // documentation
                || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x00 && b[3] == 0x00);                             // Teredo
        }
        return true;
    }

    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0 || addresses.Any(IsBlocked))
        {
            throw new OpenRouterBlockedNetworkException { Host = host };
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
