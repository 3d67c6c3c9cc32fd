using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using OpenClaw.Agent.Sessions;
using OpenClaw.Cli.Commands.Agent;
using OpenClaw.Cli.Hosting;
using OpenClaw.Cli.Rendering;

namespace OpenClaw.Cli.Commands.Sessions;

/// <summary><c>sessions list [--json]</c>: every session of the agent, most recently used first.</summary>
public static class SessionsListCommand
{
    public static Command Create(CliContext context)
    {
        var json = CommandBuilder.JsonOption();
        var agent = SessionsCommand.AgentOption();
        var command = new Command("list", "List sessions: key, id, last update, turns, messages, tokens and cost.") { json, agent };
        CommandBuilder.SetHandler(command, context, json, async run =>
        {
            var agentId = AgentIdArgument.Parse(run.Get(agent));
            using var store = SessionsCommand.OpenStore(run, agentId);
            var entries = await store.ListAsync(run.CancellationToken).ConfigureAwait(false);
            if (run.Output.Json)
            {
                var sessions = new JsonArray();
                foreach (var entry in entries)
                {
                    sessions.Add((JsonNode)ToJson(entry));
                }
                run.Output.WriteJson(new JsonObject
                {
                    ["agentId"] = agentId,
                    ["path"] = store.DatabasePath,
                    ["count"] = entries.Count,
                    ["sessions"] = sessions,
                });
                return 0;
            }
            if (entries.Count == 0)
            {
                run.Output.Line($"No sessions yet. Start one with openclaw agent -m \"Hello\".");
                return 0;
            }
            TextTable.Write(run.Context,
                ["Key", "Session id", "Updated", "Turns", "Messages", "Tokens", "Cost"],
                entries.Select(entry => (IReadOnlyList<string>)
                [
                    entry.Key.ToString(),
                    entry.SessionId,
                    Timestamp(entry.UpdatedAt),
                    entry.TurnCount.ToString(CultureInfo.InvariantCulture),
                    entry.MessageCount.ToString(CultureInfo.InvariantCulture),
                    entry.TotalTokens.ToString(CultureInfo.InvariantCulture),
                    "$" + UsageLine.FormatCost(entry.CostUsd),
                ]));
            return 0;
        });
        return command;
    }

    /// <summary>An ISO-8601 UTC timestamp to the second, as the table shows it.</summary>
    public static string Timestamp(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The JSON form of an entry (also <c>sessions show --json</c>'s <c>entry</c>).</summary>
    public static JsonObject ToJson(SessionEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new JsonObject
        {
            ["key"] = entry.Key.ToString(),
            ["sessionId"] = entry.SessionId,
            ["createdAt"] = entry.CreatedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            ["updatedAt"] = entry.UpdatedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            ["thinkingLevel"] = entry.ThinkingLevel,
            ["model"] = entry.LastModel,
            ["turns"] = entry.TurnCount,
            ["messages"] = entry.MessageCount,
            ["inputTokens"] = entry.InputTokens,
            ["outputTokens"] = entry.OutputTokens,
            ["cacheReadTokens"] = entry.CacheReadTokens,
            ["cacheWriteTokens"] = entry.CacheWriteTokens,
            ["totalTokens"] = entry.TotalTokens,
            ["contextTokens"] = entry.ContextTokens,
            ["costUsd"] = entry.CostUsd,
        };
    }
}
