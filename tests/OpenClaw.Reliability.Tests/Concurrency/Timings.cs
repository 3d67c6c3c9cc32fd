namespace OpenClaw.Reliability.Tests.Concurrency;

/// <summary>
/// The figures the concurrency tests measured (wall times, process counts), sent as diagnostic messages and appended to
/// <c>concurrency-timings.txt</c> next to the test assembly for the README.
/// </summary>
public static class Timings
{
    private static readonly Lock Gate = new();

    public static void Report(string line)
    {
        TestContext.Current.SendDiagnosticMessage(line);
        lock (Gate)
        {
            File.AppendAllText(Path.Combine(AppContext.BaseDirectory, "concurrency-timings.txt"),
                $"{DateTimeOffset.UtcNow:O} {TestContext.Current.Test?.TestDisplayName}: {line}\n");
        }
    }
}
