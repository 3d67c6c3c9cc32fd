using System.Net;
using OpenClaw.OpenRouter.Media;

namespace OpenClaw.OpenRouter.Tests.Media;

public sealed class PrivateNetworkGuardTests
{
    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("0.1.2.3")]
    [InlineData("10.0.0.1")]
    [InlineData("10.255.255.255")]
    [InlineData("100.64.0.1")]          // shared address space (CGNAT)
    [InlineData("100.127.255.254")]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.255.255")]
    [InlineData("169.254.169.254")]     // link-local: cloud metadata
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.0.0.8")]           // IETF protocol assignments
    [InlineData("192.0.2.1")]           // documentation
    [InlineData("192.88.99.1")]         // 6to4 relay anycast
    [InlineData("192.168.1.1")]
    [InlineData("198.18.0.1")]          // benchmarking
    [InlineData("198.19.255.255")]
    [InlineData("198.51.100.7")]        // documentation
    [InlineData("203.0.113.9")]         // documentation
    [InlineData("224.0.0.1")]           // multicast
    [InlineData("239.255.255.250")]
    [InlineData("240.0.0.1")]           // reserved
    [InlineData("255.255.255.255")]     // broadcast
    public void Special_use_ipv4_addresses_are_blocked(string address) => Assert.True(PrivateNetworkGuard.IsBlocked(IPAddress.Parse(address)));

    [Theory]
    [InlineData("1.1.1.1")]
    [InlineData("8.8.8.8")]
    [InlineData("104.18.2.115")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.1")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.1")]
    [InlineData("192.0.1.1")]
    [InlineData("192.169.0.1")]
    [InlineData("198.17.255.255")]
    [InlineData("198.20.0.1")]
    [InlineData("203.0.114.1")]
    [InlineData("223.255.255.255")]
    public void Public_ipv4_addresses_are_allowed(string address) => Assert.False(PrivateNetworkGuard.IsBlocked(IPAddress.Parse(address)));

    [Theory]
    [InlineData("::")]                       // unspecified
    [InlineData("::1")]                      // loopback
    [InlineData("::127.0.0.1")]              // IPv4-compatible (deprecated)
    [InlineData("::8.8.8.8")]
    [InlineData("::ffff:127.0.0.1")]         // IPv4-mapped
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("64:ff9b::7f00:1")]          // NAT64 of 127.0.0.1
    [InlineData("64:ff9b::a00:1")]           // NAT64 of 10.0.0.1
    [InlineData("64:ff9b::c0a8:101")]        // NAT64 of 192.168.1.1
    [InlineData("64:ff9b:1::1")]             // local-use NAT64
    [InlineData("100::1")]                   // discard-only
    [InlineData("fe80::1")]                  // link-local
    [InlineData("fe80::1%2")]
    [InlineData("fec0::1")]                  // site-local
    [InlineData("fc00::1")]                  // unique local
    [InlineData("fd12:3456:789a::1")]
    [InlineData("ff02::1")]                  // multicast
    [InlineData("2001:db8::1")]              // documentation
    [InlineData("2001:0:4136:e378::1")]      // Teredo
    [InlineData("2002:7f00:1::1")]           // 6to4 of 127.0.0.1
    [InlineData("2002:c0a8:101::1")]         // 6to4 of 192.168.1.1
    public void Special_use_ipv6_addresses_are_blocked(string address) => Assert.True(PrivateNetworkGuard.IsBlocked(IPAddress.Parse(address)));

    [Theory]
    [InlineData("2606:4700::6810:273")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]         // NAT64 of 8.8.8.8
    [InlineData("2002:808:808::1")]          // 6to4 of 8.8.8.8
    public void Public_ipv6_addresses_are_allowed(string address) => Assert.False(PrivateNetworkGuard.IsBlocked(IPAddress.Parse(address)));

    [Fact]
    public void The_guarded_handler_follows_no_redirect_itself()
    {
        using var guarded = PrivateNetworkGuard.CreateHandler(allowPrivateNetwork: false);
        using var open = PrivateNetworkGuard.CreateHandler(allowPrivateNetwork: true);

        Assert.False(guarded.AllowAutoRedirect);
        Assert.NotNull(guarded.ConnectCallback);
        Assert.False(open.AllowAutoRedirect);
        Assert.Null(open.ConnectCallback);
    }
}
