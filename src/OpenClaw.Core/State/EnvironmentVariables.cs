namespace OpenClaw.Core.State;

/// <summary>
/// The environment openclaw reads, in layers: the process environment, then <c>./.env</c>, then
/// <c>&lt;stateDir&gt;/.env</c>, then the config's <c>env</c> block. A lower layer only fills names that are still unset,
/// so the process environment always wins. Nothing here changes the real process environment.
/// </summary>
public sealed class EnvironmentVariables
{
    private readonly Dictionary<string, (string Value, EnvironmentSource Source)> _values = new(StringComparer.Ordinal);

    /// <summary>A snapshot of the current process environment.</summary>
    public static EnvironmentVariables FromProcess()
    {
        var variables = new EnvironmentVariables();
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string name && entry.Value is string value)
            {
                variables.Fill(name, value, EnvironmentSource.Process);
            }
        }
        return variables;
    }

    /// <summary>Variables given explicitly, as if they were the process environment.</summary>
    public static EnvironmentVariables From(IEnumerable<KeyValuePair<string, string>> process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var variables = new EnvironmentVariables();
        variables.AddLayer(EnvironmentSource.Process, process);
        return variables;
    }

    /// <summary>The value, or null when the variable is unset or empty.</summary>
    public string? Get(string name) => _values.TryGetValue(name, out var entry) ? entry.Value : null;

    /// <summary>Which layer the value came from, or null when unset.</summary>
    public EnvironmentSource? SourceOf(string name) => _values.TryGetValue(name, out var entry) ? entry.Source : null;

    /// <summary>Adds a lower-priority layer: each of its names is taken only when not already set.</summary>
    public void AddLayer(EnvironmentSource source, IEnumerable<KeyValuePair<string, string>> values)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(values);
        foreach (var (name, value) in values)
        {
            Fill(name, value, source);
        }
    }

    private void Fill(string name, string value, EnvironmentSource source)
    {
        if (name.Length == 0 || string.IsNullOrEmpty(value) || _values.ContainsKey(name))
        {
            return;
        }
        _values[name] = (value, source);
    }
}
