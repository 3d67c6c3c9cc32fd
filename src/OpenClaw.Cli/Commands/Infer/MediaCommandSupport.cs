using System.Text.Json.Nodes;
using OpenClaw.Agent.Fallbacks;
using OpenClaw.Cli.Hosting;
using OpenClaw.Core.Credentials;
using OpenClaw.Core.Models;

namespace OpenClaw.Cli.Commands.Infer;

/// <summary>What <c>infer image generate</c> and <c>infer video generate</c> share: the key check, notes and the JSON document.</summary>
internal static class MediaCommandSupport
{
    /// <summary>The key, or the media commands' own "no key" error (provider spec §3.1); nothing is sent without one.</summary>
    public static ResolvedApiKey RequireKey(LocalState state) =>
        state.ResolveApiKey() ?? throw new CliException(InferModelRunCommand.MissingKeyMessage);

    /// <summary><c>--output</c> with a leading <c>~</c> expanded; <see langword="null"/> when not given.</summary>
    public static string? OutputPath(LocalState state, string? output) =>
        string.IsNullOrWhiteSpace(output) ? null : state.Paths.ExpandHome(output.Trim());

    /// <summary>Ctrl+C: <c>Aborted.</c> (and the error document in JSON mode), exit 130; nothing was written.</summary>
    public static int Aborted(CommandRun run)
    {
        if (run.Output.Json)
        {
            run.Output.WriteJson(CliOutput.ErrorDocument("Aborted."));
        }
        run.Output.Note("Aborted.");
        return CliApplication.InterruptedExitCode;
    }

    /// <summary>A stderr note when a candidate failed and the next one is tried (text mode only).</summary>
    public static Action<ModelAttempt, ResolvedModelRef> FallbackNote(CommandRun run) => (attempt, next) =>
    {
        if (!run.Output.Json)
        {
            var reason = attempt.Reason is { } known ? $" ({known})" : "";
            run.Output.Note($"{attempt.ModelRef} failed{reason}: {attempt.Message} Trying {next.DisplayRef}.");
        }
    };

    /// <summary>The success document of CLI spec §7, with its keys in the spec's order.</summary>
    public static JsonObject SuccessDocument(string capability, string model, IReadOnlyList<ModelAttempt> failedAttempts, JsonArray outputs)
    {
        var attempts = new JsonArray();
        foreach (var attempt in failedAttempts)
        {
            attempts.Add((JsonNode)new JsonObject
            {
                ["provider"] = "openrouter",
                ["model"] = attempt.ModelRef,
                ["outcome"] = "failure",
                ["reasonCode"] = attempt.Reason?.Value ?? "unknown",
                ["error"] = attempt.Message,
            });
        }
        return new JsonObject
        {
            ["ok"] = true,
            ["capability"] = capability,
            ["transport"] = "local",
            ["provider"] = "openrouter",
            ["model"] = model,
            ["attempts"] = attempts,
            ["outputs"] = outputs,
        };
    }

    /// <summary><c>$0.0012</c>, or <c>cost not reported</c>.</summary>
    public static string Cost(decimal? cost) => cost is { } dollars ? "$" + Rendering.UsageLine.FormatCost(dollars) : "cost not reported";
}
