namespace OpenClaw.LoadBench;

/// <summary>Everything the report shows.</summary>
internal sealed record ReportInput(
    LoadBenchSettings Settings,
    IReadOnlyList<string> Args,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    Workload Workload,
    string EmulatorDescription,
    bool EmulatorCpuMeasured,
    Probe Probe,
    IReadOnlyList<LevelResult> Levels,
    IReadOnlyList<string> WarmupErrors,
    IReadOnlyList<string> EmulatorErrors,
    (string AtStart, string AtEnd)? LoadAverage);
