using System.CommandLine;
using System.Text.Json.Nodes;
using OpenClaw.Cli.Hosting;
using OpenClaw.Core.Config;
using OpenClaw.Core.Json5;

namespace OpenClaw.Cli.Commands.Config;

/// <summary><c>config patch --stdin | --file &lt;path&gt;</c>: a JSON5 merge patch, <c>null</c> deletes.</summary>
public static class ConfigPatchCommand
{
    public static Command Create(CliContext context)
    {
        var stdin = new Option<bool>("--stdin") { Description = "Read the patch from standard input." };
        var file = new Option<string>("--file") { Description = "Read the patch from this JSON5 file." };
        var replace = new Option<bool>("--replace") { Description = "Allow the patch to drop entries of protected maps." };
        var command = new Command("patch", "Apply a JSON5 merge patch to the config (null deletes a key).") { stdin, file, replace };
        CommandBuilder.SetHandler(command, context, null, async run =>
        {
            var fromStdin = run.Get(stdin);
            var fromFile = run.Get(file);
            if (fromStdin == (fromFile is not null))
            {
                throw new CliException("Give exactly one of --stdin or --file <path>.");
            }
            string text;
            string source;
            if (fromFile is not null)
            {
                source = Path.GetFullPath(fromFile, run.Context.WorkingDirectory);
                try
                {
                    text = await File.ReadAllTextAsync(source, run.CancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    throw new CliException($"Cannot read patch file {run.State.Paths.Display(source)}: {exception.Message}");
                }
                source = run.State.Paths.Display(source);
            }
            else
            {
                source = "<stdin>";
                text = await run.Context.In.ReadToEndAsync(run.CancellationToken).ConfigureAwait(false);
            }
            if (Json5Reader.Parse(text, source) is not JsonObject patch)
            {
                throw new CliException($"{source}: a config patch must be a JSON5 object.");
            }
            var allowDrops = run.Get(replace);
            var count = 0;
            var result = run.State.ConfigStore.Update(root =>
            {
                var before = root.DeepClone().AsObject();
                count = JsonMergePatch.Apply(root, (JsonObject)patch.DeepClone());
                if (JsonNode.DeepEquals(before, root))
                {
                    return false;
                }
                if (!allowDrops)
                {
                    ProtectedMaps.EnsureNothingDropped(before, root);
                }
                return true;
            });
            run.Output.Line(result.Changed ? $"Applied {count} config update(s)." : "No change");
            return 0;
        });
        return command;
    }
}
