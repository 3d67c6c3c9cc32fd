using System.CommandLine;
using System.Text.Json.Nodes;
using OpenClaw.Cli.Hosting;
using OpenClaw.Core.Config;
using OpenClaw.Core.Json5;

namespace OpenClaw.Cli.Commands.Config;

/// <summary><c>config set &lt;path&gt; &lt;value&gt;</c>: the value is JSON5, or a plain string when it does not parse.</summary>
public static class ConfigSetCommand
{
    public static Command Create(CliContext context)
    {
        var path = new Argument<string>("path") { Description = "Dot or bracket path, e.g. agents.defaults.model.primary." };
        var value = new Argument<string>("value") { Description = "A JSON5 value; anything that does not parse is taken as a string." };
        var strictJson = new Option<bool>("--strict-json", "--json") { Description = "The value must parse as JSON5 (no string fallback)." };
        var replace = new Option<bool>("--replace") { Description = "Allow dropping existing entries of protected maps (models, providers, profiles, plugins)." };
        var merge = new Option<bool>("--merge") { Description = "Merge an object value into the existing object instead of replacing it." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate the result without writing it." };
        var command = new Command("set", "Set one config value.") { path, value, strictJson, replace, merge, dryRun };
        CommandBuilder.SetHandler(command, context, null, run =>
        {
            var configPath = ConfigPath.Parse(run.Get(path)!);
            var newValue = ParseValue(run.Get(value)!, run.Get(strictJson));
            var mergeObjects = run.Get(merge);
            var allowDrops = run.Get(replace);
            if (run.Get(dryRun))
            {
                var copy = (JsonObject)run.State.Document.Root.DeepClone();
                var changed = Apply(copy, configPath, newValue, mergeObjects, allowDrops);
                var validation = ConfigValidator.Validate(copy);
                if (!validation.IsValid)
                {
                    throw new ConfigException($"Config validation failed: {validation.Issues[0]}");
                }
                run.Output.Line(changed ? $"Dry run: {configPath} would be updated; the result is valid. Nothing was written." : "No change");
                return Task.FromResult(0);
            }
            var result = run.State.ConfigStore.Update(root => Apply(root, configPath, newValue, mergeObjects, allowDrops));
            run.Output.Line(result.Changed ? $"Updated {configPath}." : "No change");
            return Task.FromResult(0);
        });
        return command;
    }

    /// <summary>Parses a command-line value as JSON5, falling back to the text itself.</summary>
    public static JsonNode? ParseValue(string text, bool strict)
    {
        try
        {
            return Json5Reader.Parse(text, "<value>");
        }
        catch (Json5Exception) when (!strict)
        {
            return JsonValue.Create(text);
        }
        catch (Json5Exception exception)
        {
            throw new CliException($"Invalid JSON5 value: {exception.Reason} (line {exception.Line}, column {exception.Column}).");
        }
    }

    private static bool Apply(JsonObject root, ConfigPath path, JsonNode? value, bool mergeObjects, bool allowDrops)
    {
        var before = root.DeepClone().AsObject();
        var exists = path.TryGet(root, out var current);
        JsonNode? next;
        if (mergeObjects && current is JsonObject currentObject && value is JsonObject patch)
        {
            var merged = currentObject.DeepClone().AsObject();
            JsonMergePatch.Apply(merged, (JsonObject)patch.DeepClone());
            next = merged;
        }
        else
        {
            next = value?.DeepClone();
        }
        if (exists && JsonNode.DeepEquals(current, next))
        {
            return false;
        }
        path.Set(root, next);
        if (!allowDrops)
        {
            ProtectedMaps.EnsureNothingDropped(before, root);
        }
        return true;
    }
}
