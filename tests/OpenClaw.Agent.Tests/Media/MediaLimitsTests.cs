using OpenClaw.Agent.Media;

namespace OpenClaw.Agent.Tests.Media;

public sealed class MediaLimitsTests
{
    [Theory]
    [InlineData(null, 16L * 1024 * 1024)]
    [InlineData(16.0, 16L * 1024 * 1024)]
    [InlineData(1.0, 1024L * 1024)]
    [InlineData(0.5, 512L * 1024)]
    [InlineData(0.0, 16L * 1024 * 1024)]
    [InlineData(-3.0, 16L * 1024 * 1024)]
    [InlineData(double.NaN, 16L * 1024 * 1024)]
    [InlineData(1e-9, 1L)]
    public void Megabytes_become_bytes(double? megabytes, long bytes) =>
        Assert.Equal(bytes, MediaLimits.BytesFromMegabytes(megabytes));

    [Fact]
    public void A_huge_cap_does_not_overflow() =>
        Assert.True(MediaLimits.BytesFromMegabytes(1e300) > 0);

    [Fact]
    public void The_cap_reads_in_mebibytes()
    {
        Assert.Equal("16 MiB", MediaLimits.Describe(16L * 1024 * 1024));
        Assert.Equal("1.5 MiB", MediaLimits.Describe(1536L * 1024));
        Assert.Equal("512 KiB", MediaLimits.Describe(512L * 1024));
        Assert.Equal("10 bytes", MediaLimits.Describe(10));
    }
}
