using System.CommandLine;
using System.Text.Json.Nodes;
using OpenClaw.Cli.Hosting;

namespace OpenClaw.Cli.Commands.Config;

/// <summary><c>config file</c>: the active config path.</summary>
public static class ConfigFileCommand
{
    public static Command Create(CliContext context)
    {
        var json = CommandBuilder.JsonOption();
        var command = new Command("file", "Print the active config file's path.") { json };
        CommandBuilder.SetHandler(command, context, json, run =>
        {
            var paths = run.State.Paths;
            if (run.Output.Json)
            {
                run.Output.WriteJson(new JsonObject { ["path"] = paths.ConfigPath });
            }
            else
            {
                run.Output.Line(paths.Display(paths.ConfigPath));
            }
            return Task.FromResult(0);
        });
        return command;
    }
}
