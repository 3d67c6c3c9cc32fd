using System.Diagnostics;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using OpenClaw.Core.Json5;

namespace OpenClaw.Reliability.Tests.Fuzzing;

/// <summary>
/// The JSON5 reader (<see cref="Json5Reader"/>) under FsCheck: generated documents read as exactly the value they spell, and
/// edited ones either read or fail with <see cref="Json5Exception"/> at a <c>file:line:column</c> inside the text — never
/// another exception, never a stack overflow.
/// </summary>
public sealed class Json5ReaderFuzzTests
{
    public const int GeneratedCount = 60_000;
    public const int MutatedDocumentCount = 20_000;
    public const int MutationsPerDocument = 5;
    private const string SourceName = "fuzz.json5";

    private static readonly string[] Snippets =
    [
        "/*", "*/", "//", "\\", "\\u", "\\u00", "\\uD800", "\\uDC00", "\\x", "\\x4", "\\0", "\\01", "\\1", "0x", "0X", "0xFFFFFFFFFFFFFFFFF", "_", "__",
        "[", "{", "}", "]", "'", "\"", ":", ",", ",,", "\n", "\r", "\r\n", "\u2028", "\u2029", "\uFEFF", "\u00A0", "\uD800", "\uDC00", "😀",
        "1e", "1e+", "1e999999", ".", "..", "-", "+", "+-", "0", "01", "00", "1_", "_1", "1__0", "0x_1", "Infinity", "-Infinity", "NaN", "Infinit",
        "true", "null", "undefined", "[[[[", "{a:{a:", "]]]]", "}}}}", "\u0000", "\u0301", "\\\n", "\\\r\n", "a:", "'a':", "\\u0061:", "\\u0030:",
        new string('[', 200), new string('{', 50), "/* unterminated", "// to the end",
    ];

    [Fact(Timeout = 300_000)]
    public async Task Generated_documents_read_as_exactly_the_value_they_spell()
    {
        await Task.Run(() => FuzzCheck.Run("json5 generated", Json5Documents.Document, GeneratedCount, document =>
        {
            JsonNodeOrFailure(document.Text, out var actual);
            if (Json5Documents.Difference(document.Value, actual) is { } difference)
            {
                throw new InvalidOperationException($"{difference}\nin {document}");
            }
        }), TestContext.Current.CancellationToken);
    }

    [Fact(Timeout = 300_000)]
    public async Task Edited_documents_read_or_throw_only_Json5Exception_at_a_position_inside_the_text()
    {
        var rejected = 0;
        var total = 0;
        var cases =
            from document in Json5Documents.Document
            from edits in Gen.ArrayOf(Mutation.Edits, MutationsPerDocument)
            select new MutatedDocument(document.Text, edits);
        await Task.Run(() => FuzzCheck.Run("json5 mutated", cases, MutatedDocumentCount, mutated =>
        {
            foreach (var edits in mutated.Edits)
            {
                var text = Mutation.Apply(mutated.Original, edits, Snippets);
                total++;
                if (!JsonNodeOrFailure(text, out _))
                {
                    rejected++;
                }
            }
        }, MutationsPerDocument), TestContext.Current.CancellationToken);

        Assert.Equal(MutatedDocumentCount * MutationsPerDocument, total);
        // If almost no edit broke a document, the edits are not reaching the reader.
        Assert.InRange(rejected, total / 4, total);
    }

    [Fact]
    public void Hostile_nesting_fails_with_a_position_and_never_overflows_the_stack()
    {
        foreach (var hostile in new[]
        {
            new string('[', 100_000),
            string.Concat(Enumerable.Repeat("{a:", 100_000)),
            string.Concat(Enumerable.Repeat("[{'k':", 50_000)),
            new string('[', 100_000) + new string(']', 100_000),
            string.Concat(Enumerable.Repeat("[/**/\n", 100_000)),
        })
        {
            var stopwatch = Stopwatch.StartNew();
            var exception = Assert.Throws<Json5Exception>(() => Json5Reader.Parse(hostile, SourceName));
            FuzzLedger.Record("json5 nesting", exception);
            Assert.Equal($"nesting deeper than {Json5Reader.MaxDepth}", exception.Reason);
            AssertPositionInside(hostile, exception);
            Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        }

        // The limit itself reads.
        var deepest = new string('[', Json5Reader.MaxDepth) + new string(']', Json5Reader.MaxDepth);
        Assert.NotNull(Json5Reader.Parse(deepest));
        var tooDeep = Assert.Throws<Json5Exception>(() => Json5Reader.Parse("[" + deepest + "]", SourceName));
        Assert.Equal($"{SourceName}:1:{Json5Reader.MaxDepth + 1}: nesting deeper than {Json5Reader.MaxDepth}", tooDeep.Message);
    }

    /// <summary>True when the text read; false when it threw <see cref="Json5Exception"/> (checked); any other exception fails.</summary>
    private static bool JsonNodeOrFailure(string text, out System.Text.Json.Nodes.JsonNode? node)
    {
        try
        {
            node = Json5Reader.Parse(text, SourceName);
            return true;
        }
        catch (Json5Exception exception)
        {
            FuzzLedger.Record("json5", exception);
            AssertPositionInside(text, exception);
            node = null;
            return false;
        }
        catch (Exception exception)
        {
            throw new InvalidOperationException($"{exception.GetType().Name} instead of Json5Exception for: {FuzzCheck.Show(text)}", exception);
        }
    }

    private static void AssertPositionInside(string text, Json5Exception exception)
    {
        var lines = SplitLines(text);
        if (exception.Line < 1 || exception.Line > lines.Count
            || exception.Column < 1 || exception.Column > lines[exception.Line - 1] + 1
            || exception.Message != $"{SourceName}:{exception.Line}:{exception.Column}: {exception.Reason}"
            || exception.SourceName != SourceName
            || string.IsNullOrWhiteSpace(exception.Reason))
        {
            throw new InvalidOperationException(
                $"Bad position {exception.Line}:{exception.Column} ({exception.Message}) for: {FuzzCheck.Show(text[..Math.Min(text.Length, 2_000)])}");
        }
    }

    /// <summary>The length of each line; CR LF is one break, and CR, LF, U+2028 and U+2029 each end a line.</summary>
    private static List<int> SplitLines(string text)
    {
        var lengths = new List<int>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r' or '\u2028' or '\u2029')
            {
                lengths.Add(i - start);
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
                start = i + 1;
            }
        }
        lengths.Add(text.Length - start);
        return lengths;
    }

    private sealed record MutatedDocument(string Original, Mutation[][] Edits)
    {
        public override string ToString() => new StringBuilder("original: ").Append(FuzzCheck.Show(Original)).Append(", edits: ")
            .AppendJoin("; ", Edits.Select(edits => string.Join(", ", edits.Select(edit => edit.ToString())))).ToString();
    }
}
