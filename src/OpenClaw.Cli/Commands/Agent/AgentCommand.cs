using System.CommandLine;
using System.Globalization;
using OpenClaw.Agent.Media;
using OpenClaw.Agent.Sessions;
using OpenClaw.Agent.Tools;
using OpenClaw.Agent.Turns;
using OpenClaw.Cli.Commands.Infer;
using OpenClaw.Cli.Hosting;
using OpenClaw.Cli.Rendering;

namespace OpenClaw.Cli.Commands.Agent;

/// <summary><c>openclaw agent -m &lt;text&gt;</c>: one agent turn in a session (CLI spec §4, §10).</summary>
public static class AgentCommand
{
    public static Command Create(CliContext context)
    {
        var message = new Option<string>("--message", "-m") { Description = "The message; - reads it from standard input." };
        var messageFile = new Option<string>("--message-file") { Description = "Read the message from a UTF-8 file (at most 4 MiB)." };
        var sessionId = new Option<string>("--session-id") { Description = "Use this session (agent:<agent>:explicit:<id>) instead of the agent's main session." };
        var agentId = new Option<string>("--agent") { Description = "The agent (default main)." };
        var model = new Option<string>("--model") { Description = "A model ref or alias for this run only; no fallbacks." };
        var thinking = new Option<string>("--thinking") { Description = ThinkingArgument.Description + " Saved on the session." };
        var timeout = new Option<string>("--timeout") { Description = "Turn deadline in seconds (default agents.defaults.timeoutSeconds, 600)." };
        var showReasoning = new Option<bool>("--show-reasoning") { Description = "Stream the model's reasoning to stderr." };
        var local = new Option<bool>("--local") { Description = "Run the turn in this process (always the case here)." };
        var json = CommandBuilder.JsonOption("Print the result as one JSON document on stdout.");
        var command = new Command("agent", "Run one agent turn: send a message, stream the answer, keep the conversation.")
        {
            message, messageFile, sessionId, agentId, model, thinking, timeout, showReasoning, local, json,
        };
        // OpenClaw's delivery and gateway options select channels this port does not have.
        CommandBuilder.AcceptIgnored(command, "--deliver", "--best-effort-deliver");
        CommandBuilder.AcceptIgnoredWithValue(command, "--to", "--session-key", "--channel", "--reply-to", "--reply-channel", "--reply-account", "--account");

        CommandBuilder.SetHandler(command, context, json, async run =>
        {
            var level = ThinkingArgument.Parse(run.Get(thinking));
            var deadline = ParseTimeout(run.Get(timeout));
            var text = MessageInput.Read(run.Get(message), run.Get(messageFile), run.Context);
            var state = run.State;
            var agent = AgentIdArgument.Parse(run.Get(agentId));
            var session = SessionFor(agent, run.Get(sessionId));
            var key = state.RequireApiKey();
            var settings = AgentSettingsReader.Read(state, agent);
            var modelOverride = run.Get(model) is { } typed ? state.CreateModelRefResolver().Resolve(typed).CanonicalRef : null;
            var display = run.Get(showReasoning) ? ReasoningDisplay.Stream : ReasoningDisplayOf(state.Config.ReasoningDefault);

            var time = run.Context.TimeProvider;
            var sessionsDirectory = state.Paths.SessionsDir(agent);
            using var client = state.CreateAgentClient(key.Key);
            using var sessions = new SessionStore(Path.Combine(sessionsDirectory, SessionStore.FileName), time);
            var runner = new AgentTurnRunner(client, sessions, sessionsDirectory, settings, Tools(state, client, time), time);
            var observer = new TextTurnObserver(run.Context, display, run.Output.Json);
            var request = new AgentTurnRequest
            {
                Message = text,
                Session = session,
                ModelOverride = modelOverride,
                Thinking = level,
                Timeout = deadline,
            };

            AgentTurnResult result;
            try
            {
                result = await runner.RunAsync(request, observer, run.CancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (run.CancellationToken.IsCancellationRequested)
            {
                observer.Abandon();
                if (run.Output.Json)
                {
                    run.Output.WriteJson(CliOutput.ErrorDocument("Aborted."));
                }
                run.Output.Note("Aborted.");
                return CliApplication.InterruptedExitCode;
            }
            catch
            {
                observer.Abandon();
                throw;
            }

            if (run.Output.Json)
            {
                result = await SpokenReply.ApplyAsync(run, result).ConfigureAwait(false);
                run.Output.WriteJson(AgentResultDocument.Build(result, key));
                return 0;
            }
            observer.Complete(result);
            await SpokenReply.ApplyAsync(run, result).ConfigureAwait(false);
            run.Output.Note(UsageLine.Format(
                result.ResponseModel, result.UpstreamProvider,
                result.Usage.Input + result.Usage.CacheRead + result.Usage.CacheWrite, result.Usage.Output, result.Usage.CacheRead,
                result.Usage.Cost, $"session {SessionLabel(session)}"));
            return 0;
        });
        return command;
    }

    /// <summary>
    /// The built-in tools: <c>current_time</c>, and <c>image_generate</c> / <c>video_generate</c> over the configured media
    /// models, saving under <c>&lt;stateDir&gt;/media/tool-image-generation/</c> and <c>…/tool-video-generation/</c>.
    /// </summary>
    private static List<Microsoft.Extensions.AI.AIFunction> Tools(LocalState state, OpenRouter.OpenRouterClient client, TimeProvider time)
    {
        var media = MediaSettingsReader.Read(state);
        var store = new MediaFileStore(media.MediaDirectory, time);
        var inputs = MediaSettingsReader.InputReader(state, media);
        return
        [
            new CurrentTimeTool(time),
            new ImageGenerateTool(new ImageGenerationService(client, media), store, inputs),
            new VideoGenerateTool(new VideoGenerationService(client, media), store, inputs),
        ];
    }

    private static SessionKey SessionFor(string agent, string? sessionId)
    {
        if (sessionId is null)
        {
            return SessionKey.Main(agent);
        }
        try
        {
            return SessionKey.Explicit(agent, sessionId);
        }
        catch (ArgumentException exception)
        {
            throw new CliException(exception.Message);
        }
    }

    private static TimeSpan? ParseTimeout(string? text)
    {
        if (text is null)
        {
            return null;
        }
        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !double.IsFinite(seconds) || seconds <= 0 || seconds > int.MaxValue)
        {
            throw new CliException($"Invalid --timeout \"{text}\": expected a positive number of seconds.");
        }
        return TimeSpan.FromSeconds(seconds);
    }

    private static ReasoningDisplay ReasoningDisplayOf(string? configured) => configured switch
    {
        "on" => ReasoningDisplay.On,
        "stream" => ReasoningDisplay.Stream,
        _ => ReasoningDisplay.Off,
    };

    /// <summary>What the summary line calls the session: <c>main</c>, or the explicit id.</summary>
    private static string SessionLabel(SessionKey session) =>
        session.ExplicitId ?? (session.AgentId == Core.State.StatePaths.DefaultAgentId ? "main" : $"{session.AgentId}:main");
}
