using System.CommandLine;
using OpenClaw.Cli.Hosting;

namespace OpenClaw.Cli.Commands.Config;

/// <summary><c>openclaw config …</c> (CLI spec §5).</summary>
public static class ConfigCommand
{
    public static Command Create(CliContext context) => new("config", "Read and change openclaw.json.")
    {
        ConfigFileCommand.Create(context),
        ConfigGetCommand.Create(context),
        ConfigSetCommand.Create(context),
        ConfigUnsetCommand.Create(context),
        ConfigPatchCommand.Create(context),
        ConfigValidateCommand.Create(context),
        ConfigSchemaCommand.Create(context),
    };
}
