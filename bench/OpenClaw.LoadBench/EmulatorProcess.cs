using System.Diagnostics;
using System.Runtime.InteropServices;

namespace OpenClaw.LoadBench;

/// <summary>
/// The <c>openrouter-emulator</c> host started as a child process (<c>dotnet openrouter-emulator.dll --port 0</c>), so that its
/// CPU is not counted as the client's. Disposing it kills it.
/// </summary>
internal sealed class EmulatorProcess : IAsyncDisposable
{
    private const int StderrLinesKept = 20;
    private readonly Process _process;
    private readonly Queue<string> _stderr = new();

    private EmulatorProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    /// <summary>The emulator's CPU time so far (user + kernel).</summary>
    public TimeSpan TotalProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The emulator next to this program (copied there by the build), unless <paramref name="explicitPath"/> names one.</summary>
    public static FileInfo Locate(FileInfo? explicitPath)
    {
        var path = explicitPath ?? new FileInfo(Path.Combine(AppContext.BaseDirectory, "emulator", "openrouter-emulator.dll"));
        return path.Exists
            ? path
            : throw new FileNotFoundException(
                $"The emulator host was not found at {path.FullName}. Build this project (it builds and copies src/OpenClaw.OpenRouter.Emulator.Host), pass --emulator <openrouter-emulator.dll>, or pass --base-url of a running emulator.",
                path.FullName);
    }

    public static async Task<EmulatorProcess> StartAsync(FileInfo dll, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll.FullName);
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add("0");
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the emulator.");
        var emulator = (EmulatorProcess?)null;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            var firstLine = await process.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false);
            if (firstLine is null || !Uri.TryCreate(firstLine.Trim(), UriKind.Absolute, out var baseUrl))
            {
                var stderr = await process.StandardError.ReadToEndAsync(timeout.Token).ConfigureAwait(false);
                throw new InvalidOperationException($"The emulator did not print its base URL (got \"{firstLine}\"). {stderr}".Trim());
            }
            emulator = new EmulatorProcess(process, baseUrl);
            emulator.DrainOutput();
            return emulator;
        }
        finally
        {
            if (emulator is null)
            {
                Kill(process);
                process.Dispose();
            }
        }
    }

    /// <summary>The last lines the emulator wrote to standard error (it reports failed requests there).</summary>
    public IReadOnlyList<string> RecentErrors()
    {
        lock (_stderr)
        {
            return [.. _stderr];
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill(_process);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Killed but not reaped in time: nothing more to do.
        }
        _process.Dispose();
    }

    /// <summary>Keeps reading both pipes so the emulator never blocks on a full one; stderr's tail is kept for diagnostics.</summary>
    private void DrainOutput()
    {
        var stdout = _process.StandardOutput;
        var stderr = _process.StandardError;
        _ = Task.Run(async () =>
        {
            while (await stdout.ReadLineAsync().ConfigureAwait(false) is not null)
            {
            }
        });
        _ = Task.Run(async () =>
        {
            while (await stderr.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                lock (_stderr)
                {
                    _stderr.Enqueue(line);
                    while (_stderr.Count > StderrLinesKept)
                    {
                        _stderr.Dequeue();
                    }
                }
            }
        });
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>The <c>dotnet</c> muxer of the runtime running this program (so no PATH lookup is needed), else <c>dotnet</c>.</summary>
    private static string DotnetHost()
    {
        var name = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "dotnet.exe" : "dotnet";
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }
        // <root>/shared/Microsoft.NETCore.App/<version>/ → <root>/dotnet
        var runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();
        var root = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        var candidate = Path.Combine(root, name);
        return File.Exists(candidate) ? candidate : name;
    }
}
