using System.Diagnostics;
using System.Globalization;

namespace OpenClaw.Reliability.Tests.Bounds;

/// <summary>Watches a running process's peak resident memory (<c>VmHWM</c> in <c>/proc/&lt;pid&gt;/status</c>, Linux).</summary>
public sealed class PeakMemory : IAsyncDisposable
{
    private readonly Process _process;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peakKilobytes;

    public PeakMemory(Process process)
    {
        _process = process;
        _sampling = SampleAsync();
    }

    /// <summary>The highest peak seen so far, in MiB.</summary>
    public double PeakMebibytes => Interlocked.Read(ref _peakKilobytes) / 1024.0;

    private async Task SampleAsync()
    {
        var path = $"/proc/{_process.Id}/status";
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                foreach (var line in await File.ReadAllLinesAsync(path, _stop.Token).ConfigureAwait(false))
                {
                    if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    {
                        var kilobytes = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                        if (kilobytes > Interlocked.Read(ref _peakKilobytes))
                        {
                            Interlocked.Exchange(ref _peakKilobytes, kilobytes);
                        }
                    }
                }
                await Task.Delay(10, _stop.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or OperationCanceledException)
            {
                // The process is gone (or we are stopping): the last sample is the peak.
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _sampling.ConfigureAwait(false);
        _stop.Dispose();
    }
}
