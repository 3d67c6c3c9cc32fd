using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace OpenClaw.Reliability.Tests.Fuzzing;

/// <summary>A JSON5 value as the generator chose it, before it is spelled out.</summary>
internal abstract record J5Value;

internal sealed record J5Null : J5Value;

internal sealed record J5Bool(bool Value) : J5Value;

/// <summary>A number: sign, integer digits ("" for <c>.5</c>), fraction digits, exponent (<c>e+3</c>) or null; or an integer to spell in hex.</summary>
internal sealed record J5Number(bool Negative, string IntegerDigits, string FractionDigits, string? Exponent, bool Hex) : J5Value
{
    /// <summary>The JSON text the reader must turn the number into (its canonical form).</summary>
    public string CanonicalJson =>
        Hex
            ? (Negative ? "-" : "") + IntegerDigits
            : (Negative ? "-" : "") + (IntegerDigits.Length == 0 ? "0" : IntegerDigits) + (FractionDigits.Length > 0 ? "." + FractionDigits : "") + Exponent?.Replace("_", "", StringComparison.Ordinal);
}

internal sealed record J5Special(double Value, string Spelling) : J5Value;

internal sealed record J5String(string Value) : J5Value;

internal sealed record J5Array(IReadOnlyList<J5Value> Items) : J5Value;

internal sealed record J5Object(IReadOnlyList<KeyValuePair<string, J5Value>> Members) : J5Value;

/// <summary>A generated document: its text, the value it must read as, and how it was written (for failure messages).</summary>
internal sealed record Json5Document(string Text, J5Value Value)
{
    public override string ToString() => "JSON5 document: " + FuzzCheck.Show(Text);
}

/// <summary>
/// FsCheck generators of JSON5 documents: a value tree (nested up to 6 levels, duplicate keys now and then) and a style seed
/// that spells it with every liberty JSON5 allows — comments, odd whitespace, unquoted and escaped keys, both quote styles,
/// escapes and line continuations, trailing commas, hex, signs, leading and trailing points, <c>_</c> separators,
/// <c>Infinity</c> and <c>NaN</c>.
/// </summary>
internal static class Json5Documents
{
    private const string IdentifierStarts = "abcxyzABCXYZ$_πéΩ名ǅʰ";
    private const string IdentifierParts = IdentifierStarts + "0123456789\u0301\u0660\u203F\u200C\u200D";

    private static readonly string[] Trivia =
    [
        " ", "  ", "\t", "\n", "\r\n", "\r", "\v", "\f", "\u00A0", "\u2028", "\u2029", "\uFEFF", "\u3000", "\u1680",
        "/* comment */", "/**/", "/* * / ** */", "/* multi\nline\r\n */", "// line comment\n", "// line comment\r\n",
        "//\r", "// ends at U+2028\u2028", "// \"quoted\" 'text' /* not a block\n", "/*/ still a comment */", "/* \u2028 */",
    ];

    private static readonly string[] LineContinuations = ["\\\n", "\\\r\n", "\\\r", "\\\u2028", "\\\u2029"];

    // Runes a string is made of: ASCII, the characters escapes and quoting care about, and non-BMP ones (surrogate pairs).
    private static readonly Gen<string> Rune = Gen.Frequency(
        (6, Gen.Choose(0x20, 0x7E).Select(code => ((char)code).ToString())),
        (3, Gen.Elements("'", "\"", "\\", "/", "\n", "\r", "\t", "\b", "\f", "\v", "\0", "\u0007", "\u2028", "\u2029", "\u00A0", "\uFEFF", "é", "€", "名", "\u0301")),
        (1, Gen.Choose(0xA0, 0xD7FF).Select(code => ((char)code).ToString())),
        (1, Gen.Elements("😀", "𝄞", "𠜎", "\U0010FFFF")));

    private static readonly Gen<string> Text = Gen.Sized(size => Gen.Choose(0, Math.Max(1, size / 4)).SelectMany(length => Gen.ArrayOf(Rune, length)).Select(string.Concat));

