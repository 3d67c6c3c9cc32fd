using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace OpenClaw.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/OpenClaw.Benchmarks -- --filter '*'</c> from the repository root (see
/// <c>bench/README.md</c>). Results go to <c>bench/results/raw</c> (found by walking up to <c>OpenClaw.slnx</c>) unless
/// <c>--artifacts &lt;dir&gt;</c> says otherwise; DefaultConfig already exports GitHub markdown, CSV and HTML.
/// </summary>
public static class Program
{
    /// <summary>
    /// The measurement job: one process, 3 warm-up and 15 measured iterations (BenchmarkDotNet picks the invocations per
    /// iteration). It is the base job, so <c>--iterationCount</c>, <c>--warmupCount</c> and the like adjust it; a job named on
    /// the command line (<c>--job dry</c>, <c>--job short</c>) replaces it.
    /// </summary>
    public static Job MeasurementJob { get; } = Job.Default.WithWarmupCount(3).WithIterationCount(15).WithId("Bench").AsDefault();

    /// <summary>Runs the benchmarks the arguments select (BenchmarkDotNet's command line).</summary>
    public static void Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var config = DefaultConfig.Instance
            .WithArtifactsPath(DefaultArtifactsPath())
            // Model ids are up to 29 characters; the default 20 would cut them to "anthr(...)t-4.6".
            .WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(40));
        // BenchmarkDotNet prefers a default job in the config over --job, so the measurement job is only added when no job is named.
        if (!args.Any(arg => arg is "--job" or "-j" || arg.StartsWith("--job=", StringComparison.Ordinal)))
        {
            config = config.AddJob(MeasurementJob);
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }

    private static string DefaultArtifactsPath()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OpenClaw.slnx")))
            {
                return Path.Combine(directory.FullName, "bench", "results", "raw");
            }
        }
        return Path.Combine(Environment.CurrentDirectory, "BenchmarkDotNet.Artifacts");
    }
}
