using OpenClaw.Cli.Hosting;
using OpenClaw.Core.State;

namespace OpenClaw.Cli.Commands.Agent;

/// <summary>The <c>--agent &lt;id&gt;</c> value of <c>agent</c> and <c>sessions</c>.</summary>
public static class AgentIdArgument
{
    /// <summary>The agent id typed (lower-cased), or <c>main</c>.</summary>
    /// <exception cref="CliException">Not an agent id: it names a directory, so it is held to letters, digits, <c>-</c> and <c>_</c>.</exception>
    public static string Parse(string? typed)
    {
        if (typed is null)
        {
            return StatePaths.DefaultAgentId;
        }
        var id = typed.Trim().ToLowerInvariant();
        if (id.Length is 0 or > 64 || !char.IsAsciiLetterOrDigit(id[0]) || id.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_'))
        {
            throw new CliException($"Invalid agent id \"{typed}\": use 1-64 letters, digits, - or _, starting with a letter or digit.");
        }
        return id;
    }
}
