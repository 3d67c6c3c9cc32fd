using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Shaping;
using OpenClaw.OpenRouter.Shaping.Steps;
using static OpenClaw.OpenRouter.Tests.Shaping.PayloadContexts;

namespace OpenClaw.OpenRouter.Tests.Shaping.Steps;

public sealed class KimiToolSchemaStepTests
{
    private const string Kimi = "moonshotai/kimi-k2.6";

    private static JsonNode? Normalise(string schema, string model = Kimi)
    {
        var context = WithPayload(model, $$$"""{"tools":[{"type":"function","function":{"name":"f","parameters":{{{schema}}}}}]}""");
        new KimiToolSchemaStep().Apply(context);
        return context.Payload["tools"]![0]!["function"]!["parameters"];
    }

    [Fact]
    public void SpecExample() =>
        AssertJsonOrdered("""{"maxLength":4,"anyOf":[{"type":"string","enum":["red"]},{"type":"string","const":"blue"}]}""",
            Normalise("""{"type":"string","maxLength":4,"anyOf":[{"enum":["red"]},{"const":"blue"}]}"""));

    [Theory]
    [InlineData("moonshot/kimi-k2")]
    [InlineData("openrouter/moonshotai/kimi-k2.6")]
    [InlineData("MoonshotAI/Kimi-K2.6")]
    public void AppliesToMoonshotIds(string model) =>
        AssertJson("""{"anyOf":[{"type":"string","enum":["a"]}]}""", Normalise("""{"type":"string","anyOf":[{"enum":["a"]}]}""", model));

    [Theory]
    [InlineData("openai/gpt-5.5")]
    [InlineData("anthropic/claude-sonnet-4.6")]
    [InlineData("deepseek/deepseek-v4-flash")]
    public void OtherModelsAreUnchanged(string model)
    {
        const string Schema = """{"type":"string","anyOf":[{"enum":["a"]}]}""";

        AssertJsonOrdered(Schema, Normalise(Schema, model));
    }

    [Fact]
    public void BranchesKeepTheirOwnCompatibleType() =>
        AssertJsonOrdered("""{"minimum":0,"anyOf":[{"type":"integer","maximum":9},{"type":"number","multipleOf":0.5}]}""",
            Normalise("""{"type":"number","minimum":0,"anyOf":[{"type":"integer","maximum":9},{"multipleOf":0.5}]}"""));

    [Fact]
    public void ArrayParentTypesMoveWhole() =>
        AssertJsonOrdered("""{"anyOf":[{"type":["string","null"],"maxLength":3},{"type":"null"}]}""",
            Normalise("""{"type":["string","null"],"anyOf":[{"maxLength":3},{"type":"null"}]}"""));

    [Theory]
    [InlineData("""{"anyOf":[{"type":"string"},{"type":"number"}]}""")]
    [InlineData("""{"type":"string","anyOf":[]}""")]
    [InlineData("""{"type":"string","anyOf":[{"$ref":"#/$defs/a"}]}""")]
    [InlineData("""{"type":"string","anyOf":[{"anyOf":[{"enum":["a"]}]}]}""")]
    [InlineData("""{"type":"string","anyOf":[{"oneOf":[{"enum":["a"]}]}]}""")]
    [InlineData("""{"type":"string","anyOf":[true,{"enum":["a"]}]}""")]
    [InlineData("""{"type":"string","anyOf":[{"type":"number"}]}""")]
    [InlineData("""{"type":"integer","anyOf":[{"type":"number"}]}""")]
    [InlineData("""{"type":"string","anyOf":[{"type":["string","null"]}]}""")]
    [InlineData("""{"type":"strin","anyOf":[{"enum":["a"]}]}""")]
    [InlineData("""{"type":["string",1],"anyOf":[{"enum":["a"]}]}""")]
    [InlineData("""{"type":"string","anyOf":{"enum":["a"]}}""")]
    public void NoOps(string schema) => AssertJsonOrdered(schema, Normalise(schema));

