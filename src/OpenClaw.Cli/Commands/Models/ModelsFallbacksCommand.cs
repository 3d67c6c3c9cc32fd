using System.CommandLine;
using System.Text.Json.Nodes;
using OpenClaw.Cli.Hosting;

namespace OpenClaw.Cli.Commands.Models;

/// <summary><c>models fallbacks list|add|remove|clear</c> (CLI spec §3.5).</summary>
public static class ModelsFallbacksCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("fallbacks", "The models tried, in order, when the default fails.");

        var json = CommandBuilder.JsonOption();
        var plain = CommandBuilder.PlainOption();
        var list = new Command("list", "Show the fallback models.") { json, plain };
        CommandBuilder.SetHandler(list, context, json, run =>
        {
            var fallbacks = run.State.Config.Model.Fallbacks;
            if (run.Output.Json)
            {
                run.Output.WriteJson(new JsonObject { ["fallbacks"] = new JsonArray([.. fallbacks.Select(f => (JsonNode)JsonValue.Create(f))]) });
            }
            else if (run.Get(plain))
            {
                foreach (var fallback in fallbacks)
                {
                    run.Output.Line(fallback);
                }
            }
            else
            {
                run.Output.Line($"Fallbacks ({fallbacks.Count}):");
                foreach (var fallback in fallbacks)
                {
                    run.Output.Line($"- {fallback}");
                }
                if (fallbacks.Count == 0)
                {
                    run.Output.Line("- none");
                }
            }
            return Task.FromResult(0);
        }, plain);

        var addModel = new Argument<string>("model") { Description = "A model ref or alias." };
        var add = new Command("add", "Append a fallback model.") { addModel };
        CommandBuilder.SetHandler(add, context, null, run =>
        {
            var resolved = run.State.CreateModelRefResolver().Resolve(run.Get(addModel)!);
            ModelCatalogCheck.Check(run.State, resolved);
            List<string> after = [];
            var result = run.State.ConfigStore.Update(root =>
            {
                var fallbacks = ModelConfigEdits.Fallbacks(ModelConfigEdits.ModelSelection(root));
                var changed = false;
                if (!ModelConfigEdits.Strings(fallbacks).Contains(resolved.CanonicalRef, StringComparer.Ordinal))
                {
                    fallbacks.Add((JsonNode)JsonValue.Create(resolved.CanonicalRef));
                    changed = true;
                }
                changed |= ModelConfigEdits.EnsureModelEntry(root, resolved.CanonicalRef);
                after = ModelConfigEdits.Strings(fallbacks);
                return changed;
            });
            ModelsSetCommand.ReportWrite(run, result);
            run.Output.Line($"Fallbacks: {string.Join(", ", after)}");
            return Task.FromResult(0);
        });

        var removeModel = new Argument<string>("model") { Description = "A model ref or alias." };
        var remove = new Command("remove", "Remove a fallback model.") { removeModel };
        CommandBuilder.SetHandler(remove, context, null, run =>
        {
            var resolved = run.State.CreateModelRefResolver().Resolve(run.Get(removeModel)!);
            List<string> after = [];
            var found = false;
            var result = run.State.ConfigStore.Update(root =>
            {
                if (ModelConfigEdits.Defaults(root)["model"] is not JsonObject { } selection || selection["fallbacks"] is not JsonArray fallbacks)
                {
                    return false;
                }
                var index = ModelConfigEdits.Strings(fallbacks).FindIndex(f => SameModel(f, resolved.CanonicalRef));
                found = index >= 0;
                if (found)
                {
                    fallbacks.RemoveAt(index);
                }
                after = ModelConfigEdits.Strings(fallbacks);
                return found;
            });
            if (!found)
            {
                throw new CliException($"Fallback not found: {resolved.CanonicalRef}. Run openclaw models fallbacks list to see configured fallbacks.");
            }
            ModelsSetCommand.ReportWrite(run, result);
            run.Output.Line($"Fallbacks: {(after.Count == 0 ? "none" : string.Join(", ", after))}");
            return Task.FromResult(0);
        });

        var clear = new Command("clear", "Remove every fallback model.");
        CommandBuilder.SetHandler(clear, context, null, run =>
        {
            var result = run.State.ConfigStore.Update(root =>
            {
                if (ModelConfigEdits.Defaults(root)["model"] is not JsonObject { } selection || selection["fallbacks"] is not JsonArray { Count: > 0 })
                {
                    return false;
                }
                selection["fallbacks"] = new JsonArray();
                return true;
            });
            ModelsSetCommand.ReportWrite(run, result);
            run.Output.Line("Fallback list cleared.");
            return Task.FromResult(0);
        });

        command.Subcommands.Add(list);
        command.Subcommands.Add(add);
        command.Subcommands.Add(remove);
        command.Subcommands.Add(clear);
        return command;
    }

    /// <summary>Two refs name the same model when their canonical forms match (config may hold a non-canonical spelling).</summary>
    public static bool SameModel(string configured, string canonicalRef) =>
        Core.Models.ModelRefResolver.TryParseRef(configured) is { } parsed
            ? parsed.CanonicalRef == canonicalRef
            : string.Equals(configured, canonicalRef, StringComparison.OrdinalIgnoreCase);
}
