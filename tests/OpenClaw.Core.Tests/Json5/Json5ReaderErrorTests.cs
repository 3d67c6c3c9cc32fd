using OpenClaw.Core.Json5;

namespace OpenClaw.Core.Tests.Json5;

public sealed class Json5ReaderErrorTests
{
    [Theory]
    // The document as a whole.
    [InlineData("", 1, 1, "empty document")]
    [InlineData("  \n  ", 2, 3, "empty document")]
    [InlineData("// only a comment", 1, 18, "empty document")]
    [InlineData("/* only a comment */", 1, 21, "empty document")]
    [InlineData("1 2", 1, 3, "unexpected character '2' after the end of the document")]
    [InlineData("{} x", 1, 4, "unexpected character 'x' after the end of the document")]
    [InlineData("{}}", 1, 3, "unexpected character '}' after the end of the document")]
    [InlineData("[1],", 1, 4, "unexpected character ',' after the end of the document")]
    [InlineData("1 /", 1, 3, "unexpected character '/' after the end of the document")]
    [InlineData("null\n// fine\n\u0000", 3, 1, "unexpected character U+0000 after the end of the document")]
    // Comments.
    [InlineData("/* never closed", 1, 1, "unterminated comment")]
    [InlineData("{\n  a: 1, /* never closed *", 2, 9, "unterminated comment")]
    [InlineData("/", 1, 1, "unexpected character '/'")]
    [InlineData("[1, / 2]", 1, 5, "unexpected character '/'")]
    // Structure.
    [InlineData("}", 1, 1, "unexpected character '}'")]
    [InlineData("]", 1, 1, "unexpected character ']'")]
    [InlineData(":", 1, 1, "unexpected character ':'")]
    [InlineData("[,]", 1, 2, "unexpected character ','")]
    [InlineData("[1,,]", 1, 4, "unexpected character ','")]
    [InlineData("[1,}", 1, 4, "unexpected character '}'")]
    [InlineData("{a:}", 1, 4, "unexpected character '}'")]
    [InlineData("{a:,}", 1, 4, "unexpected character ','")]
    [InlineData("[1 2]", 1, 4, "expected ',' or ']' after array element")]
    [InlineData("[1}", 1, 3, "expected ',' or ']' after array element")]
    [InlineData("{a: 1 b: 2}", 1, 7, "expected ',' or '}' after object member")]
    [InlineData("{a: 1]", 1, 6, "expected ',' or '}' after object member")]
    [InlineData("{a 1}", 1, 4, "expected ':' after object key")]
    [InlineData("{a = 1}", 1, 4, "expected ':' after object key")]
    [InlineData("{a-b: 1}", 1, 3, "expected ':' after object key")]
    [InlineData("{1: 2}", 1, 2, "expected object key")]
    [InlineData("{,}", 1, 2, "expected object key")]
    [InlineData("{a: 1,,}", 1, 7, "expected object key")]
    [InlineData("{]", 1, 2, "expected object key")]
    [InlineData("{-a: 1}", 1, 2, "expected object key")]
    [InlineData("{\u2028a: 1, \u00A0\u0007: 2}", 2, 8, "expected object key")]
    // End of input.
    [InlineData("[", 1, 2, "unexpected end of input")]
    [InlineData("[1", 1, 3, "unexpected end of input")]
    [InlineData("[1,", 1, 4, "unexpected end of input")]
    [InlineData("{", 1, 2, "unexpected end of input")]
    [InlineData("{a", 1, 3, "unexpected end of input")]
    [InlineData("{'a'", 1, 5, "unexpected end of input")]
    [InlineData("{a:", 1, 4, "unexpected end of input")]
    [InlineData("{a: 1", 1, 6, "unexpected end of input")]
    [InlineData("{a: 1,", 1, 7, "unexpected end of input")]
    [InlineData("{a: 1, // comment", 1, 18, "unexpected end of input")]
    [InlineData("-", 1, 2, "unexpected end of input")]
    [InlineData("[+", 1, 3, "unexpected end of input")]
    // Unexpected characters, shown readably.
    [InlineData("@", 1, 1, "unexpected character '@'")]
    [InlineData("[\\u0031]", 1, 2, "unexpected character '\\'")]
    [InlineData("\u0007", 1, 1, "unexpected character U+0007")]
    [InlineData("[\u00AD]", 1, 2, "unexpected character U+00AD")]
    [InlineData("[\u200B]", 1, 2, "unexpected character U+200B")]
    [InlineData("[😀]", 1, 2, "unexpected character '😀'")]
    [InlineData("[#1]", 1, 2, "unexpected character '#'")]
    [InlineData("- 1", 1, 2, "unexpected character U+0020")]
    [InlineData("-[1]", 1, 2, "unexpected character '['")]
    [InlineData("[-'1']", 1, 3, "unexpected character '''")]
    // Bare words.
    [InlineData("tru", 1, 1, "unexpected identifier 'tru'")]
    [InlineData("True", 1, 1, "unexpected identifier 'True'")]
    [InlineData("nulls", 1, 1, "unexpected identifier 'nulls'")]
    [InlineData("undefined", 1, 1, "unexpected identifier 'undefined'")]
    [InlineData("infinity", 1, 1, "unexpected identifier 'infinity'")]
    [InlineData("_1", 1, 1, "unexpected identifier '_1'")]
    [InlineData("{mode: auto}", 1, 8, "unexpected identifier 'auto'")]
    [InlineData("[abcdefghijabcdefghijabcdefghijabcdefghijabcdefghij]", 1, 2, "unexpected identifier 'abcdefghijab...'")]
    // Strings.
    [InlineData("\"never closed", 1, 1, "unterminated string")]
    [InlineData("{a: 'never closed}", 1, 5, "unterminated string")]
    [InlineData("'ends in a backslash\\", 1, 1, "unterminated string")]
    [InlineData("'mixed quotes\"", 1, 1, "unterminated string")]
    [InlineData("\"a\nb\"", 1, 3, "line break in string")]
    [InlineData("{\n  a: 'x\r\n'}", 2, 8, "line break in string")]
    [InlineData("'\r'", 1, 2, "line break in string")]
    [InlineData("'\\1'", 1, 2, "invalid escape \\1")]
    [InlineData("'ab\\9'", 1, 4, "invalid escape \\9")]
    [InlineData("'\\01'", 1, 2, "invalid escape \\0 followed by a digit")]
    [InlineData("'\\x4'", 1, 2, "invalid escape \\x (expected two hex digits)")]
    [InlineData("'\\xG0'", 1, 2, "invalid escape \\x (expected two hex digits)")]
    [InlineData("'\\x", 1, 2, "invalid escape \\x (expected two hex digits)")]
    [InlineData("'\\u12'", 1, 2, "invalid escape \\u (expected four hex digits)")]
    [InlineData("'\\u{41}'", 1, 2, "invalid escape \\u (expected four hex digits)")]
    [InlineData("'\\uD800'", 1, 2, "unpaired surrogate U+D800")]
    [InlineData("'\\uDC00'", 1, 2, "unpaired surrogate U+DC00")]
    [InlineData("'x\\uD800a'", 1, 3, "unpaired surrogate U+D800")]
    [InlineData("'\\uD800\\uD800\\uDC00'", 1, 2, "unpaired surrogate U+D800")]
    [InlineData("'\\uD800\\n'", 1, 2, "unpaired surrogate U+D800")]
    // Unquoted keys.
    [InlineData("{a\\u0020b: 1}", 1, 3, "invalid escape '\\u0020' in identifier")]
    [InlineData("{\\u0031: 1}", 1, 2, "invalid escape '\\u0031' in identifier")]
    [InlineData("{\\uD835: 1}", 1, 2, "invalid escape '\\uD835' in identifier")]
    [InlineData("{\\x41: 1}", 1, 2, "invalid escape in identifier (only \\uXXXX is allowed)")]
    [InlineData("{a\\u00: 1}", 1, 3, "invalid escape in identifier (only \\uXXXX is allowed)")]
    [InlineData("{\\", 1, 2, "invalid escape in identifier (only \\uXXXX is allowed)")]
    // Numbers.
    [InlineData("01", 1, 1, "invalid number '01'")]
    [InlineData("[-01]", 1, 2, "invalid number '-01'")]
    [InlineData("00.5", 1, 1, "invalid number '00.5'")]
    [InlineData("0_1", 1, 1, "invalid number '0_1'")]
    [InlineData("1_", 1, 1, "invalid number '1_'")]
    [InlineData("1__0", 1, 1, "invalid number '1__0'")]
    [InlineData("1_.5", 1, 1, "invalid number '1_.5'")]
    [InlineData("1._5", 1, 1, "invalid number '1._5'")]
    [InlineData("1.5_", 1, 1, "invalid number '1.5_'")]
    [InlineData("1e_5", 1, 1, "invalid number '1e_5'")]
    [InlineData("1_e5", 1, 1, "invalid number '1_e5'")]
    [InlineData("0x", 1, 1, "invalid number '0x'")]
    [InlineData("0xG", 1, 1, "invalid number '0xG'")]
    [InlineData("0x_1", 1, 1, "invalid number '0x_1'")]
    [InlineData("0x1_", 1, 1, "invalid number '0x1_'")]
    [InlineData("0x1.5", 1, 1, "invalid number '0x1.5'")]
    [InlineData("1e", 1, 1, "invalid number '1e'")]
    [InlineData("1e+", 1, 1, "invalid number '1e+'")]
    [InlineData("1e5.5", 1, 1, "invalid number '1e5.5'")]
    [InlineData("1.2.3", 1, 1, "invalid number '1.2.3'")]
    [InlineData(".", 1, 1, "invalid number '.'")]
    [InlineData("-.", 1, 1, "invalid number '-.'")]
    [InlineData(".e1", 1, 1, "invalid number '.e1'")]
    [InlineData("1a", 1, 1, "invalid number '1a'")]
    [InlineData("[1, 2x]", 1, 5, "invalid number '2x'")]
    [InlineData("-x", 1, 1, "invalid number '-x'")]
    [InlineData("+true", 1, 1, "invalid number '+true'")]
    [InlineData("-Infinityx", 1, 1, "invalid number '-Infinityx'")]
    [InlineData("-infinity", 1, 1, "invalid number '-infinity'")]
    [InlineData("--1", 1, 2, "unexpected character '-'")]
    [InlineData("0x10000000000000000", 1, 1, "hex number '0x1000000000...' does not fit in 64 bits")]
    [InlineData("{n: -0x1_0000_0000_0000_0000}", 1, 5, "hex number '-0x1_0000_00...' does not fit in 64 bits")]
    [InlineData("1234567890123456789012345678901234567890x", 1, 1, "invalid number '123456789012...'")]
    // Lines and columns: LF, CRLF, CR, U+2028 and U+2029 end a line; a tab is one column.
    [InlineData("{\n  a: 1,\n  b: ?\n}", 3, 6, "unexpected character '?'")]
    [InlineData("{\r\n  a: 1,\r\n  b: ?\r\n}", 3, 6, "unexpected character '?'")]
    [InlineData("[\r1,\r?]", 3, 1, "unexpected character '?'")]
    [InlineData("\u2028[\u20291,\r\n\n?]", 5, 1, "unexpected character '?'")]
    [InlineData("[\t\t?]", 1, 4, "unexpected character '?'")]
    [InlineData("/* a\nb\nc */ [// d\n ?]", 4, 2, "unexpected character '?'")]
    [InlineData("['\\\n', ?]", 2, 4, "unexpected character '?'")]
    [InlineData("['😀', ?]", 1, 8, "unexpected character '?'")]
    public void Rejects_with_position_and_reason(string json5, int line, int column, string reason)
    {
        var exception = Assert.Throws<Json5Exception>(() => Json5Reader.Parse(json5));

        Assert.Equal((line, column, reason), (exception.Line, exception.Column, exception.Reason));
        Assert.Null(exception.SourceName);
        Assert.Equal($"<input>:{line}:{column}: {reason}", exception.Message);
    }

