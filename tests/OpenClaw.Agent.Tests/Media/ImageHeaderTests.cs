using OpenClaw.Agent.Media;

namespace OpenClaw.Agent.Tests.Media;

public sealed class ImageHeaderTests
{
    public static TheoryData<string, byte[], string, int, int> Images => new()
    {
        { "png", TestImages.Png(64, 36), "image/png", 64, 36 },
        { "jpeg", TestImages.Jpeg(1920, 1080), "image/jpeg", 1920, 1080 },
        { "gif", TestImages.Gif(3, 2), "image/gif", 3, 2 },
        { "webp lossy", TestImages.WebPLossy(640, 480), "image/webp", 640, 480 },
        { "webp lossless", TestImages.WebPLossless(300, 200), "image/webp", 300, 200 },
        { "webp extended", TestImages.WebPExtended(4000, 3000), "image/webp", 4000, 3000 },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void Recognises_the_format_by_its_bytes_and_reads_the_size(string name, byte[] data, string mediaType, int width, int height)
    {
        Assert.Equal(mediaType, ImageHeader.DetectMediaType(data));
        Assert.True(ImageHeader.TryReadSize(data, out var w, out var h), name);
        Assert.Equal((width, height), (w, h));
    }

    [Fact]
    public void Anything_else_is_not_an_image()
    {
        Assert.Null(ImageHeader.DetectMediaType("not an image at all"u8));
        Assert.Null(ImageHeader.DetectMediaType([]));
        Assert.False(ImageHeader.TryReadSize("<html></html>"u8, out var w, out var h));
        Assert.Equal((0, 0), (w, h));
    }

    [Fact]
    public void A_truncated_header_has_no_size()
    {
        var png = TestImages.Png(10, 10);

        Assert.Equal("image/png", ImageHeader.DetectMediaType(png.AsSpan(0, 12)));
        Assert.False(ImageHeader.TryReadSize(png.AsSpan(0, 20), out _, out _));
        Assert.False(ImageHeader.TryReadSize(TestImages.Jpeg(5, 5).AsSpan(0, 22), out _, out _));
    }

    [Theory]
    [InlineData("image/png", "png")]
    [InlineData("image/jpeg", "jpg")]
    [InlineData("IMAGE/WEBP", "webp")]
    [InlineData("image/gif", "gif")]
    [InlineData("video/mp4", null)]
    public void Extensions_follow_the_media_type(string mediaType, string? extension) =>
        Assert.Equal(extension, ImageHeader.ExtensionOf(mediaType));
}
