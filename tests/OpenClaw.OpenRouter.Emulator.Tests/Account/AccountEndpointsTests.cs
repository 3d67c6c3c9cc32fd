using System.Text.Json;
using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Emulator.Http;
using OpenClaw.OpenRouter.Emulator.Tests.Support;
using static OpenClaw.OpenRouter.Emulator.Tests.Support.MediaAssertions;

namespace OpenClaw.OpenRouter.Emulator.Tests.Account;

public sealed class AccountEndpointsTests
{
    private const string WellFormedKey = "sk-or-v1-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    // Spec §4, GET /key: every field a client reads, with the JSON kind it must have.
    private static readonly (string Field, JsonValueKind[] Kinds)[] KeyFields =
    [
        ("label", [JsonValueKind.String]),
        ("limit", [JsonValueKind.Number, JsonValueKind.Null]),
        ("limit_remaining", [JsonValueKind.Number, JsonValueKind.Null]),
        ("limit_reset", [JsonValueKind.String, JsonValueKind.Null]),
        ("include_byok_in_limit", [JsonValueKind.True, JsonValueKind.False]),
        ("usage", [JsonValueKind.Number]),
        ("usage_daily", [JsonValueKind.Number]),
        ("usage_weekly", [JsonValueKind.Number]),
        ("usage_monthly", [JsonValueKind.Number]),
        ("byok_usage", [JsonValueKind.Number]),
        ("byok_usage_daily", [JsonValueKind.Number]),
        ("byok_usage_weekly", [JsonValueKind.Number]),
        ("byok_usage_monthly", [JsonValueKind.Number]),
        ("is_free_tier", [JsonValueKind.True, JsonValueKind.False]),
        ("is_management_key", [JsonValueKind.True, JsonValueKind.False]),
    ];

    // Spec §4, GET /generation.
    private static readonly string[] GenerationFields =
    [
        "id", "total_cost", "usage", "is_byok", "model", "provider_name", "created_at", "finish_reason", "native_finish_reason",
        "tokens_prompt", "tokens_completion", "native_tokens_reasoning", "native_tokens_cached", "streamed", "cancelled", "latency", "generation_time",
    ];

    // ---- GET /key ----

