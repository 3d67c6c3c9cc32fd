using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace OpenClaw.OpenRouter.Emulator;

/// <summary>One scripted fault with its parameters, written <c>name; key=value; key=value</c>.</summary>
public sealed record FaultDirective(string Name, IReadOnlyDictionary<string, string> Parameters)
{
    /// <summary>Creates a directive without parameters.</summary>
    public FaultDirective(string name) : this(name, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase))
    {
    }

    /// <summary>Parses <c>name; key=value; …</c>.</summary>
    /// <exception cref="FormatException">The name is unknown or a parameter has no <c>=</c>.</exception>
    public static FaultDirective Parse(string text)
    {
        if (!TryParse(text, out var directive, out var error))
        {
            throw new FormatException(error);
        }
        return directive;
    }

    /// <summary>Parses a comma-separated list of directives.</summary>
    public static bool TryParseList(string text, out IReadOnlyList<FaultDirective> directives, [NotNullWhen(false)] out string? error)
    {
        var list = new List<FaultDirective>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TryParse(part, out var directive, out error))
            {
                directives = [];
                return false;
            }
            list.Add(directive);
        }
        directives = list;
        error = null;
        return true;
    }

    /// <summary>Parses <c>name; key=value; …</c>, reporting what is wrong instead of throwing.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out FaultDirective? directive, [NotNullWhen(false)] out string? error)
    {
        directive = null;
        var parts = text.Split(';', StringSplitOptions.TrimEntries);
        var name = parts[0].ToLowerInvariant();
        if (!FaultNames.All.Contains(name))
        {
            error = $"Unknown emulator fault \"{parts[0]}\". Known faults: {string.Join(", ", FaultNames.All)}.";
            return false;
        }
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in parts.Skip(1).Where(p => p.Length > 0))
        {
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                error = $"Fault parameter \"{parameter}\" of \"{name}\" must be written key=value.";
                return false;
            }
            parameters[parameter[..equals].Trim()] = parameter[(equals + 1)..].Trim();
        }
        directive = new FaultDirective(name, parameters);
        error = null;
        return true;
    }

    /// <summary>A parameter as text, or <paramref name="fallback"/>.</summary>
    public string Text(string key, string fallback) => Parameters.TryGetValue(key, out var value) && value.Length > 0 ? value : fallback;

    /// <summary>A parameter as a whole number, or <paramref name="fallback"/> when absent or not a number.</summary>
    public long Number(string key, long fallback)
        => Parameters.TryGetValue(key, out var value) && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : fallback;

    /// <summary>A parameter as a flag (<c>true</c>/<c>false</c>), or <paramref name="fallback"/>.</summary>
    public bool Flag(string key, bool fallback)
        => Parameters.TryGetValue(key, out var value) && bool.TryParse(value, out var flag) ? flag : fallback;

    /// <inheritdoc />
    public override string ToString()
        => Parameters.Count == 0 ? Name : Name + "; " + string.Join("; ", Parameters.Select(p => $"{p.Key}={p.Value}"));
}
