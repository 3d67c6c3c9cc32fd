using System.CommandLine;
using OpenClaw.Cli.Hosting;
using OpenClaw.Core.Config;

namespace OpenClaw.Cli.Commands.Config;

/// <summary><c>config schema</c>: the JSON Schema of the supported keys.</summary>
public static class ConfigSchemaCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("schema", "Print the JSON Schema of the config keys this program knows.");
        CommandBuilder.SetHandler(command, context, null, run =>
        {
            run.Output.WriteJson(ConfigSchema.ToJsonSchema());
            return Task.FromResult(0);
        });
        return command;
    }
}
