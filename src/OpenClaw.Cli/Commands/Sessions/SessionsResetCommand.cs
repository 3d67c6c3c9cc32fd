using System.CommandLine;
using OpenClaw.Cli.Hosting;

namespace OpenClaw.Cli.Commands.Sessions;

/// <summary><c>sessions reset [&lt;key-or-id&gt;]</c>: empties a session (default the agent's main one).</summary>
public static class SessionsResetCommand
{
    public static Command Create(CliContext context)
    {
        var session = new Argument<string?>("session") { Description = "A session key, main, or a session id (default main).", Arity = ArgumentArity.ZeroOrOne };
        var agent = SessionsCommand.AgentOption();
        var command = new Command("reset", "Forget a session's messages, totals and saved thinking level.") { session, agent };
        CommandBuilder.SetHandler(command, context, null, async run =>
        {
            var typed = run.Get(session);
            using var store = SessionsCommand.OpenStore(run, Agent.AgentIdArgument.Parse(run.Get(agent)));
            var key = await SessionsCommand.FindAsync(store, typed, run.Get(agent), run.CancellationToken).ConfigureAwait(false)
                ?? throw SessionsCommand.NotFound(typed, run.Get(agent));
            if (!await store.ResetAsync(key, run.CancellationToken).ConfigureAwait(false))
            {
                throw SessionsCommand.NotFound(typed, run.Get(agent));
            }
            run.Output.Line($"Reset session {key}.");
            return 0;
        });
        return command;
    }
}
