using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;
using OpenClaw.Agent.Turns;
using OpenClaw.Cli.Commands.Agent;
using OpenClaw.Cli.Hosting;
using OpenClaw.Cli.Rendering;
using OpenClaw.OpenRouter.Chat;

namespace OpenClaw.Cli.Commands.Infer;

/// <summary>
/// <c>infer model run --prompt &lt;text&gt;</c>: one plain completion — a single user message, no system prompt, no tools, no
/// history — with the thinking level passed straight to the provider's one-shot mapping (CLI spec §7, provider spec §10).
/// </summary>
public static class InferModelRunCommand
{
    /// <summary>The error when no key is found, as the current release words it for one-shot commands.</summary>
    public const string MissingKeyMessage = "OpenRouter API key missing";

    public static Command Create(CliContext context)
    {
        var prompt = new Option<string>("--prompt") { Description = "The prompt.", Required = true };
        var model = new Option<string>("--model") { Description = "A model ref or alias (default agents.defaults.model.primary)." };
        var thinking = new Option<string>("--thinking") { Description = ThinkingArgument.Description };
        var local = new Option<bool>("--local") { Description = "Run in this process (always the case here)." };
        var json = CommandBuilder.JsonOption();
        var command = new Command("run", "Send one prompt to a model and print the answer.") { prompt, model, thinking, local, json };
        CommandBuilder.AcceptIgnoredWithValue(command, "--provider");
        CommandBuilder.SetHandler(command, context, json, async run =>
        {
            var level = ThinkingArgument.Parse(run.Get(thinking));
            var text = run.Get(prompt)!;
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new CliException("The prompt is empty.");
            }
            var state = run.State;
            var key = state.ResolveApiKey() ?? throw new CliException(MissingKeyMessage);
            var resolved = state.CreateModelRefResolver().Resolve(run.Get(model) ?? state.Config.Model.Primary ?? AgentSettingsReader.DefaultModel);
            using var client = state.CreateAgentClient(key.Key);
            var request = new OpenRouterChatRequest
            {
                Model = resolved.CanonicalRef,
                Messages = [OpenRouterMessage.User(text)],
                Thinking = level,
                OneShot = true,
            };

            OpenRouterChatResult? result = null;
            var streamed = new StringBuilder();
            try
            {
                await foreach (var update in client.StreamChatAsync(request, run.CancellationToken).ConfigureAwait(false))
                {
                    if (!string.IsNullOrEmpty(update.Text))
                    {
                        streamed.Append(update.Text);
                        if (!run.Output.Json)
                        {
                            run.Output.Out.Write(update.Text);
                            run.Output.Out.Flush();
                        }
                    }
                    result = update.Completed ?? result;
                }
            }
            catch (OperationCanceledException) when (run.CancellationToken.IsCancellationRequested)
            {
                EndLine(run, streamed);
                if (run.Output.Json)
                {
                    run.Output.WriteJson(CliOutput.ErrorDocument("Aborted."));
                }
                run.Output.Note("Aborted.");
                return CliApplication.InterruptedExitCode;
            }
            catch
            {
                EndLine(run, streamed);
                throw;
            }

            if (result is null || result.StopReason == OpenRouterStopReason.Error)
            {
                EndLine(run, streamed);
                throw new CliException(result?.ErrorMessage ?? "The model returned no answer.");
            }
            if (run.Output.Json)
            {
                run.Output.WriteJson(new JsonObject
                {
                    ["ok"] = true,
                    ["capability"] = "model.run",
                    ["transport"] = "local",
                    ["provider"] = "openrouter",
                    ["model"] = resolved.ApiId,
                    ["attempts"] = new JsonArray(),
                    ["outputs"] = new JsonArray(new JsonObject { ["text"] = result.Text, ["mediaUrl"] = null }),
                });
                return 0;
            }
            if (streamed.Length == 0 && result.Text.Length > 0)
            {
                run.Output.Out.Write(result.Text);
                streamed.Append(result.Text);
            }
            EndLine(run, streamed);
            if (result.StopReason == OpenRouterStopReason.Length)
            {
                run.Output.Line(AgentPayload.TruncationNotice);
            }
            var usage = result.Usage;
            run.Output.Note(UsageLine.Format(
                result.Model ?? resolved.ApiId, result.Provider,
                usage?.PromptTokens ?? 0, usage?.CompletionTokens ?? 0, usage?.CacheReadTokens ?? 0, usage?.Cost));
            return 0;
        });
        return command;
    }

    private static void EndLine(CommandRun run, StringBuilder streamed)
    {
        if (!run.Output.Json && streamed.Length > 0 && streamed[^1] != '\n')
        {
            run.Output.Line();
        }
    }
}
