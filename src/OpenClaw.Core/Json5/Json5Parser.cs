using System.Buffers;
using System.Text;
using System.Text.Json.Nodes;

namespace OpenClaw.Core.Json5;

/// <summary>
/// One pass over JSON5 text. Containers are kept on an explicit stack rather than the call stack,
/// so hostile nesting ends in <see cref="Json5Exception"/> and never in a stack overflow.
/// </summary>
internal sealed class Json5Parser
{
    public const int MaxDepth = 128;

    /// <summary>
    /// Longest excerpt of the input quoted in an error message: enough to recognise a typo, too short to echo a secret pasted
    /// without quotes (<c>apiKey: 5ec1…</c> is an invalid number) — and a megabyte-long bad number never becomes the message.
    /// </summary>
    private const int MaxExcerptLength = 12;

    private readonly string _text;
    private readonly string? _sourceName;
    private readonly StringBuilder _stringBuilder = new();
    private int _position;

    public Json5Parser(string text, string? sourceName)
    {
        _text = text;
        _sourceName = sourceName;
    }

    public JsonNode? ParseDocument()
    {
        SkipTrivia();
        if (AtEnd)
        {
            throw Fail(_position, "empty document");
        }

        var open = new List<OpenContainer>();
        while (true)
        {
            SkipTrivia();
            var value = ReadValueOrOpenContainer(open, out var opened);
            if (opened)
            {
                continue;
            }

            // Place the finished value in its container, and close every container that ends right after it.
            while (true)
            {
                if (open.Count == 0)
                {
                    SkipTrivia();
                    if (!AtEnd)
                    {
                        throw Fail(_position, $"unexpected character {Json5Characters.Describe(_text, _position)} after the end of the document");
                    }

                    return value;
                }

                var top = open[^1];
                var closer = top.Container is JsonObject ? '}' : ']';
                Add(top, value);
                SkipTrivia();
                if (AtEnd)
                {
                    throw Fail(_position, "unexpected end of input");
                }

                var next = _text[_position];
                if (next == ',')
                {
                    _position++;
                    SkipTrivia();
                    if (!AtEnd && _text[_position] == closer)
                    {
                        _position++;
                        value = top.Container;
                        open.RemoveAt(open.Count - 1);
                        continue;
                    }

                    if (top.Container is JsonObject)
                    {
                        open[^1] = top with { Key = ReadMemberKey() };
                    }

                    break;
                }

                if (next == closer)
                {
                    _position++;
                    value = top.Container;
                    open.RemoveAt(open.Count - 1);
                    continue;
                }

                throw Fail(_position, top.Container is JsonObject ? "expected ',' or '}' after object member" : "expected ',' or ']' after array element");
            }
        }
    }

    private bool AtEnd => _position >= _text.Length;

    private static void Add(OpenContainer container, JsonNode? value)
    {
        if (container.Container is JsonObject jsonObject)
        {
            // The indexer replaces an earlier duplicate in place: the last value wins, as in the reference JSON5 reader.
            jsonObject[container.Key!] = value;
        }
        else
        {
            ((JsonArray)container.Container).Add(value);
        }
    }

    /// <summary>Reads a scalar, an empty container, or opens a container (pushing it, with its first key read) and reports <paramref name="opened"/>.</summary>
    private JsonNode? ReadValueOrOpenContainer(List<OpenContainer> open, out bool opened)
    {
        opened = false;
        if (AtEnd)
        {
            throw Fail(_position, "unexpected end of input");
        }

        var c = _text[_position];
        if (c is not ('{' or '['))
        {
            return ReadScalar();
        }

        if (open.Count == MaxDepth)
        {
            throw Fail(_position, $"nesting deeper than {MaxDepth}");
        }

        _position++;
        JsonNode container = c == '{' ? new JsonObject() : new JsonArray();
        SkipTrivia();
        if (!AtEnd && _text[_position] == (c == '{' ? '}' : ']'))
        {
            _position++;
            return container;
        }

        open.Add(new OpenContainer(container, c == '{' ? ReadMemberKey() : null));
        opened = true;
        return null;
    }

