using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenClaw.Cli.Hosting;
using OpenClaw.Core.Config;

namespace OpenClaw.Cli.Commands.Config;

/// <summary><c>config get &lt;path&gt;</c>: one value as authored, secrets redacted.</summary>
public static class ConfigGetCommand
{
    public static Command Create(CliContext context)
    {
        var path = new Argument<string>("path") { Description = "Dot or bracket path, e.g. agents.defaults.model.primary." };
        var json = CommandBuilder.JsonOption("Print the value as JSON, scalars too.");
        var command = new Command("get", "Print one config value (secrets redacted).") { path, json };
        CommandBuilder.SetHandler(command, context, json, run =>
        {
            var configPath = ConfigPath.Parse(run.Get(path)!);
            var document = run.State.Document;
            if (!configPath.TryGet(document.Root, out var value))
            {
                throw new CliException(ConfigSchema.IsKnownPath(configPath)
                    ? $"Config path is valid but unset: {configPath}. The runtime default applies until you set an authored value with openclaw config set {configPath} <value>."
                    : $"Unknown config path: {configPath}. Run openclaw config schema to inspect valid paths.");
            }
            var shown = RedactAt(configPath, value);
            if (run.Output.Json || shown is JsonObject or JsonArray)
            {
                run.Output.WriteJson(shown);
            }
            else
            {
                run.Output.Line(shown is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String ? scalar.GetValue<string>() : CliOutput.Serialize(shown));
            }
            return Task.FromResult(0);
        });
        return command;
    }

    private static JsonNode? RedactAt(ConfigPath path, JsonNode? value)
    {
        // A scalar reached by a secret key's own path is redacted too (Redact only sees keys inside the value).
        var last = path.Segments[^1].Key;
        if (last is not null && ConfigSchema.IsSecretKey(last) && value is not (JsonObject or JsonArray))
        {
            var wrapper = ConfigSchema.Redact(new JsonObject { [last] = value?.DeepClone() }) as JsonObject;
            return wrapper?[last]?.DeepClone();
        }
        return ConfigSchema.Redact(value);
    }
}
