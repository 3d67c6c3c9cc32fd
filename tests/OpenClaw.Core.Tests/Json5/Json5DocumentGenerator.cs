using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json.Nodes;

namespace OpenClaw.Core.Tests.Json5;

/// <summary>
/// Writes random JSON5 documents together with the value they stand for, choosing at random among the ways JSON5
/// can spell the same value: comments and odd whitespace, quote styles, escapes, unquoted keys, trailing commas,
/// signs, hex, leading or trailing points and digit separators.
/// </summary>
internal sealed class Json5DocumentGenerator(Random random)
{
    private const int MaxDepth = 5;
    private const int MaxContainerCount = 5;

    private static readonly string[] Trivia =
    [
        " ", "  ", "\t", "\n", "\r\n", "\r", "\v", "\f", "\u00A0", "\u2028", "\u2029", "\uFEFF", "\u3000",
        "/* comment */", "/**/", "/* * / ** */", "/* multi\nline\r\n */", "// line comment\n", "// line comment\r\n",
        "//\r", "// ends at U+2028\u2028", "// \"quoted\" 'text' /* not a block\n",
    ];

    private static readonly string[] LineContinuations = ["\\\n", "\\\r\n", "\\\r", "\\\u2028", "\\\u2029"];

    private const string IdentifierStarts = "abcxyzABCXYZ$_πéΩ名ǅʰ";
    private const string IdentifierParts = IdentifierStarts + "0123456789\u0301\u0660\u203F\u200C\u200D";
    private const string StringSpecials = "'\"\\/\u2028\u2029\u00A0é€\uFEFF\u0000\u0007\b\f\n\r\t\v";

    public (string Text, JsonNode? Expected) Generate()
    {
        var text = new StringBuilder();
        WriteTrivia(text);
        // Mostly a container at the top, as in a config file; a lone scalar now and then.
        var expected = random.Next(4) switch
        {
            0 => WriteValue(text, 0),
            1 => WriteArray(text, 1),
            _ => WriteObject(text, 1),
        };
        WriteTrivia(text);
        return (text.ToString(), expected);
    }

    private JsonNode? WriteValue(StringBuilder text, int depth)
    {
        switch (random.Next(depth >= MaxDepth ? 6 : 9))
        {
            case 0:
                text.Append("null");
                return null;
            case 1:
                var flag = random.Next(2) == 0;
                text.Append(flag ? "true" : "false");
                return JsonValue.Create(flag);
            case 2:
                return WriteInteger(text);
            case 3:
                return WriteDecimal(text);
            case 4 or 5:
                var value = RandomString();
                WriteString(text, value);
                return JsonValue.Create(value);
            case 6 or 7:
                return WriteObject(text, depth + 1);
            default:
                return WriteArray(text, depth + 1);
        }
    }

    private JsonArray WriteArray(StringBuilder text, int depth)
    {
        var array = new JsonArray();
        text.Append('[');
        WriteTrivia(text);
        var count = random.Next(MaxContainerCount + 1);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
                WriteTrivia(text);
            }