    private static readonly Gen<string> IdentifierKey =
        from first in Gen.Elements(IdentifierStarts.ToCharArray())
        from length in Gen.Choose(0, 8)
        from rest in Gen.ArrayOf(Gen.Elements(IdentifierParts.ToCharArray()), length)
        select first + new string(rest);

    private static readonly Gen<string> Key = Gen.Frequency(
        (5, IdentifierKey),
        (2, Text),
        (1, Gen.Elements("", "true", "null", "Infinity", "NaN", "constructor", "__proto__", "0", "a b", "$ref")));

    private static readonly Gen<string> Digits =
        from length in Gen.Choose(1, 24)
        from digits in Gen.ArrayOf(Gen.Elements("0123456789".ToCharArray()), length)
        select new string(digits);

    private static readonly Gen<string> IntegerDigits = Gen.Frequency(
        (1, Gen.Constant("0")),
        (4, Gen.Choose(1, 9).SelectMany(first => Digits.Select(rest => first.ToString(CultureInfo.InvariantCulture) + rest[..Math.Min(rest.Length, 18)]))),
        (1, Gen.Choose(1, 9).Select(digit => digit.ToString(CultureInfo.InvariantCulture))));

    private static readonly Gen<J5Value> Number = Gen.Frequency(
        // Integers, also as hex (64 bits at most).
        (3, from value in Gen.Choose(int.MinValue, int.MaxValue)
            from scale in Gen.Elements(1L, 1L, 1000L, 4_294_967_296L)
            from hex in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
            let big = (BigInteger)value * scale
            select (J5Value)new J5Number(big.Sign < 0, BigInteger.Abs(big).ToString(CultureInfo.InvariantCulture), "", null, hex)),
        (1, Gen.Elements(ulong.MaxValue, (ulong)long.MaxValue, 0xFFFF_FFFFUL, 0UL).Select(value => (J5Value)new J5Number(false, value.ToString(CultureInfo.InvariantCulture), "", null, true))),
        // Decimals with any mix of point, fraction and exponent; digits too long for a double keep their exact text.
        (4, from negative in Gen.Elements(false, true)
            from integer in Gen.Frequency((4, IntegerDigits), (1, Gen.Constant("")))
            from fraction in Gen.Frequency((2, Digits), (1, Gen.Constant("")))
            from exponent in Gen.Frequency(
                (3, Gen.Constant<string?>(null)),
                (1, from e in Gen.Elements("e", "E")
                    from sign in Gen.Elements("", "+", "-")
                    from digits in Gen.Choose(0, 400)
                    select (string?)(e + sign + digits.ToString(CultureInfo.InvariantCulture))))
            where integer.Length > 0 || fraction.Length > 0
            select (J5Value)new J5Number(negative, integer, fraction, exponent, false)),
        (1, Gen.Elements(
            (J5Value)new J5Special(double.PositiveInfinity, "Infinity"), new J5Special(double.PositiveInfinity, "+Infinity"),
            new J5Special(double.NegativeInfinity, "-Infinity"), new J5Special(double.NaN, "NaN"), new J5Special(double.NaN, "-NaN"),
            new J5Special(double.NaN, "+NaN"))));

    private static readonly Gen<J5Value> Scalar = Gen.Frequency(
        (1, Gen.Constant<J5Value>(new J5Null())),
        (1, Gen.Elements(true, false).Select(flag => (J5Value)new J5Bool(flag))),
        (4, Number),
        (4, Text.Select(text => (J5Value)new J5String(text))));

    /// <summary>A value tree: mostly an object at the top, as in a config file.</summary>
    public static Gen<J5Value> Value { get; } = Gen.Sized(size => Gen.Frequency(
        (1, Scalar), (1, ArrayOf(1, size)), (3, ObjectOf(1, size))));

