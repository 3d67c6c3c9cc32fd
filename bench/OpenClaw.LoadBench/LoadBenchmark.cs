using System.Diagnostics;
using System.Globalization;

namespace OpenClaw.LoadBench;

/// <summary>Starts the emulator, checks both paths, runs every level, and writes the report.</summary>
internal static class LoadBenchmark
{
    /// <returns>0 when every measured request succeeded, 1 when some failed, 3 when the run could not be set up.</returns>
    public static async Task<int> RunAsync(LoadBenchSettings settings, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var workload = new Workload(settings.Model, settings.Words, settings.IntervalMs);
        var loadAtStart = LoadAverage();

        EmulatorProcess? emulator = null;
        try
        {
            Uri baseUrl;
            string emulatorDescription;
            if (settings.BaseUrl is { } external)
            {
                baseUrl = external;
                emulatorDescription = $"already running at {external} (--base-url); its CPU is not measured";
            }
            else
            {
                var dll = EmulatorProcess.Locate(settings.EmulatorPath);
                Log($"starting the emulator: {dll.FullName}");
                emulator = await EmulatorProcess.StartAsync(dll, cancellationToken).ConfigureAwait(false);
                baseUrl = emulator.BaseUrl;
                emulatorDescription = $"separate process (`dotnet openrouter-emulator.dll --port 0`), {baseUrl}";
            }
            Log($"emulator: {baseUrl}");

            using var baseline = new BaselinePath(baseUrl, workload);
            using var openClaw = new OpenClawPath(baseUrl, workload);
            Probe probe;
            try
            {
                probe = await Probe.RunAsync(workload, baseline, openClaw, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is InvalidOperationException or HttpRequestException or IOException)
            {
                await Console.Error.WriteLineAsync($"Error: {exception.Message}").ConfigureAwait(false);
                foreach (var line in emulator?.RecentErrors() ?? [])
                {
                    await Console.Error.WriteLineAsync($"  emulator: {line}").ConfigureAwait(false);
                }
                return 3;
            }
            Log($"probe: both paths stream {probe.Reference}; {probe.BaselineWire.DataEvents} events, {probe.BaselineWire.ResponseBytes} bytes, {probe.BaselineWire.Elapsed.TotalMilliseconds:0} ms alone");

            var runner = new BatchRunner(emulator is null ? null : () => emulator.TotalProcessorTime);
            var results = new List<LevelResult>();
            var warmupErrors = new List<string>();
            foreach (var level in settings.Concurrency)
            {
                results.Add(await RunLevelAsync(settings, level, baseline, openClaw, probe.Reference, runner, warmupErrors, cancellationToken).ConfigureAwait(false));
            }

            var report = MarkdownReport.Build(new ReportInput(settings, args, startedAt, clock.Elapsed, workload, emulatorDescription, emulator is not null,
                probe, results, warmupErrors, emulator?.RecentErrors() ?? [],
                loadAtStart is not null && LoadAverage() is { } loadAtEnd ? (loadAtStart, loadAtEnd) : null));
            Console.Out.Write(report);
            if (settings.Out is { } file)
            {
                if (file.DirectoryName is { } directory)
                {
                    Directory.CreateDirectory(directory);
                }
                await File.WriteAllTextAsync(file.FullName, report, cancellationToken).ConfigureAwait(false);
                Log($"report written to {file.FullName}");
            }
            return results.Any(r => r.Baseline.Errors + r.OpenClaw.Errors > 0) ? 1 : 0;
        }
        catch (FileNotFoundException exception)
        {
            await Console.Error.WriteLineAsync($"Error: {exception.Message}").ConfigureAwait(false);
            return 3;
        }
        finally
        {
            if (emulator is not null)
            {
                await emulator.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task<LevelResult> RunLevelAsync(LoadBenchSettings settings, int concurrency, BaselinePath baseline, OpenClawPath openClaw,
        TextTally reference, BatchRunner runner, List<string> warmupErrors, CancellationToken cancellationToken)
    {
        var warmup = settings.WarmupFor(concurrency);
        if (warmup > 0)
        {
            Log($"N={concurrency}: warm-up, {warmup} requests per path");
            IStreamPath[] paths = [baseline, openClaw];
            foreach (var path in paths)
            {
                var batch = await runner.RunAsync(path, concurrency, warmup, reference, cancellationToken).ConfigureAwait(false);
                warmupErrors.AddRange(batch.Outcomes.Where(o => o.Failed).Select(o => $"N={concurrency} warm-up {path.Name}: {o.Error}"));
            }
        }

        var batchSize = Math.Max(concurrency, (settings.RequestsFor(concurrency) + settings.Batches - 1) / settings.Batches);
        var baselineResult = new PathResult(baseline.Name);
        var openClawResult = new PathResult(openClaw.Name);
        for (var b = 0; b < settings.Batches; b++)
        {
            // ABBA order: a drift that is linear in time costs both paths the same.
            (IStreamPath, PathResult)[] order = b % 2 == 0
                ? [(baseline, baselineResult), (openClaw, openClawResult)]
                : [(openClaw, openClawResult), (baseline, baselineResult)];
            foreach (var (path, result) in order)
            {
                var batch = await runner.RunAsync(path, concurrency, batchSize, reference, cancellationToken).ConfigureAwait(false);
                result.Add(batch);
                var failed = batch.Outcomes.Count(o => o.Failed);
                Log(string.Create(CultureInfo.InvariantCulture,
                    $"N={concurrency}: batch {b + 1}/{settings.Batches} {path.Name,-8} {batch.Outcomes.Count} requests in {batch.WallTicks / (double)Stopwatch.Frequency:0.00} s{(failed > 0 ? $", {failed} FAILED" : "")}"));
            }
        }
        return new LevelResult(concurrency, warmup, batchSize, baselineResult, openClawResult);
    }

    /// <summary>The 1/5/15-minute load averages on Linux; <see langword="null"/> elsewhere.</summary>
    private static string? LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static void Log(string message) => Console.Error.WriteLine($"[load] {message}");
}