    [Fact]
    public async Task Key_for_the_default_key_has_every_spec_field_and_no_usage_yet()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.GetAsync("/key");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var data = (await EmulatorClient.JsonAsync(response))["data"]!.AsObject();
        foreach (var (field, kinds) in KeyFields)
        {
            Assert.True(data.ContainsKey(field), $"GET /key lacks \"{field}\".");
            Assert.Contains(KindOf(data[field]), kinds);
        }
        Assert.Equal("emulator", Str(data["label"]));
        Assert.Null(data["limit"]);
        Assert.Null(data["limit_remaining"]);
        Assert.Null(data["limit_reset"]);
        Assert.False(Bool(data["include_byok_in_limit"]));
        foreach (var field in (string[])["usage", "usage_daily", "usage_weekly", "usage_monthly", "byok_usage", "byok_usage_daily", "byok_usage_weekly", "byok_usage_monthly"])
        {
            Assert.Equal(0m, Dec(data[field]));
        }
        Assert.False(Bool(data["is_free_tier"]));
        Assert.False(Bool(data["is_management_key"]));
    }

    [Fact]
    public async Task Key_usage_grows_by_the_cost_of_a_chat_completion()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var chat = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody("emulator/echo", "count my spend"));
        Assert.Equal(200, (int)chat.StatusCode);
        var cost = Dec((await EmulatorClient.JsonAsync(chat))["usage"]!["cost"]);
        Assert.True(cost > 0m);

        using var response = await client.GetAsync("/key");
        var data = (await EmulatorClient.JsonAsync(response))["data"]!;
        Assert.Equal(cost, Dec(data["usage"]));
        Assert.Equal(cost, Dec(data["usage_daily"]));
        Assert.Equal(cost, Dec(data["usage_weekly"]));
        Assert.Equal(cost, Dec(data["usage_monthly"]));
        Assert.Null(data["limit_remaining"]);
    }

    [Fact]
    public async Task Key_usage_is_per_key()
    {
        await using var client = await EmulatorClient.StartAsync();
        using var chat = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody("emulator/echo", "spend on the default key"));
        Assert.Equal(200, (int)chat.StatusCode);

        using var response = await client.GetAsync("/key", ApiKeyRegistry.ManagementKey);

        var data = (await EmulatorClient.JsonAsync(response))["data"]!;
        Assert.Equal("emulator (management)", Str(data["label"]));
        Assert.Equal(0m, Dec(data["usage"]));
        Assert.True(Bool(data["is_management_key"]));
    }

    [Fact]
    public async Task Limited_key_reads_its_limit_but_inference_answers_403()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var key = await client.GetAsync("/key", ApiKeyRegistry.KeyLimitReachedKey);
        Assert.Equal(200, (int)key.StatusCode);
        var data = (await EmulatorClient.JsonAsync(key))["data"]!;
        Assert.Equal("emulator (limited)", Str(data["label"]));
        Assert.Equal(1m, Dec(data["limit"]));
        Assert.Equal(0m, Dec(data["limit_remaining"]));
        Assert.Equal("monthly", Str(data["limit_reset"]));
        Assert.Equal(1m, Dec(data["usage"]));

        using var chat = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody("emulator/echo", "hi"), ApiKeyRegistry.KeyLimitReachedKey);
        var error = await EmulatorClient.AssertErrorAsync(chat, 403, "Key limit exceeded");
        Assert.Equal("user_emulator", Str(error["user_id"]));
    }

    [Fact]
    public async Task Out_of_credits_key_can_still_read_key_and_credits()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var key = await client.GetAsync("/key", ApiKeyRegistry.OutOfCreditsKey);
        using var credits = await client.GetAsync("/credits", ApiKeyRegistry.OutOfCreditsKey);

        var keyData = (await EmulatorClient.JsonAsync(key))["data"]!;
        Assert.Equal(5m, Dec(keyData["limit"]));
        Assert.Equal(0m, Dec(keyData["limit_remaining"]));
        Assert.Equal(5m, Dec(keyData["usage"]));
        var creditsData = (await EmulatorClient.JsonAsync(credits))["data"]!;
        Assert.Equal(5m, Dec(creditsData["total_credits"]));
        Assert.Equal(5m, Dec(creditsData["total_usage"]));
    }

    // ---- authentication ----

    [Fact]
    public async Task Well_formed_unknown_key_is_accepted()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var key = await client.GetAsync("/key", WellFormedKey);
        using var chat = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody("emulator/echo", "hi"), WellFormedKey);

        Assert.Equal(200, (int)key.StatusCode);
        Assert.Equal("emulator", Str((await EmulatorClient.JsonAsync(key))["data"]!["label"]));
        Assert.Equal(200, (int)chat.StatusCode);
        Assert.Equal("Echo: hi", Str((await EmulatorClient.JsonAsync(chat))["choices"]![0]!["message"]!["content"]));
    }

    [Theory]
    [InlineData("sk-or-v1-not-a-real-key")]
    [InlineData("sk-or-v1-0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF")] // upper-case hex
    [InlineData("sk-or-v1-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde")] // 63 digits
    [InlineData("sk-or-v2-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("sk-or-v1-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeg")]
    public async Task Malformed_unknown_key_gets_401_user_not_found(string key)
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.GetAsync("/key", key);

        var error = await EmulatorClient.AssertErrorAsync(response, 401, "User not found.");
        Assert.False(error.ContainsKey("user_id"));
    }

    [Fact]
    public async Task Well_formed_keys_are_refused_when_AcceptWellFormedKeys_is_off()
    {
        await using var client = await EmulatorClient.StartAsync(new EmulatorOptions { AcceptWellFormedKeys = false });

        using var unknown = await client.GetAsync("/key", WellFormedKey);
        using var known = await client.GetAsync("/key");

        await EmulatorClient.AssertErrorAsync(unknown, 401, "User not found.");
        Assert.Equal(200, (int)known.StatusCode);
    }

    [Fact]
    public async Task Authorization_that_is_not_a_bearer_token_gets_401_user_not_found()
    {
        await using var client = await EmulatorClient.StartAsync();
        using var request = client.Request(HttpMethod.Get, "/key", key: null);
        request.Headers.TryAddWithoutValidation("Authorization", "Basic dXNlcjpwYXNz");

        using var response = await client.SendAsync(request);

        await EmulatorClient.AssertErrorAsync(response, 401, "User not found.");
    }

    // ---- keys added at run time ----

    [Fact]
    public async Task Key_added_with_Keys_Add_reports_its_profile()
    {
        await using var client = await EmulatorClient.StartAsync();
        client.Emulator.Keys.Add("team-key", new ApiKeyProfile { Label = "team", Limit = 10m, LimitReset = "weekly", InitialUsage = 2.5m, TotalCredits = 50m });

        using var key = await client.GetAsync("/key", "team-key");
        using var credits = await client.GetAsync("/credits", "team-key");

        var data = (await EmulatorClient.JsonAsync(key))["data"]!;
        Assert.Equal("team", Str(data["label"]));
        Assert.Equal(10m, Dec(data["limit"]));
        Assert.Equal(7.5m, Dec(data["limit_remaining"]));
        Assert.Equal("weekly", Str(data["limit_reset"]));
        Assert.Equal(2.5m, Dec(data["usage"]));
        var creditsData = (await EmulatorClient.JsonAsync(credits))["data"]!;
        Assert.Equal(50m, Dec(creditsData["total_credits"]));
        Assert.Equal(2.5m, Dec(creditsData["total_usage"]));
    }

    [Fact]
    public async Task Key_added_with_Keys_Add_spends_against_its_limit()
    {
        await using var client = await EmulatorClient.StartAsync();
        client.Emulator.Keys.Add("budget-key", new ApiKeyProfile { Label = "budget", Limit = 1m });

        using var chat = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody("emulator/echo", "spend a little"), "budget-key");
        var cost = Dec((await EmulatorClient.JsonAsync(chat))["usage"]!["cost"]);
        using var key = await client.GetAsync("/key", "budget-key");

        var data = (await EmulatorClient.JsonAsync(key))["data"]!;
        Assert.Equal(cost, Dec(data["usage"]));
        Assert.Equal(1m - cost, Dec(data["limit_remaining"]));
    }

    [Fact]
    public async Task Keys_Add_can_make_a_key_out_of_credits_or_over_its_limit_while_running()
    {
        await using var client = await EmulatorClient.StartAsync();
        client.Emulator.Keys.Add("broke-key", new ApiKeyProfile { OutOfCredits = true });
        client.Emulator.Keys.Add("capped-key", new ApiKeyProfile { KeyLimitReached = true, UserId = "user_capped" });

        using var broke = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody("emulator/echo", "hi"), "broke-key");
        using var capped = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody("emulator/echo", "hi"), "capped-key");

        await EmulatorClient.AssertErrorAsync(broke, 402, "Insufficient credits. Add more using https://openrouter.ai/credits");
        var cappedError = await EmulatorClient.AssertErrorAsync(capped, 403, "Key limit exceeded");
        Assert.Equal("user_capped", Str(cappedError["user_id"]));
    }

    [Fact]
    public async Task Keys_Add_replaces_the_profile_of_an_existing_key()
    {
        await using var client = await EmulatorClient.StartAsync();
        client.Emulator.Keys.Add(ApiKeyRegistry.DefaultKey, new ApiKeyProfile { Label = "renamed", IsFreeTier = true });

        using var key = await client.GetAsync("/key");

        var data = (await EmulatorClient.JsonAsync(key))["data"]!;
        Assert.Equal("renamed", Str(data["label"]));
        Assert.True(Bool(data["is_free_tier"]));
    }

    // ---- GET /credits ----

    [Fact]
    public async Task Credits_reports_total_credits_and_usage()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var before = await client.GetAsync("/credits");
        Assert.Equal(200, (int)before.StatusCode);
        var data = (await EmulatorClient.JsonAsync(before))["data"]!.AsObject();
        Assert.Equal(100m, Dec(data["total_credits"]));
        Assert.Equal(0m, Dec(data["total_usage"]));

        using var chat = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody("emulator/echo", "spend"));
        var cost = Dec((await EmulatorClient.JsonAsync(chat))["usage"]!["cost"]);
        using var after = await client.GetAsync("/credits");
        Assert.Equal(cost, Dec((await EmulatorClient.JsonAsync(after))["data"]!["total_usage"]));
    }

    [Fact]
    public async Task Credits_can_require_a_management_key()
    {
        await using var client = await EmulatorClient.StartAsync(new EmulatorOptions { CreditsRequireManagementKey = true });

        using var ordinary = await client.GetAsync("/credits");
        using var management = await client.GetAsync("/credits", ApiKeyRegistry.ManagementKey);

        await EmulatorClient.AssertErrorAsync(ordinary, 403, "Only management keys can perform this operation");
        Assert.Equal(200, (int)management.StatusCode);
        var data = (await EmulatorClient.JsonAsync(management))["data"]!;
        Assert.Equal(100m, Dec(data["total_credits"]));
        Assert.Equal(0m, Dec(data["total_usage"]));
    }

    [Fact]
    public async Task Credits_accepts_any_key_by_default()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.GetAsync("/credits", WellFormedKey);

        Assert.Equal(200, (int)response.StatusCode);
    }

    // ---- GET /generation ----

    [Fact]
    public async Task Generation_after_a_chat_call_returns_its_record()
    {
        await using var client = await EmulatorClient.StartAsync();
        using var chat = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody("emulator/echo", "record me"));
        var completion = await EmulatorClient.JsonAsync(chat);
        var id = Str(completion["id"]);
        Assert.Equal(id, chat.Headers.GetValues("X-Generation-Id").Single());

        using var response = await client.GetAsync("/generation?id=" + Uri.EscapeDataString(id));

        Assert.Equal(200, (int)response.StatusCode);
        var data = (await EmulatorClient.JsonAsync(response))["data"]!.AsObject();
        foreach (var field in GenerationFields)
        {
            Assert.True(data.ContainsKey(field), $"GET /generation lacks \"{field}\".");
        }
        var usage = completion["usage"]!;
        Assert.Equal(id, Str(data["id"]));
        Assert.Equal(Dec(usage["cost"]), Dec(data["total_cost"]));
        Assert.Equal(Dec(usage["cost"]), Dec(data["usage"]));
        Assert.Equal("emulator/echo", Str(data["model"]));
        Assert.Equal(Str(completion["provider"]), Str(data["provider_name"]));
        Assert.Equal(Int(usage["prompt_tokens"]), Int(data["tokens_prompt"]));
        Assert.Equal(Int(usage["completion_tokens"]), Int(data["tokens_completion"]));
        Assert.False(Bool(data["streamed"]));
        Assert.False(Bool(data["cancelled"]));
        Assert.False(Bool(data["is_byok"]));
        Assert.Equal("stop", Str(data["finish_reason"]));
    }

    [Fact]
    public async Task Generation_of_a_streamed_call_says_streamed()
    {
        await using var client = await EmulatorClient.StartAsync();
        using var chat = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody("emulator/echo", "stream me", stream: true));
        var id = chat.Headers.GetValues("X-Generation-Id").Single();
        var transcript = await SseTranscript.ReadAsync(chat);
        Assert.True(transcript.EndsWithDone);

        using var response = await client.GetAsync("/generation?id=" + id);

        var data = (await EmulatorClient.JsonAsync(response))["data"]!;
        Assert.True(Bool(data["streamed"]));
        Assert.False(Bool(data["cancelled"]));
    }

    [Fact]
    public async Task Generation_with_an_unknown_id_is_404()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.GetAsync("/generation?id=gen-0-nope");

        await EmulatorClient.AssertErrorAsync(response, 404, "Generation gen-0-nope not found");
    }

    [Fact]
    public async Task Generation_of_another_key_is_404()
    {
        await using var client = await EmulatorClient.StartAsync();
        using var chat = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody("emulator/echo", "mine"));
        var id = chat.Headers.GetValues("X-Generation-Id").Single();

        using var other = await client.GetAsync("/generation?id=" + id, ApiKeyRegistry.ManagementKey);
        using var own = await client.GetAsync("/generation?id=" + id);

        await EmulatorClient.AssertErrorAsync(other, 404, $"Generation {id} not found");
        Assert.Equal(200, (int)own.StatusCode);
    }

    [Theory]
    [InlineData("/generation")]
    [InlineData("/generation?id=")]
    public async Task Generation_without_an_id_is_400(string path)
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.GetAsync(path);

        await EmulatorClient.AssertErrorAsync(response, 400, "Invalid request parameters: the \"id\" query parameter is required.");
    }

    [Fact]
    public async Task Generation_can_404_on_the_first_lookup_only()
    {
        await using var client = await EmulatorClient.StartAsync(new EmulatorOptions { GenerationNotFoundOnFirstLookup = true });
        using var chat = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody("emulator/echo", "eventually"));
        var id = chat.Headers.GetValues("X-Generation-Id").Single();

        using var first = await client.GetAsync("/generation?id=" + id);
        using var second = await client.GetAsync("/generation?id=" + id);
        using var third = await client.GetAsync("/generation?id=" + id);

        await EmulatorClient.AssertErrorAsync(first, 404, $"Generation {id} not found");
        Assert.Equal(200, (int)second.StatusCode);
        Assert.Equal(id, Str((await EmulatorClient.JsonAsync(second))["data"]!["id"]));
        Assert.Equal(200, (int)third.StatusCode);
    }

    [Fact]
    public async Task Generation_pending_fault_in_the_header_answers_404()
    {
        await using var client = await EmulatorClient.StartAsync();
        using var chat = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody("emulator/echo", "pending"));
        var id = chat.Headers.GetValues("X-Generation-Id").Single();

        using var pending = await client.GetAsync("/generation?id=" + id, EmulatorClient.Key, (RequestPipeline.FaultHeader, FaultNames.GenerationPending));
        using var found = await client.GetAsync("/generation?id=" + id);

        await EmulatorClient.AssertErrorAsync(pending, 404, $"Generation {id} not found");
        Assert.Equal(200, (int)found.StatusCode);
    }

    [Fact]
    public async Task Generation_pending_fault_can_be_queued_for_a_number_of_lookups()
    {
        await using var client = await EmulatorClient.StartAsync();
        using var chat = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody("emulator/echo", "pending twice"));
        var id = chat.Headers.GetValues("X-Generation-Id").Single();
        client.Emulator.Faults.Enqueue(FaultNames.GenerationPending, "/generation", times: 2);

        using var first = await client.GetAsync("/generation?id=" + id);
        using var second = await client.GetAsync("/generation?id=" + id);
        using var third = await client.GetAsync("/generation?id=" + id);

        await EmulatorClient.AssertErrorAsync(first, 404, $"Generation {id} not found");
        await EmulatorClient.AssertErrorAsync(second, 404, $"Generation {id} not found");
        Assert.Equal(200, (int)third.StatusCode);
        Assert.Empty(client.Emulator.Faults.Pending);
    }

    private static JsonValueKind KindOf(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;
}
