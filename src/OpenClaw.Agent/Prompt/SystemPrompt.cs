namespace OpenClaw.Agent.Prompt;

/// <summary>
/// The system prompt of an agent turn: a short default, replaced by the workspace's <c>AGENTS.md</c> and <c>SOUL.md</c> when
/// present (both, in that order, separated by a blank line; empty files are ignored; each read capped at 256 KiB with a
/// truncation note). A file that cannot be read is an <see cref="Core.Errors.OpenClawException"/> naming it.
/// </summary>
public static class SystemPrompt
{
    /// <summary>The built-in prompt used when the workspace has neither file.</summary>
    public const string Default =
        "You are OpenClaw, a personal assistant running in the user's terminal. Answer directly and concisely. " +
        "Use the tools you are given when they help, and say so when you cannot do something.";

    /// <summary>The prompt for <paramref name="workspace"/> (a missing directory means the default).</summary>
    public static string Build(string workspace) => throw new NotImplementedException();
}
