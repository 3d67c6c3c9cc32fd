using OpenClaw.Agent.Speech;
using OpenClaw.Agent.Turns;
using OpenClaw.Cli.Commands.Infer;
using OpenClaw.Cli.Hosting;
using OpenClaw.Core.Errors;
using OpenClaw.OpenRouter.Errors;

namespace OpenClaw.Cli.Commands.Agent;

/// <summary>
/// Spoken replies for <c>openclaw agent</c> (<c>messages.tts.auto</c>, see <see cref="SpokenReplyPolicy"/>): after the turn, the
/// reply's text is synthesised into <c>&lt;stateDir&gt;/media/tts/tts-…mp3</c> and the payload's <c>mediaUrl</c> names that file
/// (in <c>--json</c>; text mode notes it on stderr). The command line takes only text, so <c>inbound</c> never speaks here.
/// </summary>
/// <remarks>
/// The reply is the turn's result and is already committed to the session: a speech failure (no key, an OpenRouter error, a
/// refused private host, Ctrl+C during synthesis) does not fail the command. It is reported as a warning on stderr, the payload
/// keeps <c>mediaUrl: null</c>, and the exit code stays 0.
/// </remarks>
public static class SpokenReply
{
    /// <summary>The turn's result, with <c>mediaUrl</c> set on the spoken payload when the TTS settings say to speak it.</summary>
    public static async Task<AgentTurnResult> ApplyAsync(CommandRun run, AgentTurnResult result)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(result);
        var state = run.State;
        var settings = SpeechClientFactory.ReadSettings(state);
        var index = ReplyIndex(result.Payloads);
        if (index < 0 || new SpokenReplyPolicy(settings.Auto).TextToSpeak(result.Payloads[index].Text) is not { } text)
        {
            return result;
        }
        if (!settings.UsesOpenRouter)
        {
            Warn(run, $"TTS provider \"{settings.EffectiveProvider}\" is not available: this port speaks through openrouter only.");
            return result;
        }
        SpokenAudio audio;
        try
        {
            using var client = SpeechClientFactory.Create(state, settings);
            var synthesizer = new SpeechSynthesizer(client, settings.OpenRouter, settings.Timeout, run.Context.TimeProvider);
            audio = await synthesizer.SynthesizeToDirectoryAsync(synthesizer.CreateRequest(text), SpeechSynthesizer.MediaDirectory(state.Paths.StateDir),
                run.CancellationToken).ConfigureAwait(false);
        }
        catch (OpenRouterException exception)
        {
            Warn(run, InferTtsConvertCommand.FailurePrefix + exception.Message);
            return result;
        }
        catch (OpenClawException exception)
        {
            Warn(run, exception.Message);
            return result;
        }
        catch (OperationCanceledException) when (run.CancellationToken.IsCancellationRequested)
        {
            Warn(run, "cancelled.");
            return result;
        }
        if (!run.Output.Json)
        {
            run.Output.Note($"Spoken reply: {audio.Path}");
        }
        var payloads = result.Payloads.ToArray();
        payloads[index] = payloads[index] with { MediaUrl = audio.Path };
        return result with { Payloads = payloads };
    }

    /// <summary>The payload that carries the reply: the first one that is not the truncation notice; -1 when there is none.</summary>
    private static int ReplyIndex(IReadOnlyList<AgentPayload> payloads)
    {
        for (var i = 0; i < payloads.Count; i++)
        {
            if (payloads[i].Text != AgentPayload.TruncationNotice)
            {
                return i;
            }
        }
        return -1;
    }

    private static void Warn(CommandRun run, string message) => run.Output.Note($"Warning: the reply was not spoken: {message}");
}
