namespace OpenClaw.OpenRouter.Emulator;

/// <summary>Every request the emulator received, in arrival order, for tests that assert what a client sent.</summary>
/// <remarks>Thread-safe. Administrative requests (<c>/__emulator/…</c>) are not recorded.</remarks>
public sealed class RequestJournal
{
    private readonly List<JournalEntry> _entries = [];
    private readonly Lock _gate = new();
    private long _sequence;

    /// <summary>A snapshot of the recorded requests.</summary>
    public IReadOnlyList<JournalEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>The recorded requests whose path ends with <paramref name="pathSuffix"/> (e.g. <c>/chat/completions</c>).</summary>
    public IReadOnlyList<JournalEntry> For(string pathSuffix)
        => [.. Entries.Where(entry => entry.Path.EndsWith(pathSuffix, StringComparison.Ordinal))];

    /// <summary>The most recent request, or <see langword="null"/> when none was recorded.</summary>
    public JournalEntry? Last
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count == 0 ? null : _entries[^1];
            }
        }
    }

    /// <summary>Forgets every recorded request.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    internal JournalEntry Record(string method, string origin, string path, string query, IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        lock (_gate)
        {
            var entry = new JournalEntry(++_sequence, method, origin, path, query, headers, body);
            _entries.Add(entry);
            return entry;
        }
    }
}
