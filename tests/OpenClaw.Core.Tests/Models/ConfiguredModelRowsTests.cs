using System.Text.Json.Nodes;
using OpenClaw.Core.Models;
using OpenClaw.OpenRouter.Models;

namespace OpenClaw.Core.Tests.Models;

public sealed class ConfiguredModelRowsTests
{
    [Fact]
    public void Every_documented_field_is_read()
    {
        var row = ConfiguredModelRows.ReadRow(JsonNode.Parse("""
            { "id": "moonshotai/kimi-k2.6", "name": "Kimi K2.6", "reasoning": true, "input": ["text","image"],
              "contextWindow": 262144, "maxTokens": 262144, "cost": { "input": 0.8, "output": 3.5, "cacheRead": 0.2, "cacheWrite": 0 } }
            """));

        Assert.NotNull(row);
        Assert.Equal("moonshotai/kimi-k2.6", row.Id);
        Assert.Equal("Kimi K2.6", row.Name);
        Assert.True(row.Reasoning);
        Assert.Equal(["text", "image"], row.Input);
        Assert.Equal(262144, row.ContextWindow);
        Assert.Equal(262144, row.MaxTokens);
        Assert.Equal(new ModelPricing(0.8m, 3.5m, 0.2m, 0m), row.Pricing);
    }

    [Fact]
    public void Missing_fields_take_the_defaults()
    {
        var row = ConfiguredModelRows.ReadRow(JsonNode.Parse("""{ "id": " Acme/Model " }"""));

        Assert.NotNull(row);
        Assert.Equal("acme/model", row.Id);
        Assert.Equal("acme/model", row.Name);
        Assert.False(row.Reasoning);
        Assert.Equal(["text"], row.Input);
        Assert.Equal(200_000, row.ContextWindow);
        Assert.Equal(8192, row.MaxTokens);
        Assert.Equal(ModelPricing.Free, row.Pricing);
    }

    [Fact]
    public void Malformed_values_take_the_defaults()
    {
        var row = ConfiguredModelRows.ReadRow(JsonNode.Parse("""
            { "id": "a/b", "name": "  ", "reasoning": "yes", "input": "image", "contextWindow": -1, "maxTokens": "lots",
              "cost": { "input": -2, "output": "0.5", "cacheRead": null } }
            """));

        Assert.NotNull(row);
        Assert.Equal("a/b", row.Name);
        Assert.False(row.Reasoning);
        Assert.Equal(["text"], row.Input);
        Assert.Equal(200_000, row.ContextWindow);
        Assert.Equal(8192, row.MaxTokens);
        Assert.Equal(new ModelPricing(0m, 0.5m, 0m, 0m), row.Pricing);
    }

    [Fact]
    public void Values_built_in_code_read_like_parsed_ones()
    {
        var row = ConfiguredModelRows.ReadRow(new JsonObject
        {
            ["id"] = "a/b",
            ["reasoning"] = true,
            ["input"] = new JsonArray("image"),
            ["contextWindow"] = 131072.0,
            ["maxTokens"] = 4096L,
            ["cost"] = new JsonObject { ["input"] = 1.25m, ["output"] = 10 },
        });

        Assert.NotNull(row);
        Assert.True(row.Reasoning);
        Assert.Equal(["text", "image"], row.Input);
        Assert.Equal(131072, row.ContextWindow);
        Assert.Equal(4096, row.MaxTokens);
        Assert.Equal(new ModelPricing(1.25m, 10m, 0m, 0m), row.Pricing);
    }

    [Fact]
    public void Rows_without_an_id_and_non_objects_are_skipped()
    {
        var rows = ConfiguredModelRows.Read((JsonArray)JsonNode.Parse("""[ 1, "x", null, {}, { "id": "" }, { "id": 5 }, { "id": "ok/one" } ]""")!);

        Assert.Equal(["ok/one"], rows.Select(r => r.Id));
    }

    [Fact]
    public void No_array_reads_as_no_rows() => Assert.Empty(ConfiguredModelRows.Read(null));
}
