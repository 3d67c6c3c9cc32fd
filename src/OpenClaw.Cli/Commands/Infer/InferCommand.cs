using System.CommandLine;
using OpenClaw.Cli.Hosting;

namespace OpenClaw.Cli.Commands.Infer;

/// <summary><c>openclaw infer …</c>: one-shot model calls without an agent (CLI spec §7).</summary>
public static class InferCommand
{
    public static Command Create(CliContext context) => new("infer", "One-shot model calls without an agent, history or tools.")
    {
        new Command("model", "Plain completions.")
        {
            InferModelRunCommand.Create(context),
        },
        new Command("image", "Image generation.")
        {
            InferImageGenerateCommand.Create(context),
        },
        new Command("video", "Video generation.")
        {
            InferVideoGenerateCommand.Create(context),
        },
        new Command("tts", "Text to speech.")
        {
            InferTtsConvertCommand.Create(context),
        },
    };
}
