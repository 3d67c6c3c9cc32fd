using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Shaping;

namespace OpenClaw.OpenRouter.Tests.Shaping;

public sealed class ParamsMergerTests
{
    private static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();

    [Fact]
    public void Provider_objects_merge_shallowly_with_lower_precedence_keys_first()
    {
        var (_, provider) = ParamsMerger.Merge(
            Json("""{"provider":{"sort":"latency","require_parameters":true,"data_collection":"deny"}}"""),
            Json("""{"provider":{"order":["anthropic"],"allow_fallbacks":false}}"""),
            null);

        Assert.Equal("""{"sort":"latency","require_parameters":true,"data_collection":"deny","order":["anthropic"],"allow_fallbacks":false}""", provider!.ToJsonString());
    }

    [Fact]
    public void Later_sources_win_and_the_call_wins_over_the_model()
    {
        var (parameters, provider) = ParamsMerger.Merge(
            Json("""{"temperature":0.1,"provider":{"sort":"price","max_price":{"prompt":1}}}"""),
            Json("""{"temperature":0.2,"provider":{"sort":"latency"}}"""),
            Json("""{"temperature":0.3,"provider":{"max_price":{"completion":2}}}"""));

        Assert.Equal("""{"temperature":0.3}""", parameters.ToJsonString());
        Assert.Equal("""{"sort":"latency","max_price":{"completion":2}}""", provider!.ToJsonString());
    }

    [Fact]
    public void Dangerous_keys_are_dropped_at_every_depth_and_empty_records_are_absent()
    {
        var (parameters, provider) = ParamsMerger.Merge(
            Json("""{"__proto__":{"x":1},"constructor":1,"prototype":2,"extraBody":{"user":"u","__proto__":{"y":1}},"provider":{}}"""),
            Json("""{}"""),
            Json("""{"provider":{"__proto__":{"polluted":true}}}"""));

        Assert.Equal("""{"extraBody":{"user":"u"}}""", parameters.ToJsonString());
        Assert.Null(provider);
    }

    [Fact]
    public void No_sources_give_no_patch()
    {
        var (parameters, provider) = ParamsMerger.Merge(null, null, null);

        Assert.Empty(parameters);
        Assert.Null(provider);
    }
}
