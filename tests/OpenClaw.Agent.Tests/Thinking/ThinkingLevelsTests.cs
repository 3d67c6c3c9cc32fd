using System.Text.Json.Nodes;
using OpenClaw.Agent.Thinking;
using OpenClaw.OpenRouter.Reasoning;

namespace OpenClaw.Agent.Tests.Thinking;

public sealed class ThinkingLevelsTests
{
    [Theory]
    [InlineData("off", "off")]
    [InlineData(" Minimal ", "minimal")]
    [InlineData("LOW", "low")]
    [InlineData("medium", "medium")]
    [InlineData("high", "high")]
    [InlineData("xhigh", "xhigh")]
    [InlineData("adaptive", "adaptive")]
    [InlineData("max", "max")]
    [InlineData("x-high", "xhigh")]
    [InlineData("x_high", "xhigh")]
    [InlineData("extra-high", "xhigh")]
    [InlineData("Extra High", "xhigh")]
    [InlineData("extra  high", "xhigh")]
    [InlineData("highest", "high")]
    public void Levels_and_aliases_parse(string text, string expected)
    {
        Assert.True(ThinkingLevels.TryParse(text, out var level));
        Assert.Equal(new ThinkingLevel(expected), level);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("ultra")]
    [InlineData("extrahigh")]
    [InlineData("on")]
    public void Other_words_do_not_parse(string? text)
    {
        Assert.False(ThinkingLevels.TryParse(text, out _));
    }

    [Fact]
    public void The_invalid_message_lists_every_level()
    {
        Assert.Equal("Invalid thinking level. Use one of: off, minimal, low, medium, high, xhigh, adaptive, max.", ThinkingLevels.InvalidMessage);
    }

    [Fact]
    public void Config_values_map_false_disabled_and_off_to_off_and_ignore_the_rest()
    {
        Assert.Equal(ThinkingLevel.Off, ThinkingLevels.FromConfig(JsonValue.Create(false)));
        Assert.Equal(ThinkingLevel.Off, ThinkingLevels.FromConfig(JsonValue.Create("disabled")));
        Assert.Equal(ThinkingLevel.Off, ThinkingLevels.FromConfig(JsonValue.Create("off")));
        Assert.Equal(ThinkingLevel.High, ThinkingLevels.FromConfig(JsonNode.Parse("\"High\"")));
        Assert.Equal(ThinkingLevel.XHigh, ThinkingLevels.FromConfig(JsonValue.Create("x-high")));
        Assert.Null(ThinkingLevels.FromConfig(null));
        Assert.Null(ThinkingLevels.FromConfig(JsonValue.Create(true)));
        Assert.Null(ThinkingLevels.FromConfig(JsonValue.Create(3)));
        Assert.Null(ThinkingLevels.FromConfig(JsonValue.Create("lots")));
        Assert.Null(ThinkingLevels.FromConfig(new JsonObject { ["level"] = "high" }));
    }
}
