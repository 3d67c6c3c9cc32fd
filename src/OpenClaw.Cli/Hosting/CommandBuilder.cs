using System.CommandLine;
using System.Text.Json.Nodes;
using OpenClaw.Core.Credentials;

namespace OpenClaw.Cli.Hosting;

/// <summary>Wires a command's handler into System.CommandLine with the program's error and output conventions.</summary>
public static class CommandBuilder
{
    /// <summary>The <c>--json</c> flag most commands take.</summary>
    public static Option<bool> JsonOption(string description = "Print the result as JSON on stdout.") => new("--json") { Description = description };

    /// <summary>The <c>--plain</c> flag of list-like commands.</summary>
    public static Option<bool> PlainOption() => new("--plain") { Description = "Print plain lines, one value per line." };

    /// <summary>Options that OpenClaw's own CLI takes and that mean nothing here: accepted and ignored.</summary>
    public static void AcceptIgnored(Command command, params string[] flags)
    {
        foreach (var flag in flags)
        {
            command.Options.Add(new Option<bool>(flag) { Hidden = true });
        }
    }

    /// <summary>Same, for ignored options that take a value.</summary>
    public static void AcceptIgnoredWithValue(Command command, params string[] flags)
    {
        foreach (var flag in flags)
        {
            command.Options.Add(new Option<string>(flag) { Hidden = true });
        }
    }

    /// <summary>
    /// Sets <paramref name="handler"/> as the action of <paramref name="command"/>: errors become <c>Error: …</c> on stderr (or
    /// the JSON error document when <paramref name="json"/> is set), exit 1.
    /// </summary>
    public static void SetHandler(Command command, CliContext context, Option<bool>? json, Func<CommandRun, Task<int>> handler, Option<bool>? plain = null)
    {
        command.SetAction(async (parse, cancellationToken) =>
        {
            var jsonMode = json is not null && parse.GetValue(json);
            var output = new CliOutput(context, jsonMode);
            try
            {
                if (jsonMode && plain is not null && parse.GetValue(plain))
                {
                    throw new CliException("Choose either --json or --plain, not both.");
                }
                var state = new LocalState(context);
                return await handler(new CommandRun(parse, state, output, cancellationToken)).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                ReportFailure(output, exception, parse.GetValue(CliApplication.VerboseOption));
                return 1;
            }
        });
    }

    /// <summary>Prints a failure the way every command does.</summary>
    public static void ReportFailure(CliOutput output, Exception exception, bool verbose)
    {
        // An error may quote what the user typed or wrote (a flag, a config key, a URL): a pasted key is never echoed.
        var message = SecretMask.Scrub(MessageOf(exception));
        if (output.Json)
        {
            output.WriteJson(exception is CliException { JsonDocument: { } document } ? Scrub(document) : CliOutput.ErrorDocument(message));
        }
        var lines = message.Split('\n');
        output.Note($"Error: {lines[0]}");
        foreach (var line in lines.Skip(1))
        {
            output.Note(line);
        }
        if (verbose)
        {
            output.Note(SecretMask.Scrub(exception.ToString()));
        }
    }

    /// <summary>A copy of <paramref name="node"/> with <see cref="SecretMask.Scrub"/> applied to every string in it.</summary>
    public static JsonNode? Scrub(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(pair => KeyValuePair.Create(SecretMask.Scrub(pair.Key), Scrub(pair.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Scrub)]),
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String => JsonValue.Create(SecretMask.Scrub(value.GetValue<string>())),
        _ => node?.DeepClone(),
    };

    private static string MessageOf(Exception exception) => exception switch
    {
        OperationCanceledException => "Cancelled.",
        _ => exception.Message,
    };
}
