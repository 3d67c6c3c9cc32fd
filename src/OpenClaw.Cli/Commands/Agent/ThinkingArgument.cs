using OpenClaw.Agent.Thinking;
using OpenClaw.Cli.Hosting;
using OpenClaw.OpenRouter.Reasoning;

namespace OpenClaw.Cli.Commands.Agent;

/// <summary>The <c>--thinking</c> value of <c>agent</c> and <c>infer model run</c> (CLI spec §4).</summary>
public static class ThinkingArgument
{
    /// <summary>The option's help text.</summary>
    public const string Description = "Thinking level: off, minimal, low, medium, high, xhigh, adaptive or max.";

    /// <summary>The level typed, or <see langword="null"/> when the flag was not given.</summary>
    /// <exception cref="CliException">Not a level: <c>Invalid thinking level. Use one of: …</c> (checked before anything is sent).</exception>
    public static ThinkingLevel? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }
        return ThinkingLevels.TryParse(text, out var level) ? level : throw new CliException(ThinkingLevels.InvalidMessage);
    }
}