    /// <summary>Reads an object key and the colon after it; trivia before the key is already skipped.</summary>
    private string ReadMemberKey()
    {
        if (AtEnd)
        {
            throw Fail(_position, "unexpected end of input");
        }

        var c = _text[_position];
        string key;
        if (c is '"' or '\'')
        {
            key = ReadString();
        }
        else if (c == '\\' || IsIdentifierStartAt(_position))
        {
            key = ReadIdentifierName();
        }
        else
        {
            throw Fail(_position, "expected object key");
        }

        SkipTrivia();
        if (AtEnd)
        {
            throw Fail(_position, "unexpected end of input");
        }

        if (_text[_position] != ':')
        {
            throw Fail(_position, "expected ':' after object key");
        }

        _position++;
        return key;
    }

    private JsonNode? ReadScalar()
    {
        var c = _text[_position];
        if (c is '"' or '\'')
        {
            return JsonValue.Create(ReadString());
        }

        if (c is '+' or '-' or '.' || Json5Characters.IsDecimalDigit(c))
        {
            return ReadNumber();
        }

        if (IsIdentifierStartAt(_position))
        {
            var start = _position;
            var word = ReadWord();
            return word switch
            {
                "true" => JsonValue.Create(true),
                "false" => JsonValue.Create(false),
                "null" => null,
                "Infinity" => JsonValue.Create(double.PositiveInfinity),
                "NaN" => JsonValue.Create(double.NaN),
                _ => throw Fail(start, $"unexpected identifier '{Excerpt(start, word.Length)}'"),
            };
        }

        throw Fail(_position, $"unexpected character {Json5Characters.Describe(_text, _position)}");
    }

    private JsonNode ReadNumber()
    {
        var start = _position;
        var sign = _text[_position];
        if (sign is '+' or '-')
        {
            _position++;
            if (AtEnd)
            {
                throw Fail(_position, "unexpected end of input");
            }
        }

        var first = _text[_position];
        if (IsIdentifierStartAt(_position))
        {
            var word = ReadWord();
            return word switch
            {
                "Infinity" => JsonValue.Create(sign == '-' ? double.NegativeInfinity : double.PositiveInfinity),
                "NaN" => JsonValue.Create(double.NaN),
                _ => throw Fail(start, $"invalid number '{Excerpt(start, _position - start)}'"),
            };
        }

        if (first != '.' && !Json5Characters.IsDecimalDigit(first))
        {
            throw Fail(_position, $"unexpected character {Json5Characters.Describe(_text, _position)}");
        }

        // The token runs over everything that could continue a number, so "01", "1_" or "1.2.3" are reported whole.
        var isHex = first == '0' && _position + 1 < _text.Length && _text[_position + 1] is 'x' or 'X';
        while (!AtEnd)
        {
            var c = _text[_position];
            if (char.IsAsciiLetterOrDigit(c) || c is '_' or '.'
                || (c is '+' or '-' && !isHex && _text[_position - 1] is 'e' or 'E'))
            {
                _position++;
            }
            else
            {
                break;
            }
        }

        var json = Json5NumberText.ToJson(_text.AsSpan(start, _position - start), out var hexTooLarge);
        if (json is null)
        {
            var token = Excerpt(start, _position - start);
            throw Fail(start, hexTooLarge ? $"hex number '{token}' does not fit in 64 bits" : $"invalid number '{token}'");
        }

        // Through JsonElement the number keeps its exact text (big integers, long fractions) and reads like System.Text.Json's own numbers.
        return JsonNode.Parse(json)!;
    }

    /// <summary>A bare word in value position (true, false, null, Infinity, NaN, or a mistake); escapes end it.</summary>
    private string ReadWord()
    {
        var start = _position;
        while (!AtEnd && Rune.DecodeFromUtf16(_text.AsSpan(_position), out var rune, out var length) == OperationStatus.Done
            && Json5Characters.IsIdentifierPart(rune))
        {
            _position += length;
        }

        return _text[start.._position];
    }

