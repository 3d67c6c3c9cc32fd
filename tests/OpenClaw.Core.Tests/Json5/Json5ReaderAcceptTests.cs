using System.Text.Json.Nodes;
using OpenClaw.Core.Json5;

namespace OpenClaw.Core.Tests.Json5;

public sealed class Json5ReaderAcceptTests
{
    [Theory]
    // Comments and whitespace.
    [InlineData("// comment\n1", "1")]
    [InlineData("/* before */ 1 /* after */", "1")]
    [InlineData("/**/1/**/", "1")]
    [InlineData("1 // to the end", "1")]
    [InlineData("/* several\nlines\r\n */ 1", "1")]
    [InlineData("/* stars ** inside */ 1", "1")]
    [InlineData("// CR ends a line comment\r1", "1")]
    [InlineData("// U+2028 ends a line comment\u20281", "1")]
    [InlineData("// U+2029 ends a line comment\u20291", "1")]
    [InlineData("[1, // one\n 2 /* two */]", "[1,2]")]
    [InlineData("{/*a*/a/*b*/:/*c*/1/*d*/,/*e*/}", "{\"a\":1}")]
    [InlineData("\t\n\v\f\r \u00A0\u2028\u2029\uFEFF\u1680\u2000\u200A\u202F\u205F\u30001\u3000", "1")]
    [InlineData("\uFEFF{\"a\": 1}", "{\"a\":1}")]
    // Objects.
    [InlineData("{}", "{}")]
    [InlineData("{ }", "{}")]
    [InlineData("{a: 1}", "{\"a\":1}")]
    [InlineData("{$: 1, _: 2, $_a1: 3, A_$9: 4}", "{\"$\":1,\"_\":2,\"$_a1\":3,\"A_$9\":4}")]
    [InlineData("{'a': 1}", "{\"a\":1}")]
    [InlineData("{\"a\": 1}", "{\"a\":1}")]
    [InlineData("{'a b': 1, \"\": 2, '\\u0041': 3}", "{\"a b\":1,\"\":2,\"A\":3}")]
    [InlineData("{a: 1,}", "{\"a\":1}")]
    [InlineData("{a: 1, b: {c: [true]},}", "{\"a\":1,\"b\":{\"c\":[true]}}")]
    [InlineData("{true: 1, false: 2, null: 3, Infinity: 4, NaN: 5}", "{\"true\":1,\"false\":2,\"null\":3,\"Infinity\":4,\"NaN\":5}")]
    [InlineData("{\\u0061b: 1}", "{\"ab\":1}")]
    [InlineData("{a\\u0062: 1}", "{\"ab\":1}")]
    [InlineData("{\\u0024: 1}", "{\"$\":1}")]
    [InlineData("{ä: 1, ß: 2, π: 3, Ωmega: 4, 名前: 5}", "{\"ä\":1,\"ß\":2,\"π\":3,\"Ωmega\":4,\"名前\":5}")]
    [InlineData("{a\u0301: 1, x\u0660: 2, a\u203Fb: 3, a\u200Cb\u200D: 4}", "{\"a\u0301\":1,\"x\u0660\":2,\"a\u203Fb\":3,\"a\u200Cb\u200D\":4}")]
    [InlineData("{\u2160: 1}", "{\"\u2160\":1}")]
    // System.Text.Json writes characters beyond the BMP as escaped surrogate pairs, even with the relaxed encoder.
    [InlineData("{𝑥: 1}", "{\"\\uD835\\uDC65\":1}")]
    [InlineData("{\\uD835\\uDC65: 1}", "{\"\\uD835\\uDC65\":1}")]
    [InlineData("{a: 1, a: 2}", "{\"a\":2}")]
    [InlineData("{a: 1, b: 2, 'a': 3}", "{\"a\":3,\"b\":2}")]
    [InlineData("{a: {x: 1}, a: null}", "{\"a\":null}")]
    // Arrays.
    [InlineData("[]", "[]")]
    [InlineData("[ ]", "[]")]
    [InlineData("[1,]", "[1]")]
    [InlineData("[1, [2, [3,],],]", "[1,[2,[3]]]")]
    [InlineData("[null, true, false, 'x', {}, []]", "[null,true,false,\"x\",{},[]]")]
    // Strings.
    [InlineData("'single'", "\"single\"")]
    [InlineData("\"double\"", "\"double\"")]
    [InlineData("'\"'", "\"\\\"\"")]
    [InlineData("\"'\"", "\"'\"")]
    [InlineData("'\\''", "\"'\"")]
    [InlineData("\"\\\"\"", "\"\\\"\"")]
    [InlineData("'\\\\ \\/'", "\"\\\\ /\"")]
    [InlineData("'\\b\\f\\n\\r\\t\\v\\0'", "\"\\b\\f\\n\\r\\t\\u000B\\u0000\"")]
    [InlineData("'\\0a'", "\"\\u0000a\"")]
    [InlineData("'\\x41\\x7a\\xE9'", "\"Azé\"")]
    [InlineData("'\\u0041\\u00e9\\u20AC'", "\"Aé€\"")]
    [InlineData("'\\uD83D\\uDE00'", "\"\\uD83D\\uDE00\"")]
    [InlineData("'😀 raw'", "\"\\uD83D\\uDE00 raw\"")]
    [InlineData("'\\😀'", "\"\\uD83D\\uDE00\"")]
    [InlineData("'\\q\\a\\ \\é\\$'", "\"qa é$\"")]
    [InlineData("'one \\\ntwo'", "\"one two\"")]
    [InlineData("'one \\\r\ntwo'", "\"one two\"")]
    [InlineData("'one \\\rtwo'", "\"one two\"")]
    [InlineData("'one \\\u2028two \\\u2029three'", "\"one two three\"")]
    [InlineData("'raw\u2028and\u2029'", "\"raw\\u2028and\\u2029\"")]
    [InlineData("'tab\there'", "\"tab\\there\"")]
    [InlineData("''", "\"\"")]
    // Numbers: the JSON text is canonical, the value exact.
    [InlineData("0", "0")]
    [InlineData("-0", "-0")]
    [InlineData("0.0", "0.0")]
    [InlineData("+5", "5")]
    [InlineData("-5", "-5")]
    [InlineData(".5", "0.5")]
    [InlineData("+.5", "0.5")]
    [InlineData("-.5", "-0.5")]
    [InlineData("5.", "5")]
    [InlineData("-5.", "-5")]
    [InlineData("5.e2", "5e2")]
    [InlineData(".5E-3", "0.5E-3")]
    [InlineData("1E+3", "1E+3")]
    [InlineData("1.25e10", "1.25e10")]
    [InlineData("0x1F", "31")]
    [InlineData("0X1f", "31")]
    [InlineData("0xabcDEF", "11259375")]
    [InlineData("+0x1F", "31")]
    [InlineData("-0x1F", "-31")]
    [InlineData("0x0", "0")]
    [InlineData("0x00000000000000000000FF", "255")]
    [InlineData("0xFFFFFFFFFFFFFFFF", "18446744073709551615")]
    [InlineData("-0xFFFFFFFFFFFFFFFF", "-18446744073709551615")]
    [InlineData("180_000", "180000")]
    [InlineData("1_000.5", "1000.5")]
    [InlineData("1.000_001", "1.000001")]
    [InlineData("1_0e1_0", "10e10")]
    [InlineData("-1_2", "-12")]
    [InlineData("0xFF_FF", "65535")]
    [InlineData("0x1_0_0", "256")]
    [InlineData("123456789012345678901234567890", "123456789012345678901234567890")]
    [InlineData("-0.1000000000000000055511151231257827021181583404541015625", "-0.1000000000000000055511151231257827021181583404541015625")]
    [InlineData("1e400", "1e400")]
    [InlineData("[+1, -.5, 0x10, 1_0,]", "[1,-0.5,16,10]")]
    // Literals.
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    [InlineData("null", "null")]
    [InlineData("  null  ", "null")]
    public void Accepts_feature(string json5, string expectedJson)
    {
        Assert.Equal(expectedJson, Json5TestJson.Write(Json5Reader.Parse(json5)));
    }

