namespace OpenClaw.Core.State;

/// <summary>Reads <c>KEY=value</c> files (<c>.env</c>).</summary>
public static class DotEnvFile
{
    /// <summary>Parses the lines of a <c>.env</c> file; malformed lines are skipped.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<KeyValuePair<string, string>>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r').Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line[7..].TrimStart();
            }
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }
            var name = line[..equals].Trim();
            var value = line[(equals + 1)..].Trim();
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
            {
                value = value[1..^1];
            }
            result.Add(new(name, value));
        }
        return result;
    }

    /// <summary>Reads and parses <paramref name="path"/>; a missing file has no variables.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ReadIfExists(string path) =>
        File.Exists(path) ? Parse(File.ReadAllText(path)) : [];
}
