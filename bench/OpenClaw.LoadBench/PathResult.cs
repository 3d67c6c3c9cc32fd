using System.Diagnostics;

namespace OpenClaw.LoadBench;

/// <summary>Every measured batch of one path at one concurrency level, summed up.</summary>
internal sealed class PathResult(string name)
{
    private readonly List<long> _latencies = [];
    private readonly Dictionary<string, int> _errors = new(StringComparer.Ordinal);
    private long _wallTicks;
    private TimeSpan _clientCpu;
    private TimeSpan? _serverCpu = TimeSpan.Zero;
    private long _allocated;

    public string Name { get; } = name;

    public int Requests { get; private set; }

    public int Errors { get; private set; }

    /// <summary>Distinct error messages with how often each occurred.</summary>
    public IReadOnlyDictionary<string, int> ErrorMessages => _errors;

    public void Add(BatchResult batch)
    {
        foreach (var outcome in batch.Outcomes)
        {
            Requests++;
            if (outcome.Error is { } error)
            {
                Errors++;
                _errors[error] = _errors.GetValueOrDefault(error) + 1;
            }
            else
            {
                _latencies.Add(outcome.ElapsedTicks);
            }
        }
        _wallTicks += batch.WallTicks;
        _clientCpu += batch.ClientCpu;
        _serverCpu = _serverCpu is { } sum && batch.ServerCpu is { } server ? sum + server : null;
        _allocated += batch.AllocatedBytes;
    }

    /// <summary>Latency percentile (nearest rank) of the successful requests, in milliseconds; NaN without any.</summary>
    public double PercentileMs(double percentile)
    {
        if (_latencies.Count == 0)
        {
            return double.NaN;
        }
        var sorted = _latencies.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return ToMs(sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)]);
    }

    public double MeanMs => _latencies.Count == 0 ? double.NaN : ToMs((long)_latencies.Average());

    public double RequestsPerSecond => _wallTicks == 0 ? double.NaN : Requests / (_wallTicks / (double)Stopwatch.Frequency);

    public double ClientCpuMicrosPerRequest => Requests == 0 ? double.NaN : _clientCpu.TotalMicroseconds / Requests;

    public double? ServerCpuMicrosPerRequest => _serverCpu is { } server && Requests > 0 ? server.TotalMicroseconds / Requests : null;

    public double AllocatedKbPerRequest => Requests == 0 ? double.NaN : _allocated / 1024.0 / Requests;

    /// <summary>Client and emulator CPU over the wall time of all cores: near 100 %, the CPU rather than the client sets the pace.</summary>
    public double? BusyPercent(int cores)
        => _serverCpu is { } server && _wallTicks > 0
            ? 100 * (_clientCpu + server).TotalSeconds / (_wallTicks / (double)Stopwatch.Frequency * cores)
            : null;

    private static double ToMs(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
