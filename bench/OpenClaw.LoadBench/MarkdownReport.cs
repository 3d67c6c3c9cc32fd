using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;

namespace OpenClaw.LoadBench;

/// <summary>The markdown report: machine, workload, one row per level and path, the overhead rows, and the issue's target.</summary>
internal static class MarkdownReport
{
    /// <summary>Issue 8's target: p50 overhead versus the raw client at 256 concurrent streams.</summary>
    private const int TargetConcurrency = 256;
    private const double TargetP50OverheadPercent = 5;

    public static string Build(ReportInput input)
    {
        var settings = input.Settings;
        var probe = input.Probe;
        var text = new StringBuilder();
        void Line(FormattableString? line = null) => text.Append(line?.ToString(CultureInfo.InvariantCulture)).Append('\n');

        Line($"# OpenClaw load benchmark");
        Line();
        Line($"- Command: `dotnet run -c Release --project bench/OpenClaw.LoadBench -- {string.Join(' ', input.Args)}` (build: {BuildConfiguration})");
        Line($"- Started {input.StartedAt:yyyy-MM-dd HH:mm:ss} UTC, took {input.Duration.TotalSeconds:0} s");
        Line($"- Machine: {Environment.ProcessorCount} logical cores ({RuntimeInformation.ProcessArchitecture}), {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC");
        Line($"- Emulator: {input.EmulatorDescription}");
        if (input.LoadAverage is { } load)
        {
            Line($"- Load average (`/proc/loadavg`) at the start: {load.AtStart}, at the end: {load.AtEnd} (anything else running on the machine shows here)");
        }
        Line();
        Line($"## Workload");
        Line();
        Line($"- Model `{input.Workload.Model}`, prompt of {settings.Words} words ({input.Workload.Prompt.Length} chars), `stream:true`; emulator chunk interval {(input.Workload.Fault is { } fault ? $"`{Workload.FaultHeader}: {fault}`" : "none (streams as fast as it can)")}");
        Line($"- Every answer: {probe.Reference.ContentChars} text chars and {probe.Reference.ReasoningChars} reasoning chars, checked on every request of both paths (length and hash; a difference counts as an error)");
        Line($"- The stream: {probe.BaselineWire.DataEvents} `data:` events and {probe.BaselineWire.CommentLines} comment lines, {probe.BaselineWire.ResponseBytes} bytes in answer to the baseline body ({probe.OpenClawWire.DataEvents} events, {probe.OpenClawWire.ResponseBytes} bytes to OpenClaw's); one stream alone takes {probe.BaselineWire.Elapsed.TotalMilliseconds:0} ms");
        Line($"- Per level: a warm-up per path (not measured; opens the N pooled connections), then {settings.Batches} batches per path, alternating baseline/OpenClaw in ABBA order; N workers in a closed loop, all starting together (each sends its next request when its stream ends). Warm-up / batch size per path: {string.Join("; ", input.Levels.Select(l => $"N={l.Concurrency}: {l.Warmup} / {l.BatchSize}"))}");
        Line($"- Latency: from before the request is built to the end of the stream (`[DONE]` read, or OpenClaw's closing update). CPU: this process's `TotalProcessorTime` over a batch ÷ requests (the emulator runs in another process). Alloc: `GC.GetTotalAllocatedBytes(true)` over a batch ÷ requests");
        Line();
        Line($"Request bodies (the OpenClaw body is shaped by the library: that is part of what is measured):");
        Line();
        Line($"- baseline ({probe.BaselineWire.RequestBytes} bytes): `{input.Workload.Abbreviate(probe.BaselineBody)}`");
        Line($"- OpenClaw ({probe.OpenClawWire.RequestBytes} bytes; headers {string.Join(", ", probe.OpenClawHeaderNames)}): `{input.Workload.Abbreviate(probe.OpenClawBody)}`");
        Line();
        Line($"## Results");
        Line();
        Line($"| N | path | requests | errors | p50 ms | p99 ms | mean ms | req/s | client CPU µs/req | alloc KB/req | emulator CPU µs/req | client+emulator CPU % |");
        Line($"|--:|:-----|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var level in input.Levels)
        {
            foreach (var path in (PathResult[])[level.Baseline, level.OpenClaw])
            {
                Line($"| {level.Concurrency} | {path.Name} | {path.Requests} | {path.Errors} | {path.PercentileMs(50):0.00} | {path.PercentileMs(99):0.00} | {path.MeanMs:0.00} | {path.RequestsPerSecond:0.0} | {path.ClientCpuMicrosPerRequest:0} | {path.AllocatedKbPerRequest:0.0} | {Optional(path.ServerCpuMicrosPerRequest, "0")} | {Optional(path.BusyPercent(Environment.ProcessorCount), "0")} |");
            }
        }
        Line();
        Line($"## Overhead of OpenClaw versus the baseline");
        Line();
        Line($"| N | p50 overhead | p99 overhead | mean overhead | client CPU ratio | alloc ratio |");
        Line($"|--:|--:|--:|--:|--:|--:|");
        foreach (var level in input.Levels)
        {
            var (b, o) = (level.Baseline, level.OpenClaw);
            Line($"| {level.Concurrency} | {Overhead(o.PercentileMs(50), b.PercentileMs(50))} | {Overhead(o.PercentileMs(99), b.PercentileMs(99))} | {Overhead(o.MeanMs, b.MeanMs)} | {Ratio(o.ClientCpuMicrosPerRequest, b.ClientCpuMicrosPerRequest)} | {Ratio(o.AllocatedKbPerRequest, b.AllocatedKbPerRequest)} |");
        }
        Line();
        Line($"Overhead = (OpenClaw − baseline) ÷ baseline; ratio = OpenClaw ÷ baseline.");
        Line();
        Line($"**Target** (issue 8: p50 overhead ≤ {TargetP50OverheadPercent:0} % at {TargetConcurrency} concurrent streams, no errors): {TargetVerdict(input.Levels)}");

        var errors = input.Levels
            .SelectMany(level => ((PathResult[])[level.Baseline, level.OpenClaw])
                .SelectMany(path => path.ErrorMessages.Select(e => $"N={level.Concurrency} {path.Name}: {e.Value}× {e.Key}")))
            .Concat(input.WarmupErrors.GroupBy(e => e, StringComparer.Ordinal).Select(g => $"{g.Count()}× {g.Key}"))
            .ToList();
        if (errors.Count > 0)
        {
            Line();
            Line($"## Errors");
            Line();
            foreach (var error in errors)
            {
                Line($"- {error}");
            }
            foreach (var line in input.EmulatorErrors)
            {
                Line($"- emulator stderr: {line}");
            }
        }
        if (BuildConfiguration != "Release")
        {
            Line();
            Line($"**Warning: a {BuildConfiguration} build. Measure with `-c Release`.**");
        }
        return text.ToString();
    }

    private static string BuildConfiguration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    private static string TargetVerdict(IReadOnlyList<LevelResult> levels)
    {
        if (levels.FirstOrDefault(l => l.Concurrency == TargetConcurrency) is not { } level)
        {
            return $"not measured (no N={TargetConcurrency} level in this run)";
        }
        var overhead = Percent(level.OpenClaw.PercentileMs(50), level.Baseline.PercentileMs(50));
        var errors = level.Baseline.Errors + level.OpenClaw.Errors;
        var met = overhead <= TargetP50OverheadPercent && errors == 0;
        return string.Create(CultureInfo.InvariantCulture, $"**{(met ? "met" : "not met")}** (p50 overhead {overhead:+0.0;-0.0;0.0} %, {errors} errors)");
    }

    private static double Percent(double value, double reference) => (value - reference) / reference * 100;

    private static string Overhead(double value, double reference) =>
        double.IsFinite(value) && double.IsFinite(reference) && reference > 0
            ? Percent(value, reference).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " %"
            : "n/a";

    private static string Ratio(double value, double reference) =>
        double.IsFinite(value) && double.IsFinite(reference) && reference > 0
            ? (value / reference).ToString("0.00", CultureInfo.InvariantCulture) + "×"
            : "n/a";

    private static string Optional(double? value, string format) =>
        value is { } number && double.IsFinite(number) ? number.ToString(format, CultureInfo.InvariantCulture) : "n/a";
}
