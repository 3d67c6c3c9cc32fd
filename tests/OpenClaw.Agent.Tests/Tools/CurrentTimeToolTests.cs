using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using OpenClaw.Agent.Tools;

namespace OpenClaw.Agent.Tests.Tools;

public sealed class CurrentTimeToolTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 15, 0, TimeSpan.Zero);

    private static FakeTimeProvider Clock(string localZone = "Europe/Berlin")
    {
        var clock = new FakeTimeProvider(Now);
        clock.SetLocalTimeZone(TimeZoneInfo.FindSystemTimeZoneById(localZone));
        return clock;
    }

    private static async Task<JsonObject> InvokeAsync(AIFunction tool, AIFunctionArguments arguments)
    {
        var result = await tool.InvokeAsync(arguments, TestContext.Current.CancellationToken);
        return JsonNode.Parse(Assert.IsType<string>(result))!.AsObject();
    }

    [Fact]
    public async Task Without_a_zone_it_answers_utc_and_the_local_zone()
    {
        var tool = new CurrentTimeTool(Clock());

        var result = await InvokeAsync(tool, []);

        Assert.Equal("2026-11-24T10:15:00Z", result["utc"]!.GetValue<string>());
        Assert.Equal("2026-11-24T11:15:00+01:00", result["local"]!.GetValue<string>());
        Assert.Equal("Europe/Berlin", result["timeZone"]!.GetValue<string>());
        Assert.Equal(["utc", "local", "timeZone"], result.Select(property => property.Key));
    }

    [Fact]
    public async Task A_zone_from_the_model_arrives_as_a_json_element()
    {
        var tool = new CurrentTimeTool(Clock());
        using var arguments = JsonDocument.Parse("""{"timeZone":"America/New_York"}""");

        var result = await InvokeAsync(tool, new AIFunctionArguments { ["timeZone"] = arguments.RootElement.GetProperty("timeZone").Clone() });

        Assert.Equal("2026-11-24T05:15:00-05:00", result["local"]!.GetValue<string>());
        Assert.Equal("America/New_York", result["timeZone"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_plain_string_zone_and_an_empty_one_work()
    {
        var tool = new CurrentTimeTool(Clock());

        Assert.Equal("2026-11-24T19:15:00+09:00", (await InvokeAsync(tool, new AIFunctionArguments { ["timeZone"] = "Asia/Tokyo" }))["local"]!.GetValue<string>());
        Assert.Equal("Europe/Berlin", (await InvokeAsync(tool, new AIFunctionArguments { ["timeZone"] = " " }))["timeZone"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_zone_is_an_error_naming_it()
    {
        var tool = new CurrentTimeTool(Clock());

        var error = await Assert.ThrowsAsync<ArgumentException>(() => tool.InvokeAsync(new AIFunctionArguments { ["timeZone"] = "Mars/Olympus_Mons" }, TestContext.Current.CancellationToken).AsTask());

        Assert.Contains("\"Mars/Olympus_Mons\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_schema_and_metadata_describe_the_tool()
    {
        var tool = new CurrentTimeTool(TimeProvider.System);
        var schema = JsonNode.Parse(tool.JsonSchema.GetRawText())!;

        Assert.Equal("current_time", tool.Name);
        Assert.False(string.IsNullOrEmpty(tool.Description));
        Assert.Equal("object", schema["type"]!.GetValue<string>());
        Assert.Equal("string", schema["properties"]!["timeZone"]!["type"]!.GetValue<string>());
        Assert.False(schema["additionalProperties"]!.GetValue<bool>());
        Assert.Null(schema["required"]);
    }
}