    [Fact]
    public void Surrogate_pairs_may_be_split_between_an_escape_and_raw_text()
    {
        // Not as InlineData: attribute strings are stored as UTF-8, which cannot carry half a pair.
        Assert.Equal("😀", Json5Reader.Parse("'\\uD83D\uDE00'")!.GetValue<string>());
        Assert.Equal("😀", Json5Reader.Parse("'\uD83D\\uDE00'")!.GetValue<string>());
        Assert.Equal("😀", Json5Reader.Parse("'\\uD83D\\\n\uDE00'")!.GetValue<string>());
    }

    [Fact]
    public void Null_literal_is_a_null_node()
    {
        Assert.Null(Json5Reader.Parse("null"));
        Assert.Null(Json5Reader.Parse("{a: null}")!["a"]);
    }

    [Theory]
    [InlineData("Infinity", double.PositiveInfinity)]
    [InlineData("+Infinity", double.PositiveInfinity)]
    [InlineData("-Infinity", double.NegativeInfinity)]
    [InlineData("NaN", double.NaN)]
    [InlineData("+NaN", double.NaN)]
    [InlineData("-NaN", double.NaN)]
    public void Named_numbers_become_doubles(string json5, double expected)
    {
        var node = Json5Reader.Parse(json5);

        Assert.Equal(expected, node!.GetValue<double>());
    }

