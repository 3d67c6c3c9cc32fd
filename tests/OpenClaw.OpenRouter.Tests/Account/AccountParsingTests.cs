using System.Text.Json;
using OpenClaw.OpenRouter.Account;

namespace OpenClaw.OpenRouter.Tests.Account;

public sealed class AccountParsingTests
{
    // The shape the emulator answers GET /key with.
    private const string KeyData = """
        {"label":"sk-or-v1-abc...xyz","limit":25,"limit_reset":"monthly","limit_remaining":17.5,"include_byok_in_limit":true,
         "usage":7.5,"usage_daily":0.25,"usage_weekly":1.75,"usage_monthly":7.5,
         "byok_usage":2,"byok_usage_daily":0.1,"byok_usage_weekly":0.5,"byok_usage_monthly":2,
         "is_free_tier":false,"is_management_key":true,"is_provisioning_key":true,"expires_at":null}
        """;

    // The shape the emulator answers GET /generation with.
    private const string GenerationData = """
        {"id":"gen-1757160000-abc","upstream_id":"emu-gen-1757160000-abc","total_cost":0.0012345,"cache_discount":null,
         "created_at":"2026-09-06T12:00:00.123Z","model":"openai/gpt-5.5","app_id":null,"streamed":true,"cancelled":false,
         "provider_name":"OpenAI","latency":120,"moderation_latency":null,"generation_time":480,"finish_reason":"stop",
         "native_finish_reason":"completed","tokens_prompt":12,"tokens_completion":34,"native_tokens_prompt":12,
         "native_tokens_completion":34,"native_tokens_reasoning":20,"native_tokens_cached":8,"usage":0.0012345,
         "is_byok":false,"api_type":"completions"}
        """;

    [Fact]
    public void Key_info_reads_every_field()
    {
        var key = OpenRouterKeyInfo.Parse(Element(KeyData));

        Assert.Equal("sk-or-v1-abc...xyz", key.Label);
        Assert.Equal(25m, key.Limit);
        Assert.Equal(17.5m, key.LimitRemaining);
        Assert.Equal("monthly", key.LimitReset);
        Assert.True(key.IncludeByokInLimit);
        Assert.Equal((7.5m, 0.25m, 1.75m, 7.5m), (key.Usage, key.UsageDaily, key.UsageWeekly, key.UsageMonthly));
        Assert.Equal((2m, 0.1m, 0.5m, 2m), (key.ByokUsage, key.ByokUsageDaily, key.ByokUsageWeekly, key.ByokUsageMonthly));
        Assert.False(key.IsFreeTier);
        Assert.True(key.IsManagementKey);
        Assert.True(key.Raw.ContainsKey("expires_at"));
        Assert.Equal(JsonValueKind.True, key.Raw["is_provisioning_key"]!.GetValueKind());
    }

    [Fact]
    public void Key_info_tolerates_nulls_missing_fields_and_numbers_as_strings()
    {
        var key = OpenRouterKeyInfo.Parse(Element("""{"limit":null,"limit_remaining":null,"limit_reset":null,"usage":"1.25","usage_daily":"n/a","is_free_tier":"true"}"""));

        Assert.Null(key.Label);
        Assert.Null(key.Limit);
        Assert.Null(key.LimitRemaining);
        Assert.Null(key.LimitReset);
        Assert.False(key.IncludeByokInLimit);
        Assert.Equal(1.25m, key.Usage);
        Assert.Null(key.UsageDaily);
        Assert.Null(key.ByokUsage);
        Assert.True(key.IsFreeTier);
        Assert.False(key.IsManagementKey);
    }

    [Fact]
    public void Key_info_accepts_the_former_provisioning_key_flag()
    {
        Assert.True(OpenRouterKeyInfo.Parse(Element("""{"is_provisioning_key":true}""")).IsManagementKey);
    }

