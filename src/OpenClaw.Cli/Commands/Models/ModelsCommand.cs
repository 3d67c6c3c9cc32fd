using System.CommandLine;
using OpenClaw.Cli.Hosting;

namespace OpenClaw.Cli.Commands.Models;

/// <summary><c>openclaw models …</c> (CLI spec §3).</summary>
public static class ModelsCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new Command("models", "Choose and inspect models: status, list, set, fallbacks, aliases.");
    }
}
