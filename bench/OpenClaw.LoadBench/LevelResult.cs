namespace OpenClaw.LoadBench;

/// <summary>Both paths at one concurrency level.</summary>
internal sealed record LevelResult(int Concurrency, int Warmup, int BatchSize, PathResult Baseline, PathResult OpenClaw);
