using System.CommandLine;
using OpenClaw.Cli.Hosting;
using OpenClaw.Core.Config;

namespace OpenClaw.Cli.Commands.Config;

/// <summary><c>config unset &lt;path&gt;</c>.</summary>
public static class ConfigUnsetCommand
{
    public static Command Create(CliContext context)
    {
        var path = new Argument<string>("path") { Description = "Dot or bracket path of the key to remove." };
        var command = new Command("unset", "Remove one config key.") { path };
        CommandBuilder.SetHandler(command, context, null, run =>
        {
            var configPath = ConfigPath.Parse(run.Get(path)!);
            var found = false;
            run.State.ConfigStore.Update(root => found = configPath.Remove(root));
            if (!found)
            {
                throw new CliException($"Config path not found: {configPath}. Nothing was changed.");
            }
            run.Output.Line($"Removed {configPath}.");
            return Task.FromResult(0);
        });
        return command;
    }
}
