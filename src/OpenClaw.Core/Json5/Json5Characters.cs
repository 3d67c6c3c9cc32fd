using System.Buffers;
using System.Globalization;
using System.Text;

namespace OpenClaw.Core.Json5;

/// <summary>The JSON5 (ECMAScript 5.1) character classes, and how a character is shown in an error message.</summary>
internal static class Json5Characters
{
    public static bool IsWhiteSpace(char c) => c switch
    {
        ' ' or '\t' or '\n' or '\v' or '\f' or '\r' => true,
        // Below U+0080 nothing else is whitespace; the category lookup is only for the rare non-ASCII case.
        < '\u0080' => false,
        '\u00A0' or '\u2028' or '\u2029' or '\uFEFF' => true,
        _ => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator,
    };

    /// <summary>ECMAScript LineTerminator: ends a line comment, is refused raw in a string, and counts as a new line in error positions.</summary>
    public static bool IsLineTerminator(char c) => c is '\n' or '\r' or '\u2028' or '\u2029';

    public static bool IsDecimalDigit(char c) => c is >= '0' and <= '9';

    public static bool IsHexDigit(char c) => char.IsAsciiHexDigit(c);

    public static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => c - 'A' + 10,
    };

    /// <summary>IdentifierStart without the <c>\</c> escape: UnicodeLetter, <c>$</c> or <c>_</c>.</summary>
    public static bool IsIdentifierStart(Rune rune)
    {
        if (rune.IsAscii)
        {
            return char.IsAsciiLetter((char)rune.Value) || rune.Value is '$' or '_';
        }

        return Rune.GetUnicodeCategory(rune) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.LetterNumber;
    }

    /// <summary>IdentifierPart without the <c>\</c> escape.</summary>
    public static bool IsIdentifierPart(Rune rune)
    {
        if (rune.IsAscii)
        {
            return char.IsAsciiLetterOrDigit((char)rune.Value) || rune.Value is '$' or '_';
        }

        // U+200C and U+200D (ZWNJ, ZWJ) are named by the ECMAScript grammar; they are format characters otherwise.
        return IsIdentifierStart(rune)
            || rune.Value is 0x200C or 0x200D
            || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation;
    }

    /// <summary>
    /// The character at <paramref name="index"/> as an error message shows it: quoted when it prints,
    /// as <c>U+XXXX</c> when it would be invisible or confusing (controls, spaces, line separators, lone surrogates).
    /// </summary>
    public static string Describe(string text, int index)
    {
        if (Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out _) != OperationStatus.Done)
        {
            return $"U+{(int)text[index]:X4}";
        }

        var printable = rune.Value != ' ' && Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
            or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);
        return printable ? $"'{rune}'" : $"U+{rune.Value:X4}";
    }
}
