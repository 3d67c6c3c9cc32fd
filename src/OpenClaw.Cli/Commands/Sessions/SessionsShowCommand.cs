using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using OpenClaw.Agent.Sessions;
using OpenClaw.Agent.Transcript;
using OpenClaw.Cli.Hosting;
using OpenClaw.Cli.Rendering;

namespace OpenClaw.Cli.Commands.Sessions;

/// <summary><c>sessions show [&lt;key-or-id&gt;] [--json]</c>: a session's transcript (default the agent's main session).</summary>
public static class SessionsShowCommand
{
    public static Command Create(CliContext context)
    {
        var session = new Argument<string?>("session") { Description = "A session key, main, or a session id (default main).", Arity = ArgumentArity.ZeroOrOne };
        var json = CommandBuilder.JsonOption("Print the session and its stored messages as JSON.");
        var agent = SessionsCommand.AgentOption();
        var command = new Command("show", "Show a session's transcript: each message's role and text, and tool calls.") { session, json, agent };
        CommandBuilder.SetHandler(command, context, json, async run =>
        {
            var typed = run.Get(session);
            using var store = SessionsCommand.OpenStore(run, Agent.AgentIdArgument.Parse(run.Get(agent)));
            var key = await SessionsCommand.FindAsync(store, typed, run.Get(agent), run.CancellationToken).ConfigureAwait(false)
                ?? throw SessionsCommand.NotFound(typed, run.Get(agent));
            var snapshot = await store.LoadAsync(key, run.CancellationToken).ConfigureAwait(false);
            var entry = snapshot.Entry ?? throw SessionsCommand.NotFound(typed, run.Get(agent));
            if (run.Output.Json)
            {
                run.Output.WriteJson(ToJson(snapshot, entry));
                return 0;
            }
            run.Output.Line($"Session {key} · id {entry.SessionId} · {entry.TurnCount} turns · {entry.MessageCount} messages · {entry.TotalTokens} tokens · ${UsageLine.FormatCost(entry.CostUsd)}");
            foreach (var stored in snapshot.Messages)
            {
                WriteMessage(run.Output, stored.Message);
            }
            return 0;
        });
        return command;
    }

    /// <summary><c>{key, sessionId, entry, messages:[{type:"message", id, parentId, timestamp, sequence, turn, message}]}</c> (CLI spec §10's entry shape).</summary>
    private static JsonObject ToJson(SessionSnapshot snapshot, SessionEntry entry)
    {
        var messages = new JsonArray();
        foreach (var stored in snapshot.Messages)
        {
            messages.Add((JsonNode)new JsonObject
            {
                ["type"] = "message",
                ["id"] = stored.Id,
                ["parentId"] = stored.ParentId,
                ["timestamp"] = stored.Timestamp.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
                ["sequence"] = stored.Sequence,
                ["turn"] = stored.Turn,
                ["message"] = stored.Message.DeepClone(),
            });
        }
        return new JsonObject
        {
            ["key"] = snapshot.Key.ToString(),
            ["sessionId"] = entry.SessionId,
            ["entry"] = SessionsListCommand.ToJson(entry),
            ["messages"] = messages,
        };
    }

    private static void WriteMessage(CliOutput output, JsonObject message)
    {
        var role = String(message["role"]) ?? "?";
        var text = TranscriptMessages.TextOf(message);
        switch (role)
        {
            case "assistant":
                var model = String(message["model"]);
                var label = model is null ? "assistant" : $"assistant ({model})";
                if (String(message["stopReason"]) == "error")
                {
                    text = $"[error] {String(message["errorMessage"]) ?? text}";
                }
                if (text.Length > 0)
                {
                    output.Line($"{label}: {text}");
                }
                foreach (var block in (message["content"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    if (String(block["type"]) == "toolCall")
                    {
                        output.Line($"{label}: → {String(block["name"])} {block["arguments"]?.ToJsonString() ?? "{}"}");
                    }
                }
                break;
            case "toolResult":
                var error = message["isError"] is JsonValue flag && flag.TryGetValue<bool>(out var isError) && isError ? " (error)" : "";
                output.Line($"tool {String(message["toolName"])}{error}: {text}");
                break;
            default:
                output.Line($"{role}: {text}");
                break;
        }
    }

    private static string? String(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
