using System.Collections.Concurrent;

namespace OpenClaw.Reliability.Tests.Support;

/// <summary>
/// Every output this suite produced — CLI stdout and stderr, exception texts, files written outside the credential stores,
/// requests the emulator received on other origins — kept so that <see cref="OutputLedgerCheck"/> can grep all of it for
/// <see cref="SuiteKey"/> once the run ends. Tests record through the helpers here (or through <see cref="SuiteCli"/>, which
/// records by itself).
/// </summary>
public static class OutputLedger
{
    private static readonly ConcurrentQueue<LedgerEntry> Entries = new();

    /// <summary>How many outputs were recorded so far.</summary>
    public static int Count => Entries.Count;

    /// <summary>Total characters recorded so far.</summary>
    public static long Characters => Entries.Sum(entry => (long)entry.Text.Length);

    /// <summary>Records one output; <paramref name="source"/> says where it came from (test, command, stream).</summary>
    public static void Record(string source, string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            Entries.Enqueue(new LedgerEntry(source, text));
        }
    }

    /// <summary>Records a CLI run's stdout and stderr.</summary>
    public static CliResult Record(string source, CliResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Record(source + " stdout", result.Stdout);
        Record(source + " stderr", result.Stderr);
        return result;
    }

    /// <summary>Records an exception as a user or a log would see it: <see cref="Exception.ToString"/> (message, inner exceptions, stack).</summary>
    public static void Record(string source, Exception? exception)
    {
        if (exception is not null)
        {
            Record(source + " exception", exception.ToString());
        }
    }

    /// <summary>
    /// Records every text file under <paramref name="directory"/> except the two places a key is meant to live: the auth
    /// store (<c>auth-profiles.json</c>) and the config file with its backups (<c>openclaw.json*</c>) — those are checked
    /// for mode 0600 instead. Binary files (media, SQLite) are recorded as Latin-1 so a key in them is still found.
    /// </summary>
    public static void RecordDirectory(string source, string directory)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith("auth-profiles.json", StringComparison.Ordinal) || name.StartsWith("openclaw.json", StringComparison.Ordinal) || name == ".env")
            {
                continue;
            }
            try
            {
                Record($"{source} file {Path.GetRelativePath(directory, file)}", System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(file)));
            }
            catch (IOException)
            {
                // A file still being replaced by another process; the next sweep sees it.
            }
        }
    }

    /// <summary>The recorded outputs that contain the key.</summary>
    public static IReadOnlyList<(string Source, string Fragment)> Leaks() =>
        [.. Entries.Select(entry => (entry.Source, Fragment: SuiteKey.FindIn(entry.Text))).Where(hit => hit.Fragment is not null).Select(hit => (hit.Source, hit.Fragment!))];

    private sealed record LedgerEntry(string Source, string Text);
}