    /// <summary>A document and the value it stands for.</summary>
    public static Gen<Json5Document> Document { get; } =
        from value in Value
        from style in Gen.Choose(0, int.MaxValue)
        select new Json5Document(Write(value, new Random(style)), value);

    private static Gen<J5Value> Any(int depth, int size) => depth >= 6 || size <= 2
        ? Scalar
        : Gen.Frequency((5, Scalar), (1, ArrayOf(depth + 1, size / 2)), (1, ObjectOf(depth + 1, size / 2)));

    private static Gen<J5Value> ArrayOf(int depth, int size) =>
        from count in Gen.Choose(0, Math.Clamp(size / 8, 1, 8))
        from items in Gen.ArrayOf(Any(depth, size), count)
        select (J5Value)new J5Array(items);

    private static Gen<J5Value> ObjectOf(int depth, int size) =>
        from count in Gen.Choose(0, Math.Clamp(size / 8, 1, 8))
        from keys in Gen.ArrayOf(Key, count)
        from values in Gen.ArrayOf(Any(depth, size), count)
        from duplicate in Gen.Frequency((6, Gen.Constant(-1)), (1, Gen.Choose(0, Math.Max(0, count - 1))))
        select (J5Value)new J5Object(Members(keys, values, duplicate));

    // Now and then a key is given a second time, later: the reader keeps its first position and its last value.
    private static KeyValuePair<string, J5Value>[] Members(string[] keys, J5Value[] values, int duplicate)
    {
        var members = keys.Select((key, i) => KeyValuePair.Create(key, values[i])).ToList();
        if (duplicate >= 0 && duplicate < members.Count)
        {
            members.Add(KeyValuePair.Create(keys[duplicate], (J5Value)new J5Bool(true)));
        }
        return [.. members];
    }

    /// <summary>Spells <paramref name="value"/> as a JSON5 document, every liberty chosen by <paramref name="random"/>.</summary>
    public static string Write(J5Value value, Random random)
    {
        var text = new StringBuilder();
        WriteTrivia(text, random);
        WriteValue(text, value, random);
        WriteTrivia(text, random);
        return text.ToString();
    }

    /// <summary>Null when <paramref name="actual"/> is exactly what <paramref name="expected"/> stands for, else where it differs.</summary>
    public static string? Difference(J5Value expected, JsonNode? actual, string path = "$")
    {
        switch (expected)
        {
            case J5Null:
                return actual is null ? null : $"{path}: expected null, read {actual.ToJsonString()}";
            case J5Bool flag:
                return actual is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False && b.GetValue<bool>() == flag.Value
                    ? null : $"{path}: expected {flag.Value}, read {Describe(actual)}";
            case J5Special special:
                return actual is JsonValue d && d.TryGetValue(out double special2) && special2.Equals(special.Value)
                    ? null : $"{path}: expected {special.Spelling}, read {Describe(actual)}";
            case J5Number number:
                return actual is JsonValue n && n.TryGetValue(out JsonElement element) && element.ValueKind == JsonValueKind.Number
                    && element.GetRawText() == number.CanonicalJson
                    ? null : $"{path}: expected number {number.CanonicalJson}, read {Describe(actual)}";
            case J5String text:
                return actual is JsonValue s && s.GetValueKind() == JsonValueKind.String && s.GetValue<string>() == text.Value
                    ? null : $"{path}: expected string \"{FuzzCheck.Show(text.Value)}\", read {Describe(actual)}";
            case J5Array array:
                if (actual is not JsonArray items || items.Count != array.Items.Count)
                {
                    return $"{path}: expected an array of {array.Items.Count}, read {Describe(actual)}";
                }
                for (var i = 0; i < items.Count; i++)
                {
                    if (Difference(array.Items[i], items[i], $"{path}[{i}]") is { } difference)
                    {
                        return difference;
                    }
                }
                return null;
            case J5Object obj:
                // First position, last value.
                var members = new List<KeyValuePair<string, J5Value>>();
                foreach (var member in obj.Members)
                {
                    var at = members.FindIndex(existing => existing.Key == member.Key);
                    if (at >= 0)
                    {
                        members[at] = member;
                    }
                    else
                    {
                        members.Add(member);
                    }
                }
                if (actual is not JsonObject read || read.Count != members.Count)
                {
                    return $"{path}: expected an object of {members.Count}, read {Describe(actual)}";
                }
                var index = 0;
                foreach (var (key, node) in read)
                {
                    if (key != members[index].Key)
                    {
                        return $"{path}: member {index} is \"{FuzzCheck.Show(key)}\", expected \"{FuzzCheck.Show(members[index].Key)}\"";
                    }
                    if (Difference(members[index].Value, node, $"{path}.{FuzzCheck.Show(key)}") is { } difference)
                    {
                        return difference;
                    }
                    index++;
                }
                return null;
            default:
                throw new InvalidOperationException(expected.GetType().Name);
        }
    }

