namespace OpenClaw.LoadBench;

/// <summary>What one run measures, as given on the command line (defaults filled in).</summary>
internal sealed record LoadBenchSettings
{
    /// <summary>The concurrency levels, in the order they run.</summary>
    public required IReadOnlyList<int> Concurrency { get; init; }

    /// <summary>Measured requests per path and level; <see langword="null"/> for <see cref="DefaultRequestsPerLevel"/>.</summary>
    public int? RequestsPerLevel { get; init; }

    /// <summary>How many alternating batches each path's requests are split into (baseline, OpenClaw, OpenClaw, baseline, …).</summary>
    public required int Batches { get; init; }

    /// <summary>Unmeasured requests per path before each level; <see langword="null"/> for <see cref="DefaultWarmup"/>.</summary>
    public int? Warmup { get; init; }

    /// <summary>The model both paths ask for.</summary>
    public required string Model { get; init; }

    /// <summary>Words in the prompt; the emulator echoes them one word per chunk.</summary>
    public required int Words { get; init; }

    /// <summary>Pause between the emulator's chunks (its <c>slow-stream</c> fault); 0 streams as fast as the emulator can.</summary>
    public required int IntervalMs { get; init; }

    /// <summary>An emulator that is already running; <see langword="null"/> starts one.</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary><c>openrouter-emulator.dll</c> to start; <see langword="null"/> for the copy next to this program.</summary>
    public FileInfo? EmulatorPath { get; init; }

    /// <summary>Where the markdown report is also written.</summary>
    public FileInfo? Out { get; init; }

    /// <summary>Enough requests for a p99 (at least 64) and for each worker to run several streams in a row.</summary>
    public static int DefaultRequestsPerLevel(int concurrency) => Math.Max(64, 4 * concurrency);

    /// <summary>One request per worker (so every pooled connection is open before measuring), and at least 8 (each runs the
    /// per-event code a few hundred times, enough for tiered JIT to settle).</summary>
    public static int DefaultWarmup(int concurrency) => Math.Max(8, concurrency);

    public int RequestsFor(int concurrency) => RequestsPerLevel ?? DefaultRequestsPerLevel(concurrency);

    public int WarmupFor(int concurrency) => Warmup ?? DefaultWarmup(concurrency);
}
