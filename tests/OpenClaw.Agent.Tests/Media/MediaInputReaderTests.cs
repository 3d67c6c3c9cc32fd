using OpenClaw.Agent.Media;
using OpenClaw.Core.Errors;
using OpenClaw.OpenRouter.Media;

namespace OpenClaw.Agent.Tests.Media;

public sealed class MediaInputReaderTests
{
    [Fact]
    public void The_media_type_comes_from_the_bytes_not_the_name()
    {
        using var directory = new TemporaryDirectory();
        File.WriteAllBytes(directory.Combine("photo.png"), TestImages.Jpeg(2, 2));
        var reader = new MediaInputReader(directory.Path, null);

        var input = reader.Read("photo.png", OpenRouterMediaRole.FirstFrame);

        Assert.Equal("image/jpeg", input.MediaType);
        Assert.Equal(TestImages.Jpeg(2, 2), input.Data.ToArray());
        Assert.Equal(OpenRouterMediaRole.FirstFrame, input.Role);
        Assert.StartsWith("data:image/jpeg;base64,", input.ToWireUrl(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_tilde_path_starts_at_home()
    {
        using var directory = new TemporaryDirectory();
        Directory.CreateDirectory(directory.Combine("home", "pics"));
        File.WriteAllBytes(directory.Combine("home", "pics", "a.gif"), TestImages.Gif(1, 1));
        var reader = new MediaInputReader(directory.Combine("work"), directory.Combine("home"));

        Assert.Equal("image/gif", reader.Read("~/pics/a.gif").MediaType);
        Assert.Equal(directory.Combine("home", "pics", "a.gif"), reader.FullPath("~/pics/a.gif"));
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        using var directory = new TemporaryDirectory();
        var reader = new MediaInputReader(directory.Path, null);

        var error = Assert.Throws<OpenClawException>(() => reader.Read("nope/missing.png"));

        Assert.Equal("Input image not found: nope/missing.png", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_an_image_is_named()
    {
        using var directory = new TemporaryDirectory();
        File.WriteAllText(directory.Combine("notes.png"), "just text");
        var reader = new MediaInputReader(directory.Path, null);

        var error = Assert.Throws<OpenClawException>(() => reader.Read("notes.png"));

        Assert.Equal("Input image notes.png is not a PNG, JPEG, WebP or GIF image.", error.Message);
    }

    [Fact]
    public void Directories_empty_files_and_oversize_files_are_refused()
    {
        using var directory = new TemporaryDirectory();
        Directory.CreateDirectory(directory.Combine("folder"));
        File.WriteAllBytes(directory.Combine("empty.png"), []);
        File.WriteAllBytes(directory.Combine("big.png"), TestImages.Png(1, 1));
        var reader = new MediaInputReader(directory.Path, null, MaxBytes: 10);

        Assert.Equal("Input image folder is a directory.", Assert.Throws<OpenClawException>(() => reader.Read("folder")).Message);
        Assert.Equal("Input image empty.png is empty.", Assert.Throws<OpenClawException>(() => reader.Read("empty.png")).Message);
        Assert.Equal("Input image big.png is larger than 10 bytes (agents.defaults.mediaMaxMb).", Assert.Throws<OpenClawException>(() => reader.Read("big.png")).Message);
    }

    [Fact]
    public void An_unreadable_file_is_named()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Combine("locked.png");
        File.WriteAllBytes(path, TestImages.Png(1, 1));
        File.SetUnixFileMode(path, UnixFileMode.None);
        var reader = new MediaInputReader(directory.Path, null);
        if (Environment.UserName == "root")
        {
            // root reads anything; the refusal cannot be provoked.
            return;
        }

        var error = Assert.Throws<OpenClawException>(() => reader.Read("locked.png"));

        Assert.StartsWith("Cannot read input image locked.png: ", error.Message, StringComparison.Ordinal);
    }
}