    [Fact]
    public void RecursesIntoEverySchemaKeyword()
    {
        const string Leaf = """{"type":"string","anyOf":[{"enum":["a"]}]}""";
        const string Fixed = """{"anyOf":[{"type":"string","enum":["a"]}]}""";
        string[] mapKeywords = ["properties", "patternProperties", "dependentSchemas", "dependencies", "$defs", "definitions"];
        string[] schemaKeywords =
        [
            "items", "additionalItems", "additionalProperties", "if", "then", "else", "not", "contains", "propertyNames",
            "unevaluatedItems", "unevaluatedProperties", "contentSchema",
        ];
        string[] arrayKeywords = ["prefixItems", "anyOf", "oneOf", "allOf"];

        var input = new JsonObject { ["type"] = "object" };
        var expected = new JsonObject { ["type"] = "object" };
        foreach (var keyword in mapKeywords)
        {
            input[keyword] = new JsonObject { ["k"] = JsonNode.Parse(Leaf) };
            expected[keyword] = new JsonObject { ["k"] = JsonNode.Parse(Fixed) };
        }
        foreach (var keyword in schemaKeywords)
        {
            input[keyword] = JsonNode.Parse(Leaf);
            expected[keyword] = JsonNode.Parse(Fixed);
        }
        foreach (var keyword in arrayKeywords)
        {
            input[keyword] = new JsonArray(JsonNode.Parse(Leaf), JsonNode.Parse(Leaf));
            expected[keyword] = new JsonArray(JsonNode.Parse(Fixed), JsonNode.Parse(Fixed));
        }
        // The root's own anyOf branches hold unions themselves, so the root keeps its type.
        AssertJsonOrdered(expected.ToJsonString(), Normalise(input.ToJsonString()));
    }

    [Fact]
    public void TupleItemsArraysAreRecursed() =>
        AssertJson("""{"type":"array","items":[{"anyOf":[{"type":"string","enum":["a"]}]}]}""",
            Normalise("""{"type":"array","items":[{"type":"string","anyOf":[{"enum":["a"]}]}]}"""));

    [Fact]
    public void NeverRewritesInsideDataKeywords()
    {
        const string Schema = """
            {"type":"object",
             "default":{"type":"string","anyOf":[{"enum":["a"]}]},
             "enum":[{"type":"string","anyOf":[{"enum":["a"]}]}],
             "const":{"type":"string","anyOf":[{"enum":["a"]}]},
             "examples":[{"type":"string","anyOf":[{"enum":["a"]}]}],
             "properties":{"p":{"type":"string","default":{"type":"string","anyOf":[{"enum":["a"]}]}}}}
            """;

        AssertJsonOrdered(Schema, Normalise(Schema));
    }

    [Fact]
    public void ProtoPropertyIsPreserved() =>
        AssertJsonOrdered("""{"type":"object","properties":{"__proto__":{"anyOf":[{"type":"string","enum":["a"]}]},"b":{"type":"number"}}}""",
            Normalise("""{"type":"object","properties":{"__proto__":{"type":"string","anyOf":[{"enum":["a"]}]},"b":{"type":"number"}}}"""));

    [Fact]
    public void IsIdempotent()
    {
        var schema = JsonNode.Parse("""
            {"type":"object","properties":{"color":{"type":"string","maxLength":4,"anyOf":[{"enum":["red"]},{"const":"blue"}]},
             "n":{"type":["number","null"],"anyOf":[{"type":"integer"},{"type":"null"}]}}}
            """)!.AsObject();

        KimiToolSchemaStep.Normalize(schema);
        var once = schema.ToJsonString();
        KimiToolSchemaStep.Normalize(schema);

        Assert.Equal(once, schema.ToJsonString());
        AssertJson("""
            {"type":"object","properties":{"color":{"maxLength":4,"anyOf":[{"type":"string","enum":["red"]},{"type":"string","const":"blue"}]},
             "n":{"anyOf":[{"type":"integer"},{"type":"null"}]}}}
            """, schema);
    }

    [Fact]
    public void TheCallersToolIsNotMutated()
    {
        var parameters = JsonNode.Parse("""{"type":"object","properties":{"c":{"type":"string","anyOf":[{"enum":["red"]}]}}}""")!.AsObject();
        var original = parameters.ToJsonString();
        var context = For(Kimi, tools: [new OpenRouterTool("paint", "Paint", parameters)]);

        ChatRequestPipeline.Run(context);

        Assert.Equal(original, parameters.ToJsonString());
        AssertJson("""{"type":"object","properties":{"c":{"anyOf":[{"type":"string","enum":["red"]}]}}}""",
            context.Payload["tools"]![0]!["function"]!["parameters"]);
    }
}
