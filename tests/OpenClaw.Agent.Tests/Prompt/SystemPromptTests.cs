using System.Text;
using OpenClaw.Agent.Prompt;
using OpenClaw.Agent.Tests.Support;
using OpenClaw.Core.Errors;

namespace OpenClaw.Agent.Tests.Prompt;

public sealed class SystemPromptTests
{
    [Fact]
    public void A_missing_workspace_or_one_without_the_files_gives_the_default()
    {
        using var workspace = new TemporaryDirectory();

        Assert.Equal(SystemPrompt.Default, SystemPrompt.Build(workspace.Combine("does-not-exist")));
        Assert.Equal(SystemPrompt.Default, SystemPrompt.Build(workspace.Path));
    }

    [Fact]
    public void Agents_then_soul_separated_by_a_blank_line()
    {
        using var workspace = new TemporaryDirectory();
        File.WriteAllText(workspace.Combine("SOUL.md"), "Be kind.\n");
        File.WriteAllText(workspace.Combine("AGENTS.md"), "# Rules\nAnswer in French.\n\n");

        Assert.Equal("# Rules\nAnswer in French.\n\nBe kind.", SystemPrompt.Build(workspace.Path));
    }

    [Fact]
    public void One_file_alone_replaces_the_default_and_empty_files_are_ignored()
    {
        using var workspace = new TemporaryDirectory();
        File.WriteAllText(workspace.Combine("AGENTS.md"), "  \n");
        File.WriteAllText(workspace.Combine("SOUL.md"), "\uFEFFYou are a pirate.");

        Assert.Equal("You are a pirate.", SystemPrompt.Build(workspace.Path));

        File.WriteAllText(workspace.Combine("SOUL.md"), "");
        Assert.Equal(SystemPrompt.Default, SystemPrompt.Build(workspace.Path));
    }

    [Fact]
    public void A_file_over_256_KiB_is_cut_on_a_character_boundary_with_a_note()
    {
        using var workspace = new TemporaryDirectory();
        // 'é' is two bytes: the cap falls inside one of them.
        var text = "a" + new string('é', SystemPrompt.MaxFileBytes);
        File.WriteAllText(workspace.Combine("AGENTS.md"), text, new UTF8Encoding(false));

        var prompt = SystemPrompt.Build(workspace.Path);

        Assert.StartsWith("aéé", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain('\uFFFD', prompt);
        Assert.EndsWith("[AGENTS.md truncated: only its first 256 KiB are included.]", prompt, StringComparison.Ordinal);
        var kept = prompt[..prompt.IndexOf("\n\n[", StringComparison.Ordinal)];
        Assert.True(Encoding.UTF8.GetByteCount(kept) <= SystemPrompt.MaxFileBytes);
        Assert.True(Encoding.UTF8.GetByteCount(kept) >= SystemPrompt.MaxFileBytes - 1);
    }

    [Fact]
    public void A_file_of_exactly_256_KiB_is_not_truncated()
    {
        using var workspace = new TemporaryDirectory();
        File.WriteAllText(workspace.Combine("AGENTS.md"), new string('x', SystemPrompt.MaxFileBytes));

        Assert.Equal(new string('x', SystemPrompt.MaxFileBytes), SystemPrompt.Build(workspace.Path));
    }

    [Fact]
    public void An_unreadable_file_is_an_error_naming_it()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName == "root")
        {
            // Root reads files whatever their mode; the error path is then covered by the directory case below.
            AssertDirectoryNamedLikeTheFileIsIgnored();
            return;
        }
        using var workspace = new TemporaryDirectory();
        var path = workspace.Combine("AGENTS.md");
        File.WriteAllText(path, "secret");
        File.SetUnixFileMode(path, UnixFileMode.None);

        var error = Assert.Throws<OpenClawException>(() => SystemPrompt.Build(workspace.Path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    private static void AssertDirectoryNamedLikeTheFileIsIgnored()
    {
        using var workspace = new TemporaryDirectory();
        Directory.CreateDirectory(workspace.Combine("AGENTS.md"));

        Assert.Equal(SystemPrompt.Default, SystemPrompt.Build(workspace.Path));
    }
}