    [Fact]
    public void Rejects_unpaired_surrogates_in_the_text_itself()
    {
        // Not as InlineData: attribute strings are stored as UTF-8, which cannot carry half a pair.
        (string Json5, int Column, string Reason)[] cases =
        [
            ("[\uDE00]", 2, "unexpected character U+DE00"),
            ("[\uD800]", 2, "unexpected character U+D800"),
            ("'a\uD800'", 3, "unpaired surrogate U+D800"),
            ("'a\uDC00b'", 3, "unpaired surrogate U+DC00"),
            ("'a\uD800\\n'", 3, "unpaired surrogate U+D800"),
            ("'\uD800\uD800\uDC00'", 2, "unpaired surrogate U+D800"),
            ("'\\uDE00\uDE00'", 2, "unpaired surrogate U+DE00"),
            ("{\uD835: 1}", 2, "expected object key"),
            ("{a\uD835: 1}", 3, "expected ':' after object key"),
        ];

        foreach (var (json5, column, reason) in cases)
        {
            var exception = Assert.Throws<Json5Exception>(() => Json5Reader.Parse(json5));

            Assert.Equal((1, column, reason), (exception.Line, exception.Column, exception.Reason));
        }
    }

    [Fact]
    public void Nesting_beyond_the_limit_is_refused_at_the_bracket_that_goes_too_deep()
    {
        var text = new string('[', Json5Reader.MaxDepth + 1) + new string(']', Json5Reader.MaxDepth + 1);

        var exception = Assert.Throws<Json5Exception>(() => Json5Reader.Parse(text));

        Assert.Equal((1, 129, "nesting deeper than 128"), (exception.Line, exception.Column, exception.Reason));
    }

