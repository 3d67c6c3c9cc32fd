namespace OpenClaw.Core.Json5;

/// <summary>A JSON5 document that cannot be read; <see cref="Exception.Message"/> is <c>file:line:column: reason</c>.</summary>
public sealed class Json5Exception : FormatException
{
    public Json5Exception(string? sourceName, int line, int column, string reason)
        : base($"{sourceName ?? "<input>"}:{line}:{column}: {reason}")
    {
        SourceName = sourceName;
        Line = line;
        Column = column;
        Reason = reason;
    }

    /// <summary>The file (or other source) the text came from, as given to the reader.</summary>
    public string? SourceName { get; }

    /// <summary>1-based line of the offending character.</summary>
    public int Line { get; }

    /// <summary>1-based column (in UTF-16 code units) of the offending character.</summary>
    public int Column { get; }

    /// <summary>The reason alone, without the position.</summary>
    public string Reason { get; }
}