    [Fact]
    public void The_raw_copy_outlives_the_parsed_document()
    {
        OpenRouterKeyInfo key;
        using (var document = JsonDocument.Parse(KeyData))
        {
            key = OpenRouterKeyInfo.Parse(document.RootElement);
        }

        Assert.Equal("monthly", key.Raw["limit_reset"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"key\"")]
    public void Data_that_is_not_an_object_is_refused(string json)
    {
        Assert.Throws<JsonException>(() => OpenRouterKeyInfo.Parse(Element(json)));
        Assert.Throws<JsonException>(() => OpenRouterCredits.Parse(Element(json)));
        Assert.Throws<JsonException>(() => OpenRouterGeneration.Parse(Element(json)));
    }

    [Fact]
    public void Credits_compute_what_remains_even_when_overdrawn()
    {
        var credits = OpenRouterCredits.Parse(Element("""{"total_credits":10,"total_usage":"12.5"}"""));

        Assert.Equal(10m, credits.TotalCredits);
        Assert.Equal(12.5m, credits.TotalUsage);
        Assert.Equal(-2.5m, credits.Remaining);
        Assert.Equal(2, credits.Raw.Count);
    }

    [Fact]
    public void Credits_leave_remaining_unknown_when_a_side_is_missing()
    {
        var credits = OpenRouterCredits.Parse(Element("""{"total_credits":10,"total_usage":null}"""));

        Assert.Equal(10m, credits.TotalCredits);
        Assert.Null(credits.TotalUsage);
        Assert.Null(credits.Remaining);
    }

    [Fact]
    public void A_generation_reads_every_field()
    {
        var generation = OpenRouterGeneration.Parse(Element(GenerationData));

        Assert.Equal("gen-1757160000-abc", generation.Id);
        Assert.Equal(0.0012345m, generation.TotalCost);
        Assert.Equal(0.0012345m, generation.Usage);
        Assert.False(generation.IsByok);
        Assert.Equal("openai/gpt-5.5", generation.Model);
        Assert.Equal("OpenAI", generation.ProviderName);
        Assert.Equal(new DateTimeOffset(2026, 9, 6, 12, 0, 0, 123, TimeSpan.Zero), generation.CreatedAt);
        Assert.Equal("stop", generation.FinishReason);
        Assert.Equal("completed", generation.NativeFinishReason);
        Assert.Equal(12L, generation.TokensPrompt);
        Assert.Equal(34L, generation.TokensCompletion);
        Assert.Equal(20L, generation.NativeTokensReasoning);
        Assert.Equal(8L, generation.NativeTokensCached);
        Assert.True(generation.Streamed);
        Assert.False(generation.Cancelled);
        Assert.Equal(TimeSpan.FromMilliseconds(120), generation.Latency);
        Assert.Equal(TimeSpan.FromMilliseconds(480), generation.GenerationTime);
        Assert.Equal("completions", generation.Raw["api_type"]!.GetValue<string>());
    }

    [Fact]
    public void A_generation_tolerates_nulls_missing_fields_and_numbers_as_strings()
    {
        var generation = OpenRouterGeneration.Parse(Element("""
            {"id":"gen-1","total_cost":"0.5","tokens_prompt":"12","tokens_completion":34.0,"native_tokens_reasoning":null,
             "latency":"250.5","created_at":"not a date","streamed":"false","cancelled":null}
            """));

        Assert.Equal("gen-1", generation.Id);
        Assert.Equal(0.5m, generation.TotalCost);
        Assert.Null(generation.Usage);
        Assert.Null(generation.IsByok);
        Assert.Equal(12L, generation.TokensPrompt);
        Assert.Equal(34L, generation.TokensCompletion);
        Assert.Null(generation.NativeTokensReasoning);
        Assert.Null(generation.NativeTokensCached);
        Assert.Equal(TimeSpan.FromMilliseconds(250.5), generation.Latency);
        Assert.Null(generation.GenerationTime);
        Assert.Null(generation.CreatedAt);
        Assert.False(generation.Streamed);
        Assert.Null(generation.Cancelled);
        Assert.Null(generation.Model);
    }

    [Fact]
    public void A_generation_timestamp_without_an_offset_is_read_as_utc()
    {
        var generation = OpenRouterGeneration.Parse(Element("""{"created_at":"2026-09-06T12:00:00"}"""));

        Assert.Equal(new DateTimeOffset(2026, 9, 6, 12, 0, 0, TimeSpan.Zero), generation.CreatedAt);
    }

    private static JsonElement Element(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
