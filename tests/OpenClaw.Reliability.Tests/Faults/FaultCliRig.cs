using OpenClaw.Reliability.Tests.Support;

namespace OpenClaw.Reliability.Tests.Faults;

/// <summary>
/// Runs one operation's command in-process (<see cref="SuiteCli"/>) with the cell's CLI fault queued, and reports the exit
/// code, stdout, stderr, the files in the output directory and the state directory's media folders, and — for <c>agent</c> —
/// the session before and after.
/// </summary>
internal static class FaultCliRig
{
    public const string SessionId = "matrix";

    /// <summary>Where media commands are told to write (relative to the working directory).</summary>
    public const string OutputDirectory = "out";

    /// <summary>The command of <paramref name="operation"/>; <see langword="null"/> when it has none.</summary>
    public static string[]? Command(FaultOperation operation) => operation switch
    {
        FaultOperation.ChatStream => ["agent", "--session-id", SessionId, "-m", FaultRig.Message],
        FaultOperation.Image => ["infer", "image", "generate", "--prompt", "A red square", "--output", $"{OutputDirectory}/img.png"],
        // 120 polls of 5 s (skipped on the test clock) end at 595 s; a limit above the 600 s default keeps the last poll's own
        // time limit at 60 s, as it is in real time (on a skipping clock the last 5 s would be skipped as if it were a pause).
        FaultOperation.Video => ["infer", "video", "generate", "--prompt", "A slow pan over a lake", "--output", $"{OutputDirectory}/clip.mp4", "--timeout-ms", "700000"],
        FaultOperation.Tts => ["infer", "tts", "convert", "--text", "Hello there", "--output", $"{OutputDirectory}/speech.mp3"],
        FaultOperation.Models => ["models", "list", "--refresh"],
        FaultOperation.Key => ["doctor", "--probe"],
        _ => null,
    };

    /// <summary>The second command of an operation that has two (chat stream: <c>infer model run</c>).</summary>
    public static string[]? SecondCommand(FaultOperation operation) =>
        operation == FaultOperation.ChatStream ? ["infer", "model", "run", "--prompt", FaultRig.Message] : null;

    public static async Task<CliObservation> RunAsync(FaultCell cell, string[] command, string label)
    {
        await using var user = await SuiteCli.StartAsync(label, options: new OpenRouter.Emulator.EmulatorOptions { ForeignPort = 0, VideoPollsToComplete = 2 });
        user.WriteConfig(Config(FaultRig.ChatModel));
        if (cell.Operation == FaultOperation.Video)
        {
            // The 5 s pauses between polls pass at once. The CLI's time limits (60 s per call) are not skipped, and the CLI
            // stall is ended by the emulator, not by a limit, so every video cell can use this clock.
            user.Cli.TimeProvider = new SleepSkippingTimeProvider();
        }
        string? sessionBefore = null;
        if (command[0] == "agent")
        {
            var first = await user.RunAsync("agent", "--session-id", SessionId, "-m", "first turn");
            Assert.True(first.ExitCode == 0, first.ToString());
            sessionBefore = (await user.RunAsync("sessions", "show", SessionId, "--json")).Stdout;
        }
        var before = user.Emulator.Journal.Entries.Count;
        foreach (var (directive, path) in cell.CliQueue())
        {
            user.Emulator.Faults.Enqueue(directive, path);
        }

        var result = await user.RunAsync(command);

        var journal = user.Emulator.Journal.Entries.Skip(before).ToList();
        string? sessionAfter = null;
        if (sessionBefore is not null)
        {
            sessionAfter = (await user.RunAsync("sessions", "show", SessionId, "--json")).Stdout;
        }
        return new CliObservation
        {
            Result = result,
            Attempts = journal.Count(entry => FaultRig.OnFaultPath(cell.Operation, entry)),
            Journal = journal,
            OutputFiles = FilesUnder(Path.Combine(user.Home.WorkingDirectory, OutputDirectory)),
            WorkingFiles = FilesUnder(user.Home.WorkingDirectory),
            MediaFiles = FilesUnder(Path.Combine(user.Home.StateDir, "media")),
            SessionBefore = sessionBefore,
            SessionAfter = sessionAfter,
        };
    }

    /// <summary>The config of a matrix user: the chat model (and fallbacks), and a 1 MiB media cap.</summary>
    public static string Config(string primary, params string[] fallbacks) => new System.Text.Json.Nodes.JsonObject
    {
        ["agents"] = new System.Text.Json.Nodes.JsonObject
        {
            ["defaults"] = new System.Text.Json.Nodes.JsonObject
            {
                ["model"] = new System.Text.Json.Nodes.JsonObject
                {
                    ["primary"] = primary,
                    ["fallbacks"] = new System.Text.Json.Nodes.JsonArray([.. fallbacks.Select(fallback => (System.Text.Json.Nodes.JsonNode)fallback)]),
                },
                ["mediaMaxMb"] = 1,
            },
        },
    }.ToJsonString();

    private static IReadOnlyList<string> FilesUnder(string directory) =>
        Directory.Exists(directory)
            ? [.. Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Select(file => Path.GetRelativePath(directory, file)).Order(StringComparer.Ordinal)]
            : [];
}

/// <summary>What one CLI run of a matrix cell left behind.</summary>
internal sealed record CliObservation
{
    public required CliResult Result { get; init; }

    public required int Attempts { get; init; }

    public required IReadOnlyList<OpenRouter.Emulator.JournalEntry> Journal { get; init; }

    /// <summary>Files in the output directory the command was given (relative paths).</summary>
    public required IReadOnlyList<string> OutputFiles { get; init; }

    /// <summary>Every file in the working directory (relative paths): no temporary file may be left anywhere.</summary>
    public required IReadOnlyList<string> WorkingFiles { get; init; }

    /// <summary>Files under the state directory's <c>media/</c>.</summary>
    public required IReadOnlyList<string> MediaFiles { get; init; }

    public string? SessionBefore { get; init; }

    public string? SessionAfter { get; init; }

    public override string ToString() =>
        $"exit {Result.ExitCode} attempts={Attempts} out=[{string.Join(",", OutputFiles)}] work=[{string.Join(",", WorkingFiles)}] media=[{string.Join(",", MediaFiles)}] session={(SessionBefore is null ? "-" : SessionBefore == SessionAfter ? "unchanged" : "CHANGED")}\n--- stdout\n{Result.Stdout}--- stderr\n{Result.Stderr}";
}
