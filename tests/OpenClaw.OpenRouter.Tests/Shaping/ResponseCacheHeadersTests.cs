using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Shaping;

namespace OpenClaw.OpenRouter.Tests.Shaping;

public sealed class ResponseCacheHeadersTests
{
    private static string Headers(string paramsJson) =>
        string.Join("; ", ResponseCacheHeaders.From(JsonNode.Parse(paramsJson)!.AsObject()).Select(pair => $"{pair.Key}: {pair.Value}"));

    [Theory]
    [InlineData("""{"responseCache":true,"responseCacheTtlSeconds":300}""", "X-OpenRouter-Cache: true; X-OpenRouter-Cache-TTL: 300")]
    [InlineData("""{"responseCacheClear":true}""", "X-OpenRouter-Cache: true; X-OpenRouter-Cache-Clear: true")]
    [InlineData("""{"response_cache":true,"response_cache_ttl_seconds":90000}""", "X-OpenRouter-Cache: true; X-OpenRouter-Cache-TTL: 86400")]
    [InlineData("""{"response_cache":"yes","response_cache_ttl":"120","response_cache_clear":"on"}""", "X-OpenRouter-Cache: true; X-OpenRouter-Cache-TTL: 120; X-OpenRouter-Cache-Clear: true")]
    [InlineData("""{"responseCache":false,"responseCacheTtlSeconds":300}""", "X-OpenRouter-Cache: false")]
    [InlineData("""{"responseCache":true,"responseCacheTtl":45.9}""", "X-OpenRouter-Cache: true; X-OpenRouter-Cache-TTL: 45")]
    [InlineData("""{"responseCache":true,"responseCacheTtl":-5}""", "X-OpenRouter-Cache: true; X-OpenRouter-Cache-TTL: 1")]
    [InlineData("""{"responseCache":true,"responseCacheTtl":"60abc"}""", "X-OpenRouter-Cache: true")]
    [InlineData("""{"responseCache":true,"responseCacheTtl":" 1.5e2 "}""", "X-OpenRouter-Cache: true; X-OpenRouter-Cache-TTL: 150")]
    [InlineData("""{"responseCache":true,"responseCacheTtl":".5"}""", "X-OpenRouter-Cache: true; X-OpenRouter-Cache-TTL: 1")]
    [InlineData("""{"responseCache":"maybe"}""", "")]
    [InlineData("""{"responseCache":"maybe","responseCacheClear":"1"}""", "X-OpenRouter-Cache: true; X-OpenRouter-Cache-Clear: true")]
    [InlineData("""{"responseCacheTtlSeconds":300}""", "")]
    [InlineData("""{}""", "")]
    public void Params_become_the_spec_headers(string parameters, string expected) => Assert.Equal(expected, Headers(parameters));

    [Theory]
    [InlineData("1", true)]
    [InlineData(" TRUE ", true)]
    [InlineData("Enabled", true)]
    [InlineData("on", true)]
    [InlineData("0", false)]
    [InlineData("Disabled", false)]
    [InlineData("no", false)]
    [InlineData("nope", null)]
    public void Boolean_strings(string text, bool? expected) => Assert.Equal(expected, ResponseCacheHeaders.ParseBoolean(JsonValue.Create(text)));

    [Fact]
    public void The_first_present_key_wins_even_when_it_is_unusable() =>
        Assert.Equal("", Headers("""{"responseCache":"maybe","response_cache":true}"""));
}