    /// <summary>An unquoted key: an ECMAScript IdentifierName, where <c>\uXXXX</c> may stand for any of its characters.</summary>
    private string ReadIdentifierName()
    {
        var start = _position;
        var name = _stringBuilder.Clear();
        while (!AtEnd)
        {
            var isFirst = _position == start;
            if (_text[_position] == '\\')
            {
                var escapeStart = _position;
                var rune = ReadIdentifierEscape(escapeStart);
                var allowed = isFirst ? Json5Characters.IsIdentifierStart(rune) : Json5Characters.IsIdentifierPart(rune);
                if (!allowed)
                {
                    throw Fail(escapeStart, $"invalid escape '{Excerpt(escapeStart, _position - escapeStart)}' in identifier");
                }

                name.Append(rune.ToString());
                continue;
            }

            if (Rune.DecodeFromUtf16(_text.AsSpan(_position), out var literal, out var length) != OperationStatus.Done
                || !(isFirst ? Json5Characters.IsIdentifierStart(literal) : Json5Characters.IsIdentifierPart(literal)))
            {
                break;
            }

            name.Append(_text, _position, length);
            _position += length;
        }

        return name.ToString();
    }

    /// <summary>Reads <c>\uXXXX</c> (or a surrogate pair of them, for letters outside the BMP) in an identifier.</summary>
    private Rune ReadIdentifierEscape(int escapeStart)
    {
        var unit = ReadUnicodeEscapeInIdentifier(escapeStart);
        if (char.IsHighSurrogate(unit) && _position + 1 < _text.Length && _text[_position] == '\\' && _text[_position + 1] == 'u')
        {
            var lowStart = _position;
            var low = ReadUnicodeEscapeInIdentifier(lowStart);
            if (char.IsLowSurrogate(low))
            {
                return new Rune(unit, low);
            }
        }

        if (char.IsSurrogate(unit))
        {
            throw Fail(escapeStart, $"invalid escape '{Excerpt(escapeStart, 6)}' in identifier");
        }

        return new Rune(unit);
    }

    private char ReadUnicodeEscapeInIdentifier(int escapeStart)
    {
        if (escapeStart + 1 >= _text.Length || _text[escapeStart + 1] != 'u' || !TryReadHex(escapeStart + 2, 4, out var unit))
        {
            throw Fail(escapeStart, "invalid escape in identifier (only \\uXXXX is allowed)");
        }

        _position = escapeStart + 6;
        return (char)unit;
    }

    private string ReadString()
    {
        var quote = _text[_position];
        var openingQuote = _position;
        _position++;
        var value = _stringBuilder.Clear();
        // Where the high surrogate waiting for its low half came from, or -1; pairs may be split between escapes and raw text.
        var unpairedHighSurrogate = -1;
        while (true)
        {
            var runStart = _position;
            while (!AtEnd && _text[_position] is var ordinary && ordinary != quote && ordinary != '\\'
                && ordinary is not ('\n' or '\r') && !char.IsSurrogate(ordinary))
            {
                _position++;
            }

            if (_position > runStart)
            {
                CheckNoUnpairedHighSurrogate(value, unpairedHighSurrogate);
                value.Append(_text, runStart, _position - runStart);
            }

            if (AtEnd)
            {
                throw Fail(openingQuote, "unterminated string");
            }

            var c = _text[_position];
            if (c == quote)
            {
                CheckNoUnpairedHighSurrogate(value, unpairedHighSurrogate);
                _position++;
                return value.ToString();
            }

            if (c is '\n' or '\r')
            {
                throw Fail(_position, "line break in string");
            }

            var sourceIndex = _position;
            if (c == '\\')
            {
                if (!TryReadEscape(openingQuote, out c))
                {
                    continue;
                }
            }
            else
            {
                _position++;
            }

            unpairedHighSurrogate = AppendPairingSurrogates(value, c, sourceIndex, unpairedHighSurrogate);
        }
    }

    private int AppendPairingSurrogates(StringBuilder value, char c, int sourceIndex, int unpairedHighSurrogate)
    {
        if (char.IsLowSurrogate(c))
        {
            if (unpairedHighSurrogate < 0)
            {
                throw FailUnpairedSurrogate(sourceIndex, c);
            }

            value.Append(c);
            return -1;
        }

        CheckNoUnpairedHighSurrogate(value, unpairedHighSurrogate);
        value.Append(c);
        return char.IsHighSurrogate(c) ? sourceIndex : -1;
    }

