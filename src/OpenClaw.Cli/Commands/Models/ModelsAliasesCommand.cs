using System.CommandLine;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OpenClaw.Cli.Hosting;

namespace OpenClaw.Cli.Commands.Models;

/// <summary><c>models aliases list|add|remove</c> (CLI spec §3.6).</summary>
public static partial class ModelsAliasesCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("aliases", "Short names for models (agents.defaults.models.<ref>.alias).");

        var json = CommandBuilder.JsonOption();
        var plain = CommandBuilder.PlainOption();
        var list = new Command("list", "Show the aliases.") { json, plain };
        CommandBuilder.SetHandler(list, context, json, run =>
        {
            var aliases = run.State.Config.Aliases.OrderBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase).ToList();
            if (run.Output.Json)
            {
                var map = new JsonObject();
                foreach (var (alias, reference) in aliases)
                {
                    map[alias] = reference;
                }
                run.Output.WriteJson(new JsonObject { ["aliases"] = map });
            }
            else if (run.Get(plain))
            {
                foreach (var (alias, reference) in aliases)
                {
                    run.Output.Line($"{alias} {reference}");
                }
            }
            else
            {
                run.Output.Line($"Aliases ({aliases.Count}):");
                foreach (var (alias, reference) in aliases)
                {
                    run.Output.Line($"- {alias} -> {reference}");
                }
                if (aliases.Count == 0)
                {
                    run.Output.Line("- none");
                }
            }
            return Task.FromResult(0);
        }, plain);

        var addAlias = new Argument<string>("alias") { Description = "Letters, digits, '.', '_', ':' or '-'." };
        var addModel = new Argument<string>("model") { Description = "A model ref, or another alias (resolved to its model)." };
        var add = new Command("add", "Give a model an alias.") { addAlias, addModel };
        CommandBuilder.SetHandler(add, context, null, run =>
        {
            var alias = run.Get(addAlias)!.Trim();
            if (!AliasPattern().IsMatch(alias))
            {
                throw new CliException("Alias must use letters, numbers, dots, underscores, colons, or dashes.");
            }
            var resolved = run.State.CreateModelRefResolver().Resolve(run.Get(addModel)!);
            var result = run.State.ConfigStore.Update(root =>
            {
                var models = ModelConfigEdits.Object(ModelConfigEdits.Defaults(root), "models");
                foreach (var (reference, entry) in models)
                {
                    if (entry?["alias"] is JsonValue existing && existing.TryGetValue<string>(out var text)
                        && string.Equals(text, alias, StringComparison.OrdinalIgnoreCase)
                        && !ModelsFallbacksCommand.SameModel(reference, resolved.CanonicalRef))
                    {
                        throw new CliException($"Alias {alias} already points to {reference}.");
                    }
                }
                var target = ModelConfigEdits.Object(models, KeyFor(models, resolved.CanonicalRef));
                if (target["alias"] is JsonValue current && current.TryGetValue<string>(out var same) && same == alias)
                {
                    return false;
                }
                target["alias"] = alias;
                return true;
            });
            ModelsSetCommand.ReportWrite(run, result);
            run.Output.Line($"Alias {alias} -> {resolved.CanonicalRef}");
            return Task.FromResult(0);
        });

        var removeAlias = new Argument<string>("alias") { Description = "The alias to delete." };
        var remove = new Command("remove", "Delete an alias.") { removeAlias };
        CommandBuilder.SetHandler(remove, context, null, run =>
        {
            var alias = run.Get(removeAlias)!.Trim();
            var found = false;
            var remaining = 0;
            var result = run.State.ConfigStore.Update(root =>
            {
                if (ModelConfigEdits.Defaults(root)["models"] is not JsonObject models)
                {
                    return false;
                }
                foreach (var (_, entry) in models)
                {
                    if (entry is JsonObject entryObject && entryObject["alias"] is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        if (!found && string.Equals(text, alias, StringComparison.OrdinalIgnoreCase))
                        {
                            entryObject.Remove("alias");
                            found = true;
                        }
                        else
                        {
                            remaining++;
                        }
                    }
                }
                return found;
            });
            if (!found)
            {
                throw new CliException($"Alias not found: {alias}. Run openclaw models aliases list to see configured aliases.");
            }
            ModelsSetCommand.ReportWrite(run, result);
            run.Output.Line(remaining == 0 ? "No aliases configured." : $"Removed alias {alias}.");
            return Task.FromResult(0);
        });

        command.Subcommands.Add(list);
        command.Subcommands.Add(add);
        command.Subcommands.Add(remove);
        return command;
    }

    /// <summary>The existing key spelling for <paramref name="canonicalRef"/>, else the canonical ref itself.</summary>
    private static string KeyFor(JsonObject models, string canonicalRef) =>
        models.Select(pair => pair.Key).FirstOrDefault(key => ModelsFallbacksCommand.SameModel(key, canonicalRef)) ?? canonicalRef;

    [GeneratedRegex("^[A-Za-z0-9._:-]+$")]
    private static partial Regex AliasPattern();
}
