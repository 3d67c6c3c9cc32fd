using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using OpenClaw.Core.Json5;

namespace OpenClaw.Core.Tests.Json5;

/// <summary>Seeded, so a failure reproduces; the counts keep the whole class to a few seconds.</summary>
public sealed class Json5ReaderFuzzTests
{
    private const int Seed = 5_2026;
    private const int GeneratedDocumentCount = 5_000;
    private const int MutatedDocumentCount = 1_000;
    private const int MutationsPerDocument = 120;
    private const int MaxEditsPerMutation = 4;
    private const int TimeoutMilliseconds = 120_000;

    private static readonly string[] Snippets =
    [
        "/*", "*/", "//", "\\", "\\u", "\\u00", "\\x", "\\0", "\\1", "0x", "0X", "_", "__", "[", "{", "}", "]", "'", "\"", ":", ",",
        "\n", "\r", "\r\n", "\u2028", "\u2029", "\uFEFF", "\u00A0", "\uD800", "\uDC00", "😀", "1e", "1e+", ".", "-", "+", "0", "01",
        "Infinity", "-Infinity", "NaN", "true", "null", "undefined", "[[[[", "{a:{a:", "]]]]", "}}}}", "\u0000", "\u0301",
    ];

    [Fact(Timeout = TimeoutMilliseconds)]
    public async Task Generated_documents_parse_to_the_value_they_were_written_from()
    {
        await Task.Run(
            () =>
            {
                var generator = new Json5DocumentGenerator(new Random(Seed));
                for (var i = 0; i < GeneratedDocumentCount; i++)
                {
                    var (text, expected) = generator.Generate();

                    var actual = Parse(text, $"generated document {i}");

                    if (!JsonNode.DeepEquals(expected, actual) || Json5TestJson.Write(expected) != Json5TestJson.Write(actual))
                    {
                        Assert.Fail($"Generated document {i} read as {Json5TestJson.Write(actual)}, expected {Json5TestJson.Write(expected)}:\n{Show(text)}");
                    }
                }
            },
            TestContext.Current.CancellationToken);
    }

    [Fact(Timeout = TimeoutMilliseconds)]
    public async Task Mutated_documents_parse_or_throw_Json5Exception_with_a_position_inside_the_text()
    {
        await Task.Run(
            () =>
            {
                var random = new Random(Seed + 1);
                var generator = new Json5DocumentGenerator(random);
                var rejected = 0;
                for (var d = 0; d < MutatedDocumentCount; d++)
                {
                    var (original, _) = generator.Generate();
                    for (var m = 0; m < MutationsPerDocument; m++)
                    {
                        var text = Mutate(random, original);
                        try
                        {
                            Json5Reader.Parse(text);
                        }
                        catch (Json5Exception exception)
                        {
                            rejected++;
                            AssertPositionIsInside(text, exception);
                        }
                    }
                }

                // Most random edits break a document; if almost none did, the mutations are not reaching the reader.
                Assert.InRange(rejected, MutatedDocumentCount * MutationsPerDocument / 4, MutatedDocumentCount * MutationsPerDocument);
            },
            TestContext.Current.CancellationToken);
    }

    [Fact(Timeout = TimeoutMilliseconds)]
    public async Task Random_text_throws_only_Json5Exception()
    {
        await Task.Run(
            () =>
            {
                var random = new Random(Seed + 2);
                for (var i = 0; i < MutatedDocumentCount * 10; i++)
                {
                    var text = new StringBuilder();
                    var pieces = random.Next(1, 12);
                    for (var p = 0; p < pieces; p++)
                    {
                        text.Append(random.Next(3) == 0 ? (char)random.Next(0x80) : Snippets[random.Next(Snippets.Length)]);
                    }

                    try
                    {
                        Parse(text.ToString(), $"random text {i}");
                    }
                    catch (Json5Exception exception)
                    {
                        AssertPositionIsInside(text.ToString(), exception);
                    }
                }
            },
            TestContext.Current.CancellationToken);
    }

    [Fact]
    public void A_large_document_reads_in_one_quick_pass()
    {
        var generator = new Json5DocumentGenerator(new Random(Seed + 3));
        var documents = new List<string>();
        var expected = new JsonArray();
        var length = 0;
        while (length < 4_000_000)
        {
            var (text, value) = generator.Generate();
            documents.Add(text);
            expected.Add(value);
            length += text.Length + 2;
        }

        var stopwatch = Stopwatch.StartNew();
        var actual = Json5Reader.Parse("[" + string.Join(",\n", documents) + "]");
        stopwatch.Stop();

        Assert.True(JsonNode.DeepEquals(expected, actual));
        // Generous: about a second is expected even on a slow machine; a quadratic reader would take minutes.
        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(20));
    }

    /// <summary>Parses, turning any exception but <see cref="Json5Exception"/> into a failure that shows the input.</summary>
    private static JsonNode? Parse(string text, string what)
    {
        try
        {
            return Json5Reader.Parse(text);
        }
        catch (Exception exception) when (exception is not Json5Exception)
        {
            Assert.Fail($"{what} threw {exception.GetType().Name} instead of Json5Exception: {exception}\n{Show(text)}");
            throw;
        }
    }

    private static void AssertPositionIsInside(string text, Json5Exception exception)
    {
        var lines = text.Split(["\r\n", "\n", "\r", "\u2028", "\u2029"], StringSplitOptions.None);
        if (exception.Line < 1 || exception.Line > lines.Length
            || exception.Column < 1 || exception.Column > lines[exception.Line - 1].Length + 1
            || exception.Message != $"<input>:{exception.Line}:{exception.Column}: {exception.Reason}"
            || exception.Reason.Length == 0)
        {
            Assert.Fail($"Bad position {exception.Line}:{exception.Column} ({exception.Reason}) for:\n{Show(text)}");
        }
    }

    private static string Mutate(Random random, string original)
    {
        var text = new StringBuilder(original);
        var edits = random.Next(1, MaxEditsPerMutation + 1);
        for (var e = 0; e < edits; e++)
        {
            var at = random.Next(text.Length + 1);
            var sliceLength = Math.Min(random.Next(1, 20), text.Length - at);
            switch (random.Next(6))
            {
                case 0 when at < text.Length:
                    text.Remove(at, 1);
                    break;
                case 1 when at < text.Length:
                    text.Remove(at, sliceLength);
                    break;
                case 2 when at < text.Length:
                    text[at] = (char)random.Next(0x80);
                    break;
                case 3 when at < text.Length:
                    var slice = text.ToString(at, sliceLength);
                    text.Insert(random.Next(text.Length + 1), slice);
                    break;
                case 4:
                    text.Insert(at, (char)random.Next(0x10000));
                    break;
                default:
                    text.Insert(at, Snippets[random.Next(Snippets.Length)]);
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>The text with invisible characters spelled out, so a failure message can be turned back into a test case.</summary>
    private static string Show(string text)
    {
        var shown = new StringBuilder();
        foreach (var c in text)
        {
            if (c is < ' ' or > '~')
            {
                shown.Append($"\\u{(int)c:X4}");
            }
            else
            {
                shown.Append(c);
            }
        }

        return shown.ToString();
    }
}
