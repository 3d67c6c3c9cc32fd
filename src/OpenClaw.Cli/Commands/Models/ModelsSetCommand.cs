using System.CommandLine;
using OpenClaw.Cli.Hosting;

namespace OpenClaw.Cli.Commands.Models;

/// <summary><c>models set &lt;model-or-alias&gt;</c> (CLI spec §3.2).</summary>
public static class ModelsSetCommand
{
    public static Command Create(CliContext context)
    {
        var model = new Argument<string>("model") { Description = "A model ref (openrouter/<provider>/<model>, openrouter/auto) or an alias." };
        var command = new Command("set", "Make a model the default (agents.defaults.model.primary).") { model };
        CommandBuilder.SetHandler(command, context, null, run =>
        {
            var state = run.State;
            var resolved = state.CreateModelRefResolver().Resolve(run.Get(model)!);
            var check = ModelCatalogCheck.Check(state, resolved);
            var result = state.ConfigStore.Update(root =>
            {
                var selection = ModelConfigEdits.ModelSelection(root);
                var changed = selection["primary"]?.GetValue<string>() != resolved.CanonicalRef;
                selection["primary"] = resolved.CanonicalRef;
                return ModelConfigEdits.EnsureModelEntry(root, resolved.CanonicalRef) | changed;
            });
            if (check == ModelCatalogCheckResult.NotChecked)
            {
                run.Output.Note(
                    $"Note: Provider \"openrouter\" has no local model catalog, so \"{resolved.DisplayRef}\" could not be checked offline. The selection was saved.");
            }
            ReportWrite(run, result);
            run.Output.Line($"Default model: {resolved.CanonicalRef}");
            return Task.FromResult(0);
        });
        return command;
    }

    /// <summary>The two lines every config-writing models command prints on stdout.</summary>
    public static void ReportWrite(CommandRun run, Core.Config.ConfigWriteResult result)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(result);
        if (!result.Changed)
        {
            return;
        }
        run.Output.Line($"Updated config: {run.State.Paths.Display(result.Path)}");
        if (result.BackupPath is { } backup)
        {
            run.Output.Line($"  Backup: {run.State.Paths.Display(backup)}");
        }
    }
}
