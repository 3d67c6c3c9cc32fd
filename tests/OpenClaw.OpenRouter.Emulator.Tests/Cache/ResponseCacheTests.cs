using Microsoft.Extensions.Time.Testing;
using OpenClaw.OpenRouter.Emulator.Cache;
using OpenClaw.OpenRouter.Emulator.Tests.Support;

namespace OpenClaw.OpenRouter.Emulator.Tests.Cache;

public sealed class ResponseCacheTests
{
    private static readonly string Body = EmulatorClient.ChatBody("emulator/echo", "cache me");

    [Fact]
    public async Task Second_identical_request_is_a_free_hit_pointing_at_the_first_generation()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var miss = await client.PostAsync("/chat/completions", Body, headers: [("X-OpenRouter-Cache", "true"), ("X-OpenRouter-Cache-TTL", "120")]);
        using var hit = await client.PostAsync("/chat/completions", Body, headers: [("X-OpenRouter-Cache", "true"), ("X-OpenRouter-Cache-TTL", "120")]);

        var missBody = await EmulatorClient.JsonAsync(miss);
        var hitBody = await EmulatorClient.JsonAsync(hit);
        Assert.Equal("MISS", miss.Headers.GetValues("X-OpenRouter-Cache-Status").Single());
        Assert.Equal("120", miss.Headers.GetValues("X-OpenRouter-Cache-TTL").Single());
        Assert.Equal("HIT", hit.Headers.GetValues("X-OpenRouter-Cache-Status").Single());
        Assert.Equal(missBody["id"]!.GetValue<string>(), hit.Headers.GetValues("X-OpenRouter-Cache-Source-Id").Single());
        Assert.Equal("0", hit.Headers.GetValues("X-OpenRouter-Cache-Age").Single());
        Assert.NotEqual(missBody["id"]!.GetValue<string>(), hitBody["id"]!.GetValue<string>());
        Assert.Equal(hitBody["id"]!.GetValue<string>(), hit.Headers.GetValues("X-Generation-Id").Single());
        Assert.Equal(missBody["choices"]!.ToJsonString(), hitBody["choices"]!.ToJsonString());
        Assert.Equal(0, hitBody["usage"]!["prompt_tokens"]!.GetValue<int>());
        Assert.Equal(0, hitBody["usage"]!["total_tokens"]!.GetValue<int>());
        Assert.Equal(0m, hitBody["usage"]!["cost"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Streaming_hits_replay_the_chunks()
    {
        await using var client = await EmulatorClient.StartAsync();
        var body = EmulatorClient.ChatBody("emulator/echo", "cache me", stream: true);

        using var miss = await client.PostAsync("/chat/completions", body, headers: ("X-OpenRouter-Cache", "true"));
        using var hit = await client.PostAsync("/chat/completions", body, headers: ("X-OpenRouter-Cache", "true"));

        var first = await SseTranscript.ReadAsync(miss);
        var replay = await SseTranscript.ReadAsync(hit);
        Assert.Equal("HIT", hit.Headers.GetValues("X-OpenRouter-Cache-Status").Single());
        Assert.Equal("300", hit.Headers.GetValues("X-OpenRouter-Cache-TTL").Single());
        Assert.Equal(first.Content, replay.Content);
        Assert.Equal(first.Chunks.Count, replay.Chunks.Count);
        Assert.True(replay.EndsWithDone);
        Assert.Equal(0m, replay.Chunks[^1]["usage"]!["cost"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Cache_is_keyed_on_body_key_and_streaming_flag_and_is_opt_in()
    {
        await using var client = await EmulatorClient.StartAsync();
        var otherKey = "sk-or-v1-" + new string('a', 64);

        using var stored = await client.PostAsync("/chat/completions", Body, headers: ("X-OpenRouter-Cache", "true"));
        using var reordered = await client.PostAsync("/chat/completions", """{"stream":false,"model":"emulator/echo","messages":[{"role":"user","content":"cache me"}]}""", headers: ("X-OpenRouter-Cache", "true"));
        using var anotherKey = await client.PostAsync("/chat/completions", Body, otherKey, ("X-OpenRouter-Cache", "true"));
        using var streamed = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody("emulator/echo", "cache me", stream: true), headers: ("X-OpenRouter-Cache", "true"));
        using var notAsked = await client.PostAsync("/chat/completions", Body);
        using var disabled = await client.PostAsync("/chat/completions", Body, headers: ("X-OpenRouter-Cache", "false"));

        Assert.Equal("MISS", reordered.Headers.GetValues("X-OpenRouter-Cache-Status").Single());
        Assert.Equal("MISS", anotherKey.Headers.GetValues("X-OpenRouter-Cache-Status").Single());
        Assert.Equal("MISS", streamed.Headers.GetValues("X-OpenRouter-Cache-Status").Single());
        Assert.False(notAsked.Headers.Contains("X-OpenRouter-Cache-Status"));
        Assert.False(disabled.Headers.Contains("X-OpenRouter-Cache-Status"));
    }

    [Fact]
    public async Task Clear_refreshes_the_entry_and_errors_are_never_stored()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var failed = await client.PostAsync("/chat/completions", Body, headers: [("X-OpenRouter-Cache", "true"), ("X-Emulator-Fault", "choice-error-200")]);
        using var afterFailure = await client.PostAsync("/chat/completions", Body, headers: ("X-OpenRouter-Cache", "true"));
        using var cleared = await client.PostAsync("/chat/completions", Body, headers: [("X-OpenRouter-Cache", "true"), ("X-OpenRouter-Cache-Clear", "true")]);
        using var hit = await client.PostAsync("/chat/completions", Body, headers: ("X-OpenRouter-Cache", "true"));

        Assert.Equal("MISS", afterFailure.Headers.GetValues("X-OpenRouter-Cache-Status").Single());
        Assert.Equal("MISS", cleared.Headers.GetValues("X-OpenRouter-Cache-Status").Single());
        Assert.Equal((await EmulatorClient.JsonAsync(cleared))["id"]!.GetValue<string>(), hit.Headers.GetValues("X-OpenRouter-Cache-Source-Id").Single());
    }

    [Fact]
    public async Task Entries_expire_after_their_TTL()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
        await using var client = await EmulatorClient.StartAsync(new EmulatorOptions { TimeProvider = clock });
        (string, string)[] headers = [("X-OpenRouter-Cache", "true"), ("X-OpenRouter-Cache-TTL", "60")];

        using var miss = await client.PostAsync("/chat/completions", Body, headers: headers);
        clock.Advance(TimeSpan.FromSeconds(45));
        using var hit = await client.PostAsync("/chat/completions", Body, headers: headers);
        clock.Advance(TimeSpan.FromSeconds(15));
        using var expired = await client.PostAsync("/chat/completions", Body, headers: headers);

        Assert.Equal("HIT", hit.Headers.GetValues("X-OpenRouter-Cache-Status").Single());
        Assert.Equal("45", hit.Headers.GetValues("X-OpenRouter-Cache-Age").Single());
        Assert.Equal("15", hit.Headers.GetValues("X-OpenRouter-Cache-TTL").Single());
        Assert.Equal("MISS", expired.Headers.GetValues("X-OpenRouter-Cache-Status").Single());
    }

    [Theory]
    [InlineData("60", 60)]
    [InlineData("60abc", 60)]
    [InlineData("1.5", 1)]
    [InlineData("0", 1)]
    [InlineData("90000", 86400)]
    [InlineData("99999999999999999999999", 86400)]
    [InlineData("abc", 300)]
    [InlineData("", 300)]
    [InlineData(" 45 ", 45)]
    public void TTL_header_is_read_like_OpenRouter_reads_it(string header, int seconds)
        => Assert.Equal(seconds, ResponseCacheRequest.ParseTtl(header));
}
