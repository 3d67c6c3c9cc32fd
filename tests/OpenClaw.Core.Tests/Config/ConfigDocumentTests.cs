using System.Runtime.Versioning;
using OpenClaw.Core.Config;

namespace OpenClaw.Core.Tests.Config;

public sealed class ConfigDocumentTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private string Write(string text)
    {
        var path = _directory.Combine("openclaw.json");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_missing_file_is_an_empty_document()
    {
        var path = _directory.Combine("state", "openclaw.json");

        var document = ConfigDocument.Load(path);

        Assert.False(document.Exists);
        Assert.Empty(document.Root);
        Assert.Equal(path, document.Path);
    }

    [Fact]
    public void The_path_is_made_absolute()
    {
        var document = ConfigDocument.Load("relative-openclaw.json");

        Assert.Equal(Path.GetFullPath("relative-openclaw.json"), document.Path);
    }

    [Fact]
    public void Reads_comments_and_trailing_commas()
    {
        var path = Write("""
            // written by hand
            {
              "agents": { "defaults": { "model": "openrouter/auto", }, },
              /* trailing */
            }
            """);

        var document = ConfigDocument.Load(path);

        Assert.True(document.Exists);
        Assert.Equal("openrouter/auto", document.Root["agents"]!["defaults"]!["model"]!.GetValue<string>());
    }

    [Fact]
    public void A_directory_is_refused()
    {
        var path = _directory.Combine("openclaw.json");
        Directory.CreateDirectory(path);

        var exception = Assert.Throws<ConfigException>(() => ConfigDocument.Load(path));

        Assert.Equal($"Cannot read config {path}: it is a directory.", exception.Message);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void An_unreadable_file_is_reported_with_the_reason()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        var path = Write("{}");
        File.SetUnixFileMode(path, UnixFileMode.None);
        try
        {
            try
            {
                File.ReadAllBytes(path);
                Assert.Skip("The file stays readable (running as root).");
            }
            catch (UnauthorizedAccessException)
            {
                // Expected for a normal user: the case this test is about.
            }

            var exception = Assert.Throws<ConfigException>(() => ConfigDocument.Load(path));

            Assert.StartsWith($"Cannot read config {path}: ", exception.Message);
        }
        finally
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public void A_syntax_error_names_the_file_line_and_column()
    {
        var path = Write("{\n  \"a\": 1,\n  \"b\": ]\n}");

        var exception = Assert.Throws<ConfigException>(() => ConfigDocument.Load(path));

        Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(path)}:3:\\d+: ", exception.Message);
    }

    [Theory]
    [InlineData("[1, 2]", 1, 1)]
    [InlineData("\"text\"", 1, 1)]
    [InlineData("null", 1, 1)]
    [InlineData("\n\n   42", 3, 4)]
    [InlineData("// comment\n/* block\n */ true", 3, 5)]
    [InlineData("\uFEFF[]", 1, 1)]
    public void A_root_that_is_not_an_object_is_refused_at_its_position(string text, int line, int column)
    {
        var path = Write(text);

        var exception = Assert.Throws<ConfigException>(() => ConfigDocument.Load(path));

        Assert.Equal($"{path}:{line}:{column}: the config must be a JSON5 object", exception.Message);
    }
}
