using System.CommandLine;
using OpenClaw.Agent.Sessions;
using OpenClaw.Cli.Commands.Agent;
using OpenClaw.Cli.Hosting;

namespace OpenClaw.Cli.Commands.Sessions;

/// <summary><c>openclaw sessions list|show|reset</c>: the conversations <c>agent</c> keeps (CLI spec §10).</summary>
public static class SessionsCommand
{
    public static Command Create(CliContext context) => new("sessions", "List, show and reset the agent's conversations.")
    {
        SessionsListCommand.Create(context),
        SessionsShowCommand.Create(context),
        SessionsResetCommand.Create(context),
    };

    /// <summary>The <c>--agent</c> option every sessions command takes.</summary>
    public static Option<string> AgentOption() => new("--agent") { Description = "The agent whose sessions to use (default main)." };

    /// <summary>The agent's session store (the database is not created by reading).</summary>
    public static SessionStore OpenStore(CommandRun run, string agentId)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new SessionStore(Path.Combine(run.State.Paths.SessionsDir(agentId), SessionStore.FileName), run.Context.TimeProvider);
    }

    /// <summary>
    /// What the user typed to name a session: a full key, <c>main</c> or a bare session id; nothing means the agent's main
    /// session.
    /// </summary>
    public static SessionKey ParseKey(string? typed, string? agentOption)
    {
        var agentId = AgentIdArgument.Parse(agentOption);
        if (string.IsNullOrWhiteSpace(typed))
        {
            return SessionKey.Main(agentId);
        }
        try
        {
            return SessionKey.Parse(typed.Trim(), agentId);
        }
        catch (ArgumentException exception)
        {
            throw new CliException(exception.Message);
        }
    }

    /// <summary>
    /// The session a user named: by key first, then — for a bare word — the session whose id it is (a main session's id is a
    /// GUID users copy from <c>sessions list</c>).
    /// </summary>
    public static async Task<SessionKey?> FindAsync(SessionStore store, string? typed, string? agentOption, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var key = ParseKey(typed, agentOption);
        var snapshot = await store.LoadAsync(key, cancellationToken).ConfigureAwait(false);
        if (snapshot.Entry is not null)
        {
            return key;
        }
        if (!string.IsNullOrWhiteSpace(typed))
        {
            var word = typed.Trim();
            foreach (var entry in await store.ListAsync(cancellationToken).ConfigureAwait(false))
            {
                if (string.Equals(entry.SessionId, word, StringComparison.Ordinal))
                {
                    return entry.Key;
                }
            }
        }
        return null;
    }

    /// <summary>The error for a session that does not exist.</summary>
    public static CliException NotFound(string? typed, string? agentOption) =>
        new($"Session not found: {(string.IsNullOrWhiteSpace(typed) ? ParseKey(null, agentOption).ToString() : typed.Trim())}. Run openclaw sessions list to see them.");
}
