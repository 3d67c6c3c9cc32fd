using OpenClaw.OpenRouter.Media;

namespace OpenClaw.OpenRouter.Tests.Media;

public sealed class OpenRouterMediaInputTests
{
    [Fact]
    public void Bytes_become_a_data_url_with_png_by_default()
    {
        Assert.Equal("data:image/png;base64,AQID", OpenRouterMediaInput.FromBytes(new byte[] { 1, 2, 3 }).ToWireUrl());
        Assert.Equal("data:image/jpeg;base64,AQID", OpenRouterMediaInput.FromBytes(new byte[] { 1, 2, 3 }, " image/jpeg ").ToWireUrl());
    }

    [Fact]
    public void A_url_is_sent_trimmed()
    {
        Assert.Equal("https://example.com/a.png", OpenRouterMediaInput.FromUrl("  https://example.com/a.png ").ToWireUrl());
    }

    [Fact]
    public void Bytes_win_over_a_url()
    {
        var input = new OpenRouterMediaInput { Data = new byte[] { 1, 2, 3 }, Url = "https://example.com/a.png" };

        Assert.Equal("data:image/png;base64,AQID", input.ToWireUrl());
    }

    [Fact]
    public void Neither_bytes_nor_a_url_gives_nothing()
    {
        Assert.Null(new OpenRouterMediaInput().ToWireUrl());
        Assert.Null(new OpenRouterMediaInput { Url = "  " }.ToWireUrl());
        Assert.Throws<ArgumentException>(() => OpenRouterMediaInput.FromUrl(" "));
    }

    [Theory]
    [InlineData("video/mp4", null, true)]
    [InlineData("VIDEO/WEBM", null, true)]
    [InlineData("image/png", null, false)]
    [InlineData(null, "data:video/mp4;base64,AAAA", true)]
    [InlineData(null, "data:image/png;base64,AAAA", false)]
    [InlineData(null, "https://example.com/clip.mp4", false)]
    public void Videos_are_recognised_by_media_type_or_data_url(string? mediaType, string? url, bool isVideo) =>
        Assert.Equal(isVideo, new OpenRouterMediaInput { MediaType = mediaType, Url = url }.IsVideo);

    [Fact]
    public void Roles_are_string_backed_and_default_to_none()
    {
        Assert.True(default(OpenRouterMediaRole).IsNone);
        Assert.Equal("first_frame", OpenRouterMediaRole.FirstFrame.Value);
        Assert.Equal("last_frame", OpenRouterMediaRole.LastFrame.ToString());
        Assert.Equal("reference_image", OpenRouterMediaRole.ReferenceImage.Value);
        Assert.Equal(OpenRouterMediaRole.FirstFrame, new OpenRouterMediaRole(" first_frame "));
        Assert.Equal("style_reference", new OpenRouterMediaRole("style_reference").Value);
        Assert.Throws<ArgumentException>(() => new OpenRouterMediaRole(" "));
    }
}
