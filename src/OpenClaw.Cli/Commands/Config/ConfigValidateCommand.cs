using System.CommandLine;
using System.Text.Json.Nodes;
using OpenClaw.Cli.Hosting;
using OpenClaw.Core.Config;
using OpenClaw.Core.Credentials;

namespace OpenClaw.Cli.Commands.Config;

/// <summary><c>config validate</c>: every issue of the config file, with its key path.</summary>
public static class ConfigValidateCommand
{
    public static Command Create(CliContext context)
    {
        var json = CommandBuilder.JsonOption();
        var command = new Command("validate", "Check the config file against the schema.") { json };
        CommandBuilder.SetHandler(command, context, json, run =>
        {
            var paths = run.State.Paths;
            var shown = paths.Display(paths.ConfigPath);
            ConfigDocument document;
            try
            {
                document = run.State.Document;
            }
            catch (ConfigException exception)
            {
                return Task.FromResult(Invalid(run, [new ConfigIssue("", exception.Message)], shown));
            }
            if (!document.Exists)
            {
                throw new CliException($"Config file not found: {shown}\nCreate one with openclaw onboard or run openclaw doctor --fix.");
            }
            var result = ConfigValidator.Validate(document.Root);
            if (!result.IsValid)
            {
                return Task.FromResult(Invalid(run, result.Issues, shown));
            }
            if (run.Output.Json)
            {
                run.Output.WriteJson(new JsonObject
                {
                    ["valid"] = true,
                    ["path"] = paths.ConfigPath,
                    ["warnings"] = Issues(result.Warnings),
                });
                return Task.FromResult(0);
            }
            run.Output.Line($"Config valid: {shown}");
            if (result.Warnings.Count > 0)
            {
                run.Output.Line($"{result.Warnings.Count} warning(s):");
                foreach (var warning in result.Warnings)
                {
                    run.Output.Line($"- {warning}");
                }
            }
            return Task.FromResult(0);
        });
        return command;
    }

    private static int Invalid(CommandRun run, IReadOnlyList<ConfigIssue> issues, string shownPath)
    {
        var message = $"OpenClaw config is invalid: {shownPath}";
        if (run.Output.Json)
        {
            var document = CliOutput.ErrorDocument(message);
            document["valid"] = false;
            document["path"] = run.State.Paths.ConfigPath;
            // Issues quote keys and values as written: a key pasted in the wrong place is masked, never echoed.
            document["issues"] = CommandBuilder.Scrub(Issues(issues));
            run.Output.WriteJson(document);
            run.Output.Note($"Error: {message}");
            return 1;
        }
        run.Output.Note($"Error: {message}");
        foreach (var issue in issues)
        {
            run.Output.Note(SecretMask.Scrub($"× {issue}"));
        }
        return 1;
    }

    private static JsonArray Issues(IEnumerable<ConfigIssue> issues)
    {
        var array = new JsonArray();
        foreach (var issue in issues)
        {
            array.Add((JsonNode)new JsonObject { ["path"] = issue.Path, ["message"] = issue.Message });
        }
        return array;
    }
}
