using Microsoft.Extensions.Time.Testing;
using OpenClaw.Agent.Media;

namespace OpenClaw.Agent.Tests.Media;

public sealed class MediaFileStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 15, 0, TimeSpan.Zero);

    [Fact]
    public void Tool_media_gets_unique_names_in_an_owner_only_folder()
    {
        using var directory = new TemporaryDirectory();
        var store = new MediaFileStore(directory.Combine("state", "media"), new FakeTimeProvider(Now));

        var first = store.SaveGenerated(MediaFileStore.ToolImageFolder, "image-1.png", TestImages.Png(1, 1));
        var second = store.SaveGenerated(MediaFileStore.ToolImageFolder, "image-1.png", TestImages.Png(2, 2));

        var folder = directory.Combine("state", "media", "tool-image-generation");
        Assert.Equal(folder, Path.GetDirectoryName(first));
        Assert.Matches(@"^20261124-101500-[0-9a-f]{8}-image-1\.png$", Path.GetFileName(first));
        Assert.NotEqual(first, second);
        Assert.Equal(TestImages.Png(1, 1), File.ReadAllBytes(first));
        Assert.Equal(TestImages.Png(2, 2), File.ReadAllBytes(second));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(directory.Combine("state", "media")));
        Assert.Equal(2, Directory.GetFileSystemEntries(folder).Length);
    }

    [Fact]
    public void A_name_from_the_wire_never_picks_a_directory()
    {
        using var directory = new TemporaryDirectory();
        var store = new MediaFileStore(directory.Combine("media"), new FakeTimeProvider(Now));

        var path = store.SaveGenerated(MediaFileStore.ToolVideoFolder, "../../evil/video-1.mp4", [1, 2, 3]);

        Assert.Equal(directory.Combine("media", "tool-video-generation"), Path.GetDirectoryName(path));
        Assert.EndsWith("-video-1.mp4", path, StringComparison.Ordinal);
    }

    [Fact]
    public void One_file_goes_to_the_output_path_as_given()
    {
        using var directory = new TemporaryDirectory();

        var paths = MediaFileStore.PlanOutputPaths("out/img.png", ["image-1.png"], directory.Path);

        Assert.Equal([directory.Combine("out", "img.png")], paths);
    }

    [Fact]
    public void Several_files_are_numbered_after_the_output_path()
    {
        using var directory = new TemporaryDirectory();

        var paths = MediaFileStore.PlanOutputPaths("out/img.png", ["image-1.png", "image-2.png"], directory.Path);

        Assert.Equal([directory.Combine("out", "img-1.png"), directory.Combine("out", "img-2.png")], paths);
    }

    [Fact]
    public void Without_an_output_the_working_directory_gets_the_assets_names()
    {
        using var directory = new TemporaryDirectory();

        var paths = MediaFileStore.PlanOutputPaths(null, ["image-1.png", "image-2.png"], directory.Path);

        Assert.Equal([directory.Combine("image-1.png"), directory.Combine("image-2.png")], paths);
    }

    [Fact]
    public void Existing_files_are_never_replaced_without_an_output()
    {
        using var directory = new TemporaryDirectory();
        File.WriteAllText(directory.Combine("image-1.png"), "mine");
        File.WriteAllText(directory.Combine("image-2.png"), "mine too");
        File.WriteAllText(directory.Combine("video-1.mp4"), "old");

        var images = MediaFileStore.PlanOutputPaths(null, ["image-1.png", "image-2.png"], directory.Path);
        var video = MediaFileStore.PlanOutputPaths(null, ["video-1.mp4"], directory.Path);
        var unnumbered = MediaFileStore.PlanOutputPaths(null, ["clip.webm", "clip.webm"], directory.Path);

        Assert.Equal([directory.Combine("image-3.png"), directory.Combine("image-4.png")], images);
        Assert.Equal([directory.Combine("video-2.mp4")], video);
        Assert.Equal([directory.Combine("clip.webm"), directory.Combine("clip-2.webm")], unnumbered);
    }

    [Fact]
    public void An_output_directory_takes_the_assets_names()
    {
        using var directory = new TemporaryDirectory();
        Directory.CreateDirectory(directory.Combine("shots"));

        Assert.Equal([directory.Combine("shots", "image-1.png")], MediaFileStore.PlanOutputPaths("shots", ["image-1.png"], directory.Path));
        Assert.Equal([directory.Combine("new", "video-1.mp4")], MediaFileStore.PlanOutputPaths("new/", ["video-1.mp4"], directory.Path));
    }

    [Fact]
    public void Writing_creates_the_directory_and_leaves_no_temporary_file()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Combine("out", "deep", "img.png");

        MediaFileStore.Write(path, TestImages.Png(4, 4));
        MediaFileStore.Write(path, TestImages.Png(8, 8));

        Assert.Equal(TestImages.Png(8, 8), File.ReadAllBytes(path));
        Assert.Equal(["img.png"], Directory.GetFileSystemEntries(directory.Combine("out", "deep")).Select(Path.GetFileName));
    }

    [Fact]
    public void Writing_over_a_directory_fails_naming_it()
    {
        using var directory = new TemporaryDirectory();
        Directory.CreateDirectory(directory.Combine("taken"));

        var error = Assert.Throws<Core.Errors.OpenClawException>(() => MediaFileStore.Write(directory.Combine("taken"), [1]));

        Assert.Contains(directory.Combine("taken"), error.Message, StringComparison.Ordinal);
    }
}