    [Fact]
    public void Named_numbers_inside_containers()
    {
        var node = Json5Reader.Parse("{a: -Infinity, b: [NaN, Infinity,],}")!;

        Assert.Equal(double.NegativeInfinity, node["a"]!.GetValue<double>());
        Assert.True(double.IsNaN(node["b"]![0]!.GetValue<double>()));
        Assert.Equal(double.PositiveInfinity, node["b"]![1]!.GetValue<double>());
    }

    [Fact]
    public void Numbers_read_as_any_fitting_type_like_System_Text_Json_numbers()
    {
        var node = Json5Reader.Parse("{a: 180_000, b: 0x7FFFFFFFFFFFFFFF, c: .25, d: 5.}")!;

        Assert.Equal(180000, node["a"]!.GetValue<int>());
        Assert.Equal(180000L, node["a"]!.GetValue<long>());
        Assert.Equal(long.MaxValue, node["b"]!.GetValue<long>());
        Assert.Equal(0.25m, node["c"]!.GetValue<decimal>());
        Assert.Equal(5, node["d"]!.GetValue<int>());
    }

    [Fact]
    public void Strings_and_booleans_read_as_their_types()
    {
        var node = Json5Reader.Parse("{s: 'x\\ty', t: true, f: false}")!;

        Assert.Equal("x\ty", node["s"]!.GetValue<string>());
        Assert.True(node["t"]!.GetValue<bool>());
        Assert.False(node["f"]!.GetValue<bool>());
    }

    [Fact]
    public void Duplicate_key_keeps_its_first_position_and_its_last_value()
    {
        var node = Json5Reader.Parse("{b: 0, a: 1, b: 2, c: 3, a: 4}")!.AsObject();

        Assert.Equal(["b", "a", "c"], node.Select(member => member.Key));
        Assert.Equal("{\"b\":2,\"a\":4,\"c\":3}", node.ToJsonString());
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_accepted()
    {
        var depth = Json5Reader.MaxDepth;
        var text = new string('[', depth) + new string(']', depth);

        var node = Json5Reader.Parse(text);

        Assert.Equal(text, node!.ToJsonString());
    }

    [Fact]
    public void Objects_nest_up_to_the_limit()
    {
        var depth = Json5Reader.MaxDepth;
        var text = string.Concat(Enumerable.Repeat("{a:", depth - 1)) + "{}" + new string('}', depth - 1);

        var node = Json5Reader.Parse(text);

        Assert.Equal(text.Replace("a:", "\"a\":", StringComparison.Ordinal), node!.ToJsonString());
    }

    [Fact]
    public void Large_values_survive_whole()
    {
        var longString = new string('x', 1_000_000);
        var longNumber = "9" + new string('0', 100_000);

        var node = Json5Reader.Parse($"{{s: '{longString}', n: {longNumber}}}")!;

        Assert.Equal(longString, node["s"]!.GetValue<string>());
        Assert.Equal(longNumber, node["n"]!.ToJsonString());
    }

    [Fact]
    public void Documentation_snippet_with_image_generation_model()
    {
        const string Snippet = DocumentedConfigs.SeedImageGeneration;

        var node = Json5Reader.Parse(Snippet, "openclaw.json");

        Assert.Equal(
            """{"env":{"OPENROUTER_API_KEY":"sk-or-..."},"agents":{"defaults":{"imageGenerationModel":{"primary":"openrouter/google/gemini-3.1-flash-image-preview","timeoutMs":180000}}}}""",
            Json5TestJson.Write(node));
        Assert.Equal(180000, node!["agents"]!["defaults"]!["imageGenerationModel"]!["timeoutMs"]!.GetValue<int>());
    }

    [Fact]
    public void Documentation_snippet_with_text_to_speech()
    {
        const string Snippet = DocumentedConfigs.SeedTextToSpeech;

        var node = Json5Reader.Parse(Snippet, "openclaw.json");

        Assert.Equal(
            """{"messages":{"tts":{"auto":"always","provider":"openrouter","providers":{"openrouter":{"model":"hexgrad/kokoro-82m","voice":"af_alloy","responseFormat":"mp3"}}}}}""",
            Json5TestJson.Write(node));
    }

    [Fact]
    public void Snippets_with_CRLF_line_endings_read_the_same()
    {
        const string Snippet = "{\r\n  // a comment\r\n  timeoutMs: 180_000, /* and\r\n another */\r\n}\r\n";

        Assert.Equal("{\"timeoutMs\":180000}", Json5TestJson.Write(Json5Reader.Parse(Snippet)));
    }

    [Fact]
    public void Result_nodes_are_independent_roots()
    {
        var node = Json5Reader.Parse("{a: [1, {b: 2}]}")!;

        Assert.Null(node.Parent);
        Assert.Same(node, node["a"]![1]!["b"]!.Root);
        Assert.Equal("$.a[1].b", node["a"]![1]!["b"]!.GetPath());
    }
}