            array.Add(WriteValue(text, depth));
            WriteTrivia(text);
        }

        WriteTrailingComma(text, count);
        text.Append(']');
        return array;
    }

    private JsonObject WriteObject(StringBuilder text, int depth)
    {
        var jsonObject = new JsonObject();
        text.Append('{');
        WriteTrivia(text);
        var count = random.Next(MaxContainerCount + 1);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
                WriteTrivia(text);
            }

            string key;
            do
            {
                key = random.Next(3) == 0 ? RandomString() : RandomIdentifier();
            }
            while (jsonObject.ContainsKey(key));

            WriteKey(text, key);
            WriteTrivia(text);
            text.Append(':');
            WriteTrivia(text);
            jsonObject[key] = WriteValue(text, depth);
            WriteTrivia(text);
        }

        WriteTrailingComma(text, count);
        text.Append('}');
        return jsonObject;
    }

    private void WriteTrailingComma(StringBuilder text, int count)
    {
        if (count > 0 && random.Next(2) == 0)
        {
            text.Append(',');
            WriteTrivia(text);
        }
    }

    private void WriteKey(StringBuilder text, string key)
    {
        if (!IsIdentifier(key) || random.Next(4) == 0)
        {
            WriteString(text, key);
            return;
        }

        foreach (var c in key)
        {
            if (random.Next(6) == 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                text.Append(c);
            }
        }
    }

    private static bool IsIdentifier(string key)
        => key.Length > 0 && IdentifierStarts.Contains(key[0], StringComparison.Ordinal) && key.All(c => IdentifierParts.Contains(c, StringComparison.Ordinal));

    private string RandomIdentifier()
    {
        var identifier = new StringBuilder();
        identifier.Append(IdentifierStarts[random.Next(IdentifierStarts.Length)]);
        var length = random.Next(8);
        for (var i = 0; i < length; i++)
        {
            identifier.Append(IdentifierParts[random.Next(IdentifierParts.Length)]);
        }

        return identifier.ToString();
    }

    private string RandomString()
    {
        var value = new StringBuilder();
        var length = random.Next(12);
        for (var i = 0; i < length; i++)
        {
            switch (random.Next(8))
            {
                case 0:
                    value.Append(StringSpecials[random.Next(StringSpecials.Length)]);
                    break;
                case 1:
                    value.Append((char)random.Next(0x20));
                    break;
                case 2:
                    value.Append(char.ConvertFromUtf32(random.Next(0x10000, 0x110000)));
                    break;
                case 3:
                    // Any BMP character that is not a surrogate.
                    var c = (char)random.Next(0x80, 0xF800);
                    value.Append(char.IsSurrogate(c) ? 'x' : c);
                    break;
                default:
                    value.Append((char)random.Next(0x20, 0x7F));
                    break;
            }
        }

        return value.ToString();
    }

    private void WriteString(StringBuilder text, string value)
    {
        var quote = random.Next(2) == 0 ? '"' : '\'';
        text.Append(quote);
        for (var i = 0; i < value.Length; i++)
        {
            if (random.Next(10) == 0)
            {
                text.Append(LineContinuations[random.Next(LineContinuations.Length)]);
            }

            var c = value[i];
            if (char.IsHighSurrogate(c))
            {
                if (random.Next(2) == 0)
                {
                    text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}\\u{(int)value[i + 1]:x4}");
                }
                else
                {
                    text.Append(c).Append(value[i + 1]);
                }

                i++;
                continue;
            }

            var nextIsDigit = i + 1 < value.Length && char.IsAsciiDigit(value[i + 1]);
            WriteStringCharacter(text, c, quote, nextIsDigit);
        }

        text.Append(quote);
    }

    private void WriteStringCharacter(StringBuilder text, char c, char quote, bool nextIsDigit)
    {
        var mustEscape = c == quote || c is '\\' or '\n' or '\r';
        var choice = random.Next(6);
        if (choice < 3 && !mustEscape)
        {
            text.Append(c);
            return;
        }

        var shortEscape = c switch
        {
            '\b' => "\\b",
            '\f' => "\\f",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            '\v' => "\\v",
            // "\0" before a digit would read as a legacy octal escape.
            '\0' when !nextIsDigit => "\\0",
            _ => null,
        };
        if (choice == 3 && shortEscape is not null)
        {
            text.Append(shortEscape);
        }
        else if (choice == 4 && c < 0x100)
        {
            text.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}");
        }
        else if (choice == 5 && !"bfnrtvxu0123456789\n\r\u2028\u2029".Contains(c, StringComparison.Ordinal))
        {
            // Any other escaped character stands for itself.
            text.Append('\\').Append(c);
        }
        else
        {
            var hexFormat = random.Next(2) == 0 ? "X4" : "x4";
            text.Append("\\u").Append(((int)c).ToString(hexFormat, CultureInfo.InvariantCulture));
        }
    }

    private JsonNode WriteInteger(StringBuilder text)
    {
        var magnitude = random.Next(4) switch
        {
            0 => new BigInteger(random.Next(10)),
            1 => new BigInteger(random.Next(100_000)),
            2 => new BigInteger(random.NextInt64()) * random.Next(1, 3),
            _ => BigInteger.Parse(RandomDigits(random.Next(20, 40), leadingZeroAllowed: false), CultureInfo.InvariantCulture),
        };
        var negative = random.Next(3) == 0;
        WriteSign(text, negative);
        if (magnitude <= ulong.MaxValue && random.Next(3) == 0)
        {
            text.Append(random.Next(2) == 0 ? "0x" : "0X");
            var hex = new string('0', random.Next(3)) + ((ulong)magnitude).ToString(random.Next(2) == 0 ? "x" : "X", CultureInfo.InvariantCulture);
            WriteWithSeparators(text, hex);
        }
        else
        {
            WriteWithSeparators(text, magnitude.ToString(CultureInfo.InvariantCulture));
        }

        return JsonNode.Parse((negative ? "-" : "") + magnitude.ToString(CultureInfo.InvariantCulture))!;
    }

    private JsonNode WriteDecimal(StringBuilder text)
    {
        var integer = random.Next(3) == 0 ? "0" : RandomDigits(random.Next(1, 20), leadingZeroAllowed: false);
        var fraction = random.Next(4) == 0 ? "" : RandomDigits(random.Next(1, 25), leadingZeroAllowed: true);
        var exponent = random.Next(3) == 0
            ? $"{(random.Next(2) == 0 ? 'e' : 'E')}{new[] { "", "+", "-" }[random.Next(3)]}"
            : null;
        var exponentDigits = RandomDigits(random.Next(1, 4), leadingZeroAllowed: true);
        var negative = random.Next(3) == 0;

        WriteSign(text, negative);
        // "0.5" may be written ".5"; "5" with no fraction may be written "5.".
        if (integer != "0" || fraction.Length == 0 || random.Next(2) == 0)
        {
            WriteWithSeparators(text, integer);
        }

        if (fraction.Length > 0)
        {
            text.Append('.');
            WriteWithSeparators(text, fraction);
        }
        else if (random.Next(2) == 0)
        {
            text.Append('.');
        }

        if (exponent is not null)
        {
            text.Append(exponent);
            WriteWithSeparators(text, exponentDigits);
        }

        var json = (negative ? "-" : "") + integer + (fraction.Length > 0 ? "." + fraction : "") + (exponent is null ? "" : exponent + exponentDigits);
        return JsonNode.Parse(json)!;
    }

    private void WriteSign(StringBuilder text, bool negative)
    {
        if (negative)
        {
            text.Append('-');
        }
        else if (random.Next(4) == 0)
        {
            text.Append('+');
        }
    }

    private void WriteWithSeparators(StringBuilder text, string digits)
    {
        var separate = random.Next(3) == 0;
        for (var i = 0; i < digits.Length; i++)
        {
            if (i > 0 && separate && random.Next(3) == 0)
            {
                text.Append('_');
            }

            text.Append(digits[i]);
        }
    }

    private string RandomDigits(int count, bool leadingZeroAllowed)
    {
        var digits = new char[count];
        for (var i = 0; i < count; i++)
        {
            digits[i] = (char)('0' + (i == 0 && !leadingZeroAllowed ? random.Next(1, 10) : random.Next(10)));
        }

        return new string(digits);
    }

    private void WriteTrivia(StringBuilder text)
    {
        var count = random.Next(4) == 0 ? random.Next(1, 3) : 0;
        for (var i = 0; i < count; i++)
        {
            text.Append(Trivia[random.Next(Trivia.Length)]);
        }
    }
}
