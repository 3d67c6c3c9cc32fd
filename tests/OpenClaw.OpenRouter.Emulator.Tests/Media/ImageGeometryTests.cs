using OpenClaw.OpenRouter.Emulator.Media;

namespace OpenClaw.OpenRouter.Emulator.Tests.Media;

public sealed class ImageGeometryTests
{
    [Theory]
    [InlineData("1:1", null, 64, 64)]
    [InlineData("16:9", null, 64, 36)]
    [InlineData("9:16", null, 36, 64)]
    [InlineData("21:9", null, 64, 27)]
    [InlineData("1:8", null, 8, 64)]
    [InlineData("4:3", "1K", 64, 48)]
    [InlineData("16:9", "2K", 128, 72)]
    [InlineData("16:9", "4K", 256, 144)]
    [InlineData("9:16", "4K", 144, 256)]
    [InlineData("1:1", "2K", 128, 128)]
    [InlineData("1:1", "4K", 256, 256)]
    public void Resolve_ScalesLongSideBySizeAndKeepsAspectRatio(string aspectRatio, string? imageSize, int width, int height)
    {
        Assert.Equal((width, height), ImageGeometry.Resolve(aspectRatio, imageSize));
    }

    [Theory]
    [InlineData("2k", 128)]
    [InlineData("4k", 256)]
    [InlineData("1k", 64)]
    public void Resolve_ImageSizeIsCaseInsensitive(string imageSize, int side)
    {
        Assert.Equal((side, side), ImageGeometry.Resolve("1:1", imageSize));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("8K")]
    [InlineData("huge")]
    public void Resolve_MissingOrUnknownImageSize_DefaultsTo1K(string? imageSize)
    {
        Assert.Equal((64, 36), ImageGeometry.Resolve("16:9", imageSize));
    }

    [Fact]
    public void Resolve_ExtremeRatio_KeepsShortSideAtLeastOnePixel()
    {
        Assert.Equal((64, 1), ImageGeometry.Resolve("100:1", null));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("16x9")]
    [InlineData("16:")]
    [InlineData(":9")]
    [InlineData("0:1")]
    [InlineData("-16:9")]
    [InlineData("16:9:1")]
    [InlineData("1.5:1")]
    [InlineData(" 16:9")]
    [InlineData("101:1")]
    public void Resolve_MissingOrInvalidAspectRatio_IsSquare(string? aspectRatio)
    {
        Assert.Equal((256, 256), ImageGeometry.Resolve(aspectRatio, "4K"));
    }

    [Theory]
    [InlineData("1:1")]
    [InlineData("16:9")]
    [InlineData("9:16")]
    [InlineData("21:9")]
    [InlineData("1:8")]
    [InlineData("100:100")]
    public void IsValidAspectRatio_AcceptsPositiveIntegerPairsUpTo100(string value)
    {
        Assert.True(ImageGeometry.IsValidAspectRatio(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("16")]
    [InlineData("16x9")]
    [InlineData("16:")]
    [InlineData(":9")]
    [InlineData("0:9")]
    [InlineData("16:0")]
    [InlineData("-1:1")]
    [InlineData("+1:1")]
    [InlineData("1.5:1")]
    [InlineData("16 :9")]
    [InlineData("16:9:1")]
    [InlineData("101:1")]
    [InlineData("1:101")]
    [InlineData("99999999999:1")]
    public void IsValidAspectRatio_RejectsAnythingElse(string value)
    {
        Assert.False(ImageGeometry.IsValidAspectRatio(value));
    }
}
