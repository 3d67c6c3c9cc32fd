using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using OpenClaw.Agent.Speech;
using OpenClaw.Cli.Hosting;
using OpenClaw.Core.Config;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Speech;

namespace OpenClaw.Cli.Commands.Infer;

/// <summary>
/// <c>infer tts convert --text &lt;text&gt; --output &lt;file&gt;</c>: one speech synthesis with the TTS config (CLI spec §7,
/// provider spec §17). Flags beat the config (<c>--model</c>, <c>--voice</c>, <c>--format</c>, <c>--speed</c>), which beats the
/// provider defaults. The audio is written whole or not at all (temporary file, then rename), and the file's absolute path is
/// printed. Provider failures read <c>TTS conversion failed: openrouter: &lt;message&gt;</c>.
/// </summary>
public static class InferTtsConvertCommand
{
    /// <summary>The prefix of every provider failure, as the current release words it.</summary>
    public const string FailurePrefix = "TTS conversion failed: openrouter: ";

    public static Command Create(CliContext context)
    {
        var text = new Option<string>("--text") { Description = "The text to speak; - reads it from standard input.", Required = true };
        var output = new Option<string>("--output") { Description = "Where to write the audio file.", Required = true };
        var voice = new Option<string>("--voice") { Description = "A voice id (default: the TTS config, else af_alloy)." };
        var model = new Option<string>("--model") { Description = "A speech model id (default: the TTS config, else hexgrad/kokoro-82m)." };
        var format = new Option<string>("--format") { Description = "mp3 or pcm (default: the TTS config, else mp3)." };
        var speed = new Option<string>("--speed") { Description = "Speaking speed, 1 is normal (default: the TTS config)." };
        var provider = new Option<string>("--provider") { Description = "The speech provider: openrouter." };
        var local = new Option<bool>("--local") { Description = "Run in this process (always the case here)." };
        var json = CommandBuilder.JsonOption();
        var command = new Command("convert", "Turn text into an audio file with the configured speech provider.")
        {
            text, output, voice, model, format, speed, provider, local, json,
        };
        CommandBuilder.SetHandler(command, context, json, async run =>
        {
            var input = ReadText(run.Get(text)!, run.Context);
            var outputPath = Path.GetFullPath(run.Get(output)!, run.Context.WorkingDirectory);
            var state = run.State;
            var settings = SpeechClientFactory.ReadSettings(state);
            RequireOpenRouter(run.Get(provider) ?? settings.EffectiveProvider);
            var requestedFormat = ParseFormat(run.Get(format));
            var requestedSpeed = ParseSpeed(run.Get(speed));

            using var client = SpeechClientFactory.Create(state, settings);
            var synthesizer = new SpeechSynthesizer(client, settings.OpenRouter, settings.Timeout, run.Context.TimeProvider);
            var configured = synthesizer.CreateRequest(input);
            var request = configured with
            {
                Model = run.Get(model) ?? configured.Model,
                Voice = run.Get(voice) ?? configured.Voice,
                ResponseFormat = requestedFormat ?? configured.ResponseFormat,
                Speed = requestedSpeed ?? configured.Speed,
            };

            SpokenAudio audio;
            try
            {
                audio = await synthesizer.SynthesizeToFileAsync(request, outputPath, run.CancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (run.CancellationToken.IsCancellationRequested)
            {
                if (run.Output.Json)
                {
                    run.Output.WriteJson(CliOutput.ErrorDocument("Aborted."));
                }
                run.Output.Note("Aborted.");
                return CliApplication.InterruptedExitCode;
            }
            catch (OpenRouterException exception)
            {
                throw new CliException(FailurePrefix + exception.Message);
            }

            if (run.Output.Json)
            {
                run.Output.WriteJson(Document(audio));
                return 0;
            }
            run.Output.Line(audio.Path);
            return 0;
        });
        return command;
    }

    /// <summary>The <c>--json</c> success document of CLI spec §7.</summary>
    public static JsonObject Document(SpokenAudio audio)
    {
        ArgumentNullException.ThrowIfNull(audio);
        return new JsonObject
        {
            ["ok"] = true,
            ["capability"] = "tts.convert",
            ["transport"] = "local",
            ["provider"] = TtsSettings.OpenRouterProvider,
            ["attempts"] = new JsonArray(new JsonObject
            {
                ["provider"] = TtsSettings.OpenRouterProvider,
                ["outcome"] = "success",
                ["reasonCode"] = "success",
                ["personaBinding"] = "none",
                ["latencyMs"] = (long)Math.Round(audio.Latency.TotalMilliseconds),
            }),
            ["outputs"] = new JsonArray(new JsonObject
            {
                ["path"] = audio.Path,
                ["format"] = audio.Format.Value,
                ["voiceCompatible"] = audio.VoiceCompatible,
            }),
        };
    }

    private static string ReadText(string value, CliContext context)
    {
        var text = value == "-" ? Agent.MessageInput.ReadStandardInput(context.In, "text") : value;
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new CliException("The text is empty: pass --text <text> or --text - (standard input).");
        }
        return text;
    }

    private static void RequireOpenRouter(string provider)
    {
        if (!string.Equals(provider.Trim(), TtsSettings.OpenRouterProvider, StringComparison.OrdinalIgnoreCase))
        {
            throw new CliException($"TTS provider \"{provider.Trim()}\" is not available: this port speaks through openrouter only.");
        }
    }

    private static OpenRouterSpeechFormat? ParseFormat(string? value) =>
        value is null ? null
        : OpenRouterSpeechFormat.TryParse(value, out var format) ? format
        : throw new CliException(OpenRouterSpeechFormat.InvalidMessage(value));

    private static double? ParseSpeed(string? value)
    {
        if (value is null)
        {
            return null;
        }
        return double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var speed) && double.IsFinite(speed) && speed > 0
            ? speed
            : throw new CliException($"Invalid --speed \"{value}\": expected a positive number (1 is normal speed).");
    }
}
