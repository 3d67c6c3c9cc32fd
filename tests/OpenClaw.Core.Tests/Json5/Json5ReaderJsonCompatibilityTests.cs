using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenClaw.Core.Json5;

namespace OpenClaw.Core.Tests.Json5;

/// <summary>JSON5 is a superset of JSON: every JSON document must read exactly as System.Text.Json reads it.</summary>
public sealed class Json5ReaderJsonCompatibilityTests
{
    private const int Seed = 7_2026;
    private const int GeneratedDocumentCount = 3_000;

    public static TheoryData<string> Corpus =>
    [
        "0", "-0", "1", "-1", "0.0", "-0.0", "1.5", "-1.5", "1e5", "1E5", "1e+5", "1e-5", "1.5E-300", "1e400", "-1e-400",
        "9223372036854775807", "9223372036854775808", "-9223372036854775809", "18446744073709551616",
        "123456789012345678901234567890.123456789012345678901234567890e-12",
        "0.1", "0.30000000000000004", "2.2250738585072014E-308", "4.9e-324", "1.7976931348623157e308",
        "true", "false", "null",
        "\"\"", "\"plain\"", "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"\\u0000\\u001f\\u007F\\u0080\"", "\"\\u00e9\\u00E9\"",
        "\"\\ud83d\\ude00\"", "\"😀\"", "\"é€名\"", "\"\u2028\u2029\"", "\"<script>&'\"",
        "[]", "{}", "[[]]", "[{}]", "{\"\":{}}", "[1,2,3]", "[ 1 , 2 , 3 ]", "[\n  1,\n  2\n]", "\t[\r\n1\r\n]\t",
        "{\"a\":1,\"b\":[true,false,null],\"c\":{\"d\":\"e\"}}",
        "{\"a b\":1,\"\":2,\"true\":3,\"1\":4,\"\\u0041\":5,\"-\":6}",
        "{\"key\": \"value\", \"nested\": {\"array\": [1, -2.5e3, \"x\", {\"y\": null}]}}",
        "[\"a\",\"b\",[\"c\",[\"d\",[\"e\"]]]]",
        """
        {
          "env": { "OPENROUTER_API_KEY": "sk-or-..." },
          "agents": { "defaults": { "model": { "primary": "openrouter/anthropic/claude-sonnet-4.5", "fallbacks": [] } } },
          "models": { "providers": { "openrouter": { "baseUrl": "https://openrouter.ai/api/v1", "timeoutMs": 180000 } } }
        }
        """,
    ];

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Reads_JSON_as_System_Text_Json_does(string json)
    {
        AssertSameAsSystemTextJson(json);
    }

    [Fact]
    public void Reads_generated_JSON_as_System_Text_Json_does()
    {
        var generator = new Json5DocumentGenerator(new Random(Seed));
        var random = new Random(Seed + 1);
        for (var i = 0; i < GeneratedDocumentCount; i++)
        {
            var (_, value) = generator.Generate();
            var options = new JsonSerializerOptions
            {
                WriteIndented = random.Next(2) == 0,
                Encoder = random.Next(2) == 0 ? JavaScriptEncoder.Default : JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            };
            var json = value is null ? "null" : value.ToJsonString(options);

            AssertSameAsSystemTextJson(json);
        }
    }

    private static void AssertSameAsSystemTextJson(string json)
    {
        var expected = JsonNode.Parse(json);

        var actual = Json5Reader.Parse(json);

        Assert.True(JsonNode.DeepEquals(expected, actual), $"{json}\nread as\n{Json5TestJson.Write(actual)}");
        Assert.Equal(Json5TestJson.Write(expected), Json5TestJson.Write(actual));
    }
}
