using System.Text;
using OpenClaw.Core.Errors;

namespace OpenClaw.Core.State;

/// <summary>Reads <c>KEY=value</c> files (<c>.env</c>).</summary>
/// <remarks>
/// The syntax is the common dotenv subset: an optional <c>export</c> prefix, <c>#</c> comment lines, values in single quotes
/// (literal), double quotes (with <c>\n</c>, <c>\r</c>, <c>\t</c>, <c>\"</c> and <c>\\</c> escapes) or backticks (literal);
/// quoted values may span lines. An unquoted value ends at a <c>#</c> that follows whitespace (<c>a#b</c> stays whole) and
/// is trimmed. Names must match <c>[A-Za-z_][A-Za-z0-9_]*</c>. Both LF and CRLF line ends are accepted.
/// </remarks>
public static class DotEnvFile
{
    /// <summary>
    /// Parses the text of a <c>.env</c> file; malformed lines (no <c>=</c>, an invalid name, an unterminated quote, text after
    /// a closing quote) are skipped. A name given twice keeps its last value, at the position of its first appearance.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var result = new List<KeyValuePair<string, string>>();
        var indexByName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var lineIndex = 0; lineIndex < lines.Length; lineIndex++)
        {
            if (TryParseAssignment(lines, lineIndex, out var name, out var value, out var lastLineIndex))
            {
                if (indexByName.TryGetValue(name, out var existing))
                {
                    result[existing] = new(name, value);
                }
                else
                {
                    indexByName[name] = result.Count;
                    result.Add(new(name, value));
                }
                lineIndex = lastLineIndex;
            }
        }
        return result;
    }

    /// <summary>
    /// Reads and parses <paramref name="path"/>; a missing file (or a directory of that name) has no variables. A file that
    /// exists but cannot be read throws an <see cref="OpenClawException"/> naming it.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ReadIfExists(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            return [];
        }
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return [];
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new OpenClawException($"Cannot read {path}: {exception.Message}", exception);
        }
    }

    private static bool TryParseAssignment(string[] lines, int lineIndex, out string name, out string value, out int lastLineIndex)
    {
        name = "";
        value = "";
        lastLineIndex = lineIndex;
        var line = lines[lineIndex].TrimStart();
        if (line.Length == 0 || line[0] == '#')
        {
            return false;
        }
        line = WithoutExportPrefix(line);
        var equals = line.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            return false;
        }
        name = line[..equals].TrimEnd();
        if (!IsValidName(name))
        {
            return false;
        }
        var rest = line[(equals + 1)..];
        var trimmedRest = rest.TrimStart();
        if (trimmedRest.Length > 0 && trimmedRest[0] is '"' or '\'' or '`')
        {
            return TryReadQuoted(lines, lineIndex, trimmedRest, out value, out lastLineIndex);
        }
        value = WithoutInlineComment(rest).Trim();
        return true;
    }

    // "export" is a prefix only when a separate word follows; a variable may itself be called "export".
    private static string WithoutExportPrefix(string line)
    {
        const string Export = "export";
        if (line.Length > Export.Length && line.StartsWith(Export, StringComparison.Ordinal) && line[Export.Length] is ' ' or '\t')
        {
            return line[Export.Length..].TrimStart();
        }
        return line;
    }

    // As in a shell, "#" starts a comment only after whitespace: "KEY=a#b" is "a#b", "KEY=a #b" and "KEY= #b" are "a" and "".
    private static string WithoutInlineComment(string value)
    {
        for (var i = 1; i < value.Length; i++)
        {
            if (value[i] == '#' && char.IsWhiteSpace(value[i - 1]))
            {
                return value[..i];
            }
        }
        return value;
    }

    private static bool TryReadQuoted(string[] lines, int lineIndex, string rest, out string value, out int lastLineIndex)
    {
        value = "";
        lastLineIndex = lineIndex;
        var quote = rest[0];
        var body = new StringBuilder(rest[1..]);
        var searchFrom = 0;
        for (var current = lineIndex; ; current++)
        {
            var closing = FindClosingQuote(body, quote, searchFrom);
            if (closing >= 0)
            {
                var tail = body.ToString(closing + 1, body.Length - closing - 1).Trim();
                if (tail.Length > 0 && tail[0] != '#')
                {
                    return false;
                }
                var raw = body.ToString(0, closing);
                value = quote == '"' ? Unescape(raw) : raw;
                lastLineIndex = current;
                return true;
            }
            if (current + 1 >= lines.Length)
            {
                return false;
            }
            // Quoted values may span lines (as in dotenv): keep looking on the next one.
            searchFrom = body.Length;
            body.Append('\n').Append(lines[current + 1]);
        }
    }

    private static int FindClosingQuote(StringBuilder body, char quote, int searchFrom)
    {
        for (var i = searchFrom; i < body.Length; i++)
        {
            if (quote == '"' && body[i] == '\\')
            {
                i++;
            }
            else if (body[i] == quote)
            {
                return i;
            }
        }
        return -1;
    }

    private static string Unescape(string raw)
    {
        var builder = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != '\\' || i + 1 == raw.Length)
            {
                builder.Append(raw[i]);
                continue;
            }
            var next = raw[++i];
            switch (next)
            {
                case 'n':
                    builder.Append('\n');
                    break;
                case 'r':
                    builder.Append('\r');
                    break;
                case 't':
                    builder.Append('\t');
                    break;
                case '"' or '\\':
                    builder.Append(next);
                    break;
                default:
                    // Unknown escapes stay as written, so Windows paths like "C:\data" survive.
                    builder.Append('\\').Append(next);
                    break;
            }
        }
        return builder.ToString();
    }

    private static bool IsValidName(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }
        foreach (var character in name)
        {
            if (!(char.IsAsciiLetterOrDigit(character) || character == '_'))
            {
                return false;
            }
        }
        return true;
    }
}
