using System.Globalization;
using OpenClaw.Cli.Hosting;
using OpenClaw.OpenRouter.Videos;
using Spectre.Console;

namespace OpenClaw.Cli.Commands.Infer;

/// <summary>
/// Shows a video job while it runs: at a terminal a live status line (spinner, job status, poll count, elapsed time), else
/// plain stderr lines — <c>Submitted job &lt;id&gt;</c>, <c>Status in_progress (poll 3, 12s)</c>, <c>Downloading video</c> —
/// one per change, so logs and tests read the same story.
/// </summary>
/// <remarks>Reports arrive synchronously on the polling task (never through a captured context), so lines keep their order.</remarks>
internal sealed class VideoProgressDisplay : IProgress<OpenRouterVideoProgress>
{
    private readonly TextWriter? _lines;
    private readonly Lock _gate = new();
    private OpenRouterVideoProgress? _latest;
    private string? _jobId;
    private int _polls;
    private bool _downloading;

    private VideoProgressDisplay(TextWriter? lines) => _lines = lines;

    /// <summary>
    /// Runs <paramref name="work"/> with a display: live on <paramref name="console"/> when given, plain lines on
    /// <paramref name="lines"/> when given, silent with neither (JSON mode).
    /// </summary>
    public static async Task<T> RunAsync<T>(IAnsiConsole? console, TextWriter? lines, TimeProvider time, Func<VideoProgressDisplay, Task<T>> work)
    {
        if (console is null)
        {
            return await work(new VideoProgressDisplay(lines)).ConfigureAwait(false);
        }
        var display = new VideoProgressDisplay(null);
        var started = time.GetTimestamp();
        return await console.Status().Spinner(Spinner.Known.Dots).StartAsync(Markup.Escape("Submitting video job…"), async status =>
        {
            var job = work(display);
            while (!job.IsCompleted)
            {
                status.Status(Markup.Escape(display.Describe(time.GetElapsedTime(started))));
                await Task.WhenAny(job, Task.Delay(TimeSpan.FromMilliseconds(250), time)).ConfigureAwait(false);
            }
            return await job.ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>A new candidate model starts a new job.</summary>
    public void Restart()
    {
        lock (_gate)
        {
            _latest = null;
            _jobId = null;
            _polls = 0;
            _downloading = false;
        }
    }

    public void Report(OpenRouterVideoProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            _latest = value;
            if (_lines is null)
            {
                return;
            }
            if (value.JobId is { } id && _jobId != id)
            {
                _jobId = id;
                _polls = 0;
                _lines.WriteLine($"Submitted job {id}");
            }
            if (value.Polls > _polls)
            {
                _polls = value.Polls;
                _lines.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Status {value.Status?.Value ?? "unknown"} (poll {value.Polls}, {Seconds(value.Elapsed)}s)"));
            }
            if (value.Phase == OpenRouterVideoPhase.Downloading && !_downloading)
            {
                _downloading = true;
                _lines.WriteLine("Downloading video");
            }
        }
    }

    /// <summary>The live line: what the job is doing, its polls and the time since the command started.</summary>
    private string Describe(TimeSpan elapsed)
    {
        OpenRouterVideoProgress? latest;
        lock (_gate)
        {
            latest = _latest;
        }
        var clock = string.Create(CultureInfo.InvariantCulture, $"{Seconds(elapsed)}s");
        return latest switch
        {
            null or { Phase: OpenRouterVideoPhase.Submitting } => $"Submitting video job… {clock}",
            { Phase: OpenRouterVideoPhase.Downloading or OpenRouterVideoPhase.Done } => $"Downloading video… {clock}",
            _ => string.Create(CultureInfo.InvariantCulture,
                $"Job {latest.JobId}: {latest.Status?.Value ?? "submitted"} · poll {latest.Polls} · {clock}"),
        };
    }

    private static long Seconds(TimeSpan elapsed) => (long)Math.Floor(elapsed.TotalSeconds);
}
