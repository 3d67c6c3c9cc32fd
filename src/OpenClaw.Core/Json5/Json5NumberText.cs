using System.Text;

namespace OpenClaw.Core.Json5;

/// <summary>
/// Turns a JSON5 numeric token (decimal or hex, optional sign, <c>_</c> digit separators) into the JSON number text with
/// the same value, so the value can be held by a <see cref="System.Text.Json.JsonElement"/> without rounding.
/// </summary>
internal static class Json5NumberText
{
    /// <summary>The JSON text, or null when <paramref name="token"/> is not a number (then <paramref name="hexTooLarge"/> tells why).</summary>
    /// <remarks>
    /// Hex is limited to 64 bits: a larger hex value has no exact meaning to any consumer of the config,
    /// and turning it into a double (as JavaScript would) would silently change it.
    /// </remarks>
    public static string? ToJson(ReadOnlySpan<char> token, out bool hexTooLarge)
    {
        hexTooLarge = false;
        var index = 0;
        var negative = false;
        if (token.Length > 0 && token[0] is '+' or '-')
        {
            negative = token[0] == '-';
            index = 1;
        }

        var json = new StringBuilder(token.Length + 2);
        if (negative)
        {
            json.Append('-');
        }

        if (index + 1 < token.Length && token[index] == '0' && token[index + 1] is 'x' or 'X')
        {
            index += 2;
            if (!TryReadHex(token, ref index, out var value, out var overflow) || index != token.Length)
            {
                return null;
            }

            hexTooLarge = overflow;
            return overflow ? null : json.Append(value).ToString();
        }

        var integerStart = json.Length;
        var integerDigits = AppendDecimalDigits(token, ref index, json);
        if (integerDigits > 1 && json[integerStart] == '0')
        {
            return null;
        }

        if (integerDigits == 0)
        {
            // ".5": JSON needs the zero before the point.
            json.Append('0');
        }

        var fractionDigits = 0;
        if (index < token.Length && token[index] == '.')
        {
            index++;
            json.Append('.');
            fractionDigits = AppendDecimalDigits(token, ref index, json);
            if (fractionDigits == 0)
            {
                // "5.": JSON allows no point without digits after it.
                json.Length--;
            }
        }

        if (integerDigits == 0 && fractionDigits == 0)
        {
            return null;
        }

        if (index < token.Length && token[index] is 'e' or 'E')
        {
            json.Append(token[index++]);
            if (index < token.Length && token[index] is '+' or '-')
            {
                json.Append(token[index++]);
            }

            if (AppendDecimalDigits(token, ref index, json) == 0)
            {
                return null;
            }
        }

        return index == token.Length ? json.ToString() : null;
    }

    /// <summary>Appends a run of digits, leaving out each <c>_</c> that stands between two digits; returns how many digits.</summary>
    private static int AppendDecimalDigits(ReadOnlySpan<char> token, ref int index, StringBuilder json)
    {
        var digits = 0;
        while (index < token.Length)
        {
            var c = token[index];
            if (Json5Characters.IsDecimalDigit(c))
            {
                json.Append(c);
                digits++;
                index++;
            }
            else if (c == '_' && digits > 0 && index + 1 < token.Length && Json5Characters.IsDecimalDigit(token[index + 1]))
            {
                index++;
            }
            else
            {
                break;
            }
        }

        return digits;
    }

    private static bool TryReadHex(ReadOnlySpan<char> token, ref int index, out ulong value, out bool overflow)
    {
        value = 0;
        overflow = false;
        var digits = 0;
        while (index < token.Length)
        {
            var c = token[index];
            if (Json5Characters.IsHexDigit(c))
            {
                // Keeps scanning after an overflow so that a malformed token is still reported as malformed.
                overflow |= value > ulong.MaxValue >> 4;
                value = (value << 4) | (uint)Json5Characters.HexValue(c);
                digits++;
                index++;
            }
            else if (c == '_' && digits > 0 && index + 1 < token.Length && Json5Characters.IsHexDigit(token[index + 1]))
            {
                index++;
            }
            else
            {
                break;
            }
        }

        return digits > 0;
    }
}