    private static string Describe(JsonNode? node)
    {
        if (node is null)
        {
            return "null";
        }
        if (node is JsonValue value && value.TryGetValue(out double number) && !double.IsFinite(number))
        {
            return number.ToString(CultureInfo.InvariantCulture);
        }
        return FuzzCheck.Show(node.ToJsonString());
    }

    private static void WriteValue(StringBuilder text, J5Value value, Random random)
    {
        switch (value)
        {
            case J5Null:
                text.Append("null");
                break;
            case J5Bool flag:
                text.Append(flag.Value ? "true" : "false");
                break;
            case J5Special special:
                text.Append(special.Spelling);
                break;
            case J5Number number:
                WriteNumber(text, number, random);
                break;
            case J5String s:
                WriteString(text, s.Value, random);
                break;
            case J5Array array:
                text.Append('[');
                for (var i = 0; i < array.Items.Count; i++)
                {
                    WriteTrivia(text, random);
                    WriteValue(text, array.Items[i], random);
                    WriteTrivia(text, random);
                    if (i < array.Items.Count - 1 || random.Next(2) == 0)
                    {
                        text.Append(',');
                    }
                }
                WriteTrivia(text, random);
                text.Append(']');
                break;
            case J5Object obj:
                text.Append('{');
                for (var i = 0; i < obj.Members.Count; i++)
                {
                    WriteTrivia(text, random);
                    WriteKey(text, obj.Members[i].Key, random);
                    WriteTrivia(text, random);
                    text.Append(':');
                    WriteTrivia(text, random);
                    WriteValue(text, obj.Members[i].Value, random);
                    WriteTrivia(text, random);
                    if (i < obj.Members.Count - 1 || random.Next(2) == 0)
                    {
                        text.Append(',');
                    }
                }
                WriteTrivia(text, random);
                text.Append('}');
                break;
        }
    }

    private static void WriteTrivia(StringBuilder text, Random random)
    {
        var count = random.Next(4) == 0 ? random.Next(1, 4) : 0;
        for (var i = 0; i < count; i++)
        {
            text.Append(Trivia[random.Next(Trivia.Length)]);
        }
    }

    private static void WriteNumber(StringBuilder text, J5Number number, Random random)
    {
        if (number.Negative)
        {
            text.Append('-');
        }
        else if (random.Next(5) == 0)
        {
            text.Append('+');
        }
        if (number.Hex)
        {
            var hex = BigInteger.Parse(number.IntegerDigits, CultureInfo.InvariantCulture).ToString("X", CultureInfo.InvariantCulture).TrimStart('0');
            hex = hex.Length == 0 ? "0" : hex;
            if (random.Next(2) == 0)
            {
                hex = hex.ToLowerInvariant();
            }
            text.Append(random.Next(2) == 0 ? "0x" : "0X");
            if (random.Next(3) == 0)
            {
                // Leading zeros are fine in hex.
                text.Append('0', random.Next(1, 4));
            }
            AppendDigits(text, hex, random);
            return;
        }
        if (number.IntegerDigits.Length > 0 && !(number.IntegerDigits == "0" && number.FractionDigits.Length > 0 && random.Next(3) == 0))
        {
            AppendDigits(text, number.IntegerDigits, random);
        }
        if (number.FractionDigits.Length > 0)
        {
            text.Append('.');
            AppendDigits(text, number.FractionDigits, random);
        }
        else if (number.IntegerDigits.Length > 0 && random.Next(4) == 0)
        {
            text.Append('.');
        }
        if (number.Exponent is { } exponent)
        {
            var digitsAt = exponent.IndexOfAny("0123456789".ToCharArray());
            text.Append(exponent, 0, digitsAt);
            AppendDigits(text, exponent[digitsAt..], random);
        }
    }

