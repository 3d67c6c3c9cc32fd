using System.CommandLine;
using OpenClaw.Cli.Hosting;

namespace OpenClaw.Cli.Commands.Models;

/// <summary><c>openclaw models …</c> (CLI spec §3); plain <c>models</c> is <c>models status</c>.</summary>
public static class ModelsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("models", "Choose and inspect models: status, list, set, fallbacks, aliases.")
        {
            ModelsStatusCommand.Create(context),
            ModelsListCommand.Create(context),
            ModelsSetCommand.Create(context),
            ModelsFallbacksCommand.Create(context),
            ModelsAliasesCommand.Create(context),
        };
        return ModelsStatusCommand.Configure(command, context);
    }
}