    [Theory]
    [InlineData("[")]
    [InlineData("{a:")]
    [InlineData("[{'a':")]
    [InlineData("{\n a: [\n")]
    public void Hostile_nesting_gives_the_depth_error_not_a_stack_overflow(string opening)
    {
        var text = string.Concat(Enumerable.Repeat(opening, 100_000));

        var exception = Assert.Throws<Json5Exception>(() => Json5Reader.Parse(text));

        Assert.Equal("nesting deeper than 128", exception.Reason);
    }

    [Fact]
    public void Source_name_is_part_of_the_message()
    {
        var exception = Assert.Throws<Json5Exception>(() => Json5Reader.Parse("{\n  timeoutMs: 180_,\n}", "/home/me/.openclaw/openclaw.json"));

        Assert.Equal("/home/me/.openclaw/openclaw.json", exception.SourceName);
        Assert.Equal("/home/me/.openclaw/openclaw.json:2:14: invalid number '180_'", exception.Message);
    }

    [Fact]
    public void Exception_message_is_file_line_column_reason()
    {
        Assert.Equal("a.json5:2:3: bad", new Json5Exception("a.json5", 2, 3, "bad").Message);
        Assert.Equal("<input>:1:1: bad", new Json5Exception(null, 1, 1, "bad").Message);
    }

    [Fact]
    public void Null_text_is_an_argument_error()
    {
        Assert.Throws<ArgumentNullException>(() => Json5Reader.Parse(null!));
    }
}