    /// <summary>Throws when the string so far ends in a high surrogate (read at <paramref name="unpairedHighSurrogate"/>) that nothing pairs.</summary>
    private void CheckNoUnpairedHighSurrogate(StringBuilder value, int unpairedHighSurrogate)
    {
        if (unpairedHighSurrogate >= 0)
        {
            throw FailUnpairedSurrogate(unpairedHighSurrogate, value[^1]);
        }
    }

    /// <summary>System.Text.Json cannot hold a string with half a surrogate pair, so it is refused here rather than garbled later.</summary>
    private Json5Exception FailUnpairedSurrogate(int sourceIndex, char surrogate)
        => Fail(sourceIndex, $"unpaired surrogate U+{(int)surrogate:X4}");

    /// <summary>Reads the escape at the backslash; false for a line continuation, which stands for nothing.</summary>
    private bool TryReadEscape(int openingQuote, out char value)
    {
        var backslash = _position;
        if (backslash + 1 >= _text.Length)
        {
            throw Fail(openingQuote, "unterminated string");
        }

        var c = _text[backslash + 1];
        _position = backslash + 2;
        switch (c)
        {
            case '\r':
                if (!AtEnd && _text[_position] == '\n')
                {
                    _position++;
                }

                value = default;
                return false;
            case '\n' or '\u2028' or '\u2029':
                value = default;
                return false;
            case 'b':
                value = '\b';
                return true;
            case 'f':
                value = '\f';
                return true;
            case 'n':
                value = '\n';
                return true;
            case 'r':
                value = '\r';
                return true;
            case 't':
                value = '\t';
                return true;
            case 'v':
                value = '\v';
                return true;
            case '0':
                if (!AtEnd && Json5Characters.IsDecimalDigit(_text[_position]))
                {
                    throw Fail(backslash, "invalid escape \\0 followed by a digit");
                }

                value = '\0';
                return true;
            case >= '1' and <= '9':
                throw Fail(backslash, $"invalid escape \\{c}");
            case 'x':
                if (!TryReadHex(_position, 2, out var byteValue))
                {
                    throw Fail(backslash, "invalid escape \\x (expected two hex digits)");
                }

                _position += 2;
                value = (char)byteValue;
                return true;
            case 'u':
                if (!TryReadHex(_position, 4, out var unit))
                {
                    throw Fail(backslash, "invalid escape \\u (expected four hex digits)");
                }

                _position += 4;
                value = (char)unit;
                return true;
            default:
                // Any other character, quotes and backslash included, stands for itself.
                value = c;
                return true;
        }
    }

    private bool TryReadHex(int start, int count, out int value)
    {
        value = 0;
        if (start + count > _text.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            if (!Json5Characters.IsHexDigit(_text[i]))
            {
                return false;
            }

            value = (value << 4) | Json5Characters.HexValue(_text[i]);
        }

        return true;
    }

    private bool IsIdentifierStartAt(int index)
        => Rune.DecodeFromUtf16(_text.AsSpan(index), out var rune, out _) == OperationStatus.Done && Json5Characters.IsIdentifierStart(rune);

    /// <summary>Skips whitespace and comments.</summary>
    private void SkipTrivia()
    {
        while (!AtEnd)
        {
            var c = _text[_position];
            if (Json5Characters.IsWhiteSpace(c))
            {
                _position++;
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
            {
                _position += 2;
                while (!AtEnd && !Json5Characters.IsLineTerminator(_text[_position]))
                {
                    _position++;
                }
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '*')
            {
                var end = _text.AsSpan(_position + 2).IndexOf("*/", StringComparison.Ordinal);
                if (end < 0)
                {
                    throw Fail(_position, "unterminated comment");
                }

                _position += 2 + end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private string Excerpt(int start, int length)
        => length <= MaxExcerptLength ? _text.Substring(start, length) : string.Concat(_text.AsSpan(start, MaxExcerptLength), "...");

    private Json5Exception Fail(int index, string reason)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            var c = _text[i];
            // CR LF is one line break: the LF counts it.
            if (c == '\r' && i + 1 < _text.Length && _text[i + 1] == '\n')
            {
                continue;
            }

            if (Json5Characters.IsLineTerminator(c))
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new Json5Exception(_sourceName, line, index - lineStart + 1, reason);
    }

    private readonly record struct OpenContainer(JsonNode Container, string? Key);
}
