using System.Diagnostics;

namespace OpenClaw.Cli.Tests.Support;

/// <summary>An <c>openclaw</c> process that is still running, its output being collected.</summary>
public sealed class RunningCli : IDisposable
{
    private readonly string _commandLine;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    public RunningCli(Process process, string commandLine)
    {
        Process = process;
        _commandLine = commandLine;
        _stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        _stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
    }

    public Process Process { get; }

    /// <summary>Sends SIGINT, as Ctrl+C at a terminal does.</summary>
    public void Interrupt()
    {
        using var kill = System.Diagnostics.Process.Start(new ProcessStartInfo("kill", ["-INT", Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("could not run kill");
        kill.WaitForExit();
    }

    /// <summary>Waits for the exit (killing the process after <paramref name="timeout"/>) and returns what it printed.</summary>
    public async Task<CliResult> WaitAsync(TimeSpan timeout)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await Process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Process.Kill(entireProcessTree: true);
            throw new TimeoutException($"openclaw {_commandLine} did not finish within {timeout.TotalSeconds:0} s");
        }
        return new CliResult(Process.ExitCode, await _stdout.ConfigureAwait(false), await _stderr.ConfigureAwait(false));
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }
        Process.Dispose();
    }
}