    /// <summary>Digits with now and then a <c>_</c> between two of them.</summary>
    private static void AppendDigits(StringBuilder text, string digits, Random random)
    {
        var separators = random.Next(4) == 0;
        for (var i = 0; i < digits.Length; i++)
        {
            if (separators && i > 0 && random.Next(3) == 0)
            {
                text.Append('_');
            }
            text.Append(digits[i]);
        }
    }

    private static void WriteKey(StringBuilder text, string key, Random random)
    {
        var unquoted = key.Length > 0 && IdentifierStarts.Contains(key[0], StringComparison.Ordinal) && key.All(c => IdentifierParts.Contains(c, StringComparison.Ordinal));
        if (unquoted && random.Next(4) != 0)
        {
            foreach (var c in key)
            {
                // Any character of an identifier may be a \uXXXX escape.
                if (random.Next(6) == 0)
                {
                    text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
                }
                else
                {
                    text.Append(c);
                }
            }
            return;
        }
        WriteString(text, key, random);
    }

    private static void WriteString(StringBuilder text, string value, Random random)
    {
        var quote = random.Next(2) == 0 ? '"' : '\'';
        text.Append(quote);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (random.Next(12) == 0)
            {
                text.Append(LineContinuations[random.Next(LineContinuations.Length)]);
            }
            if (char.IsHighSurrogate(c) && i + 1 < value.Length)
            {
                // A pair: raw, both halves escaped, or one of each.
                var low = value[++i];
                switch (random.Next(4))
                {
                    case 0:
                        text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}\\u{(int)low:x4}");
                        break;
                    case 1:
                        text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}").Append(low);
                        break;
                    case 2:
                        text.Append(c).Append(CultureInfo.InvariantCulture, $"\\u{(int)low:X4}");
                        break;
                    default:
                        text.Append(c).Append(low);
                        break;
                }
                continue;
            }
            var next = i + 1 < value.Length ? value[i + 1] : '\0';
            var mustEscape = c == quote || c is '\\' or '\n' or '\r';
            switch (mustEscape ? random.Next(1, 4) : random.Next(10))
            {
                case 1:
                    text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
                    break;
                case 2 when c < 0x100:
                    text.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
                    break;
                case 3 when SingleCharacterEscape(c, next) is { } escape:
                    text.Append(escape);
                    break;
                case 3 or 4 when !"bfnrtv0123456789xu\r\n\u2028\u2029".Contains(c, StringComparison.Ordinal) && !char.IsSurrogate(c):
                    // Any other character escaped stands for itself ("\q" is "q", "\'" is "'").
                    text.Append('\\').Append(c);
                    break;
                default:
                    if (mustEscape)
                    {
                        text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
                    }
                    else
                    {
                        text.Append(c);
                    }
                    break;
            }
        }
        text.Append(quote);
    }

    private static string? SingleCharacterEscape(char c, char next) => c switch
    {
        '\b' => "\\b",
        '\f' => "\\f",
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        '\v' => "\\v",
        // \0 followed by a digit is an error in JSON5, so only before a non-digit.
        '\0' when next is < '0' or > '9' => "\\0",
        _ => null,
    };
}
