using System.Net;
using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Emulator.Tests.Support;

namespace OpenClaw.OpenRouter.Emulator.Tests.Chat;

public sealed class ChatCompletionsTests
{
    private const string WeatherTool = """{"type":"function","function":{"name":"get_weather","description":"Weather for a city","parameters":{"type":"object","properties":{"city":{"type":"string"},"days":{"type":"integer","minimum":3}},"required":["city","days"]}}}""";

    [Fact]
    public async Task Non_streaming_answer_has_every_field_OpenRouter_sends()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody("emulator/echo", "hello there"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await EmulatorClient.JsonAsync(response);
        var id = body["id"]!.GetValue<string>();
        Assert.Matches("^gen-[0-9]+-[A-Za-z0-9]{20}$", id);
        Assert.Equal(id, response.Headers.GetValues("X-Generation-Id").Single());
        Assert.Equal("chat.completion", body["object"]!.GetValue<string>());
        Assert.Equal("emulator/echo", body["model"]!.GetValue<string>());
        Assert.Equal("Emulator", body["provider"]!.GetValue<string>());
        var choice = body["choices"]![0]!;
        Assert.Equal("stop", choice["finish_reason"]!.GetValue<string>());
        Assert.Equal("stop", choice["native_finish_reason"]!.GetValue<string>());
        Assert.Equal("assistant", choice["message"]!["role"]!.GetValue<string>());
        Assert.Equal("Echo: hello there", choice["message"]!["content"]!.GetValue<string>());
        var usage = body["usage"]!;
        Assert.True(usage["prompt_tokens"]!.GetValue<int>() > 0);
        Assert.Equal(5, usage["completion_tokens"]!.GetValue<int>());
        Assert.Equal(usage["prompt_tokens"]!.GetValue<int>() + 5, usage["total_tokens"]!.GetValue<int>());
        Assert.False(usage["is_byok"]!.GetValue<bool>());
        Assert.Equal(0, usage["prompt_tokens_details"]!["cached_tokens"]!.GetValue<int>());
        var prompt = usage["cost_details"]!["upstream_inference_prompt_cost"]!.GetValue<decimal>();
        var completion = usage["cost_details"]!["upstream_inference_completions_cost"]!.GetValue<decimal>();
        Assert.Equal(prompt + completion, usage["cost"]!.GetValue<decimal>());
        Assert.Equal(usage["prompt_tokens"]!.GetValue<int>() * 0.000001m, prompt);
        Assert.Equal(5 * 0.000002m, completion);
    }

    [Fact]
    public async Task Streaming_answer_is_framed_like_OpenRouter()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody("emulator/echo", "hello streaming world", stream: true));
        var sse = await SseTranscript.ReadAsync(response);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith(": OPENROUTER PROCESSING\n\ndata: {", sse.Raw, StringComparison.Ordinal);
        Assert.EndsWith("data: [DONE]\n\n", sse.Raw, StringComparison.Ordinal);
        Assert.Equal("Echo: hello streaming world", sse.Content);
        var chunks = sse.Chunks;
        Assert.True(chunks.Count >= 4);
        var id = response.Headers.GetValues("X-Generation-Id").Single();
        Assert.All(chunks, chunk =>
        {
            Assert.Equal(id, chunk["id"]!.GetValue<string>());
            Assert.Equal("chat.completion.chunk", chunk["object"]!.GetValue<string>());
            Assert.Equal("assistant", chunk["choices"]![0]!["delta"]!["role"]!.GetValue<string>());
        });
        var usageChunk = chunks[^1];
        Assert.Equal("stop", usageChunk["choices"]![0]!["finish_reason"]!.GetValue<string>());
        Assert.True(usageChunk["usage"]!["cost"]!.GetValue<decimal>() > 0);
        Assert.Equal("stop", chunks[^2]["choices"]![0]!["finish_reason"]!.GetValue<string>());
        Assert.Null(chunks[^2]["usage"]);
        Assert.All(chunks.SkipLast(2), chunk => Assert.Null(chunk["choices"]![0]!["finish_reason"]?.GetValue<string>()));
    }

    [Fact]
    public async Task Usage_chunk_can_carry_empty_choices_as_the_documentation_shows()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody("emulator/echo", "hi", stream: true), headers: ("X-Emulator-Fault", "usage-empty-choices"));
        var sse = await SseTranscript.ReadAsync(response);

        Assert.Empty(sse.Chunks[^1]["choices"]!.AsArray());
        Assert.NotNull(sse.Chunks[^1]["usage"]);
        Assert.True(sse.EndsWithDone);
    }

    [Fact]
    public async Task Reasoning_model_streams_reasoning_and_reasoning_details_before_the_answer()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody("emulator/reasoning", "why is the sky blue", stream: true));
        var sse = await SseTranscript.ReadAsync(response);

        var reasoning = sse.Reasoning();
        Assert.Equal("The user wrote \"why is the sky blue\". I will answer directly.", reasoning);
        var details = sse.Deltas.Where(d => d["reasoning_details"] is not null).SelectMany(d => d["reasoning_details"]!.AsArray()).ToList();
        Assert.Equal(reasoning, string.Concat(details.Select(d => d!["text"]!.GetValue<string>())));
        Assert.All(details, d =>
        {
            Assert.Equal("reasoning.text", d!["type"]!.GetValue<string>());
            Assert.Equal("unknown", d["format"]!.GetValue<string>());
        });
        var firstContent = sse.Deltas.ToList().FindIndex(d => d["content"]?.GetValue<string>() is { Length: > 0 });
        var lastReasoning = sse.Deltas.ToList().FindLastIndex(d => d["reasoning"] is not null);
        Assert.True(lastReasoning < firstContent);
        Assert.Equal("Echo: why is the sky blue", sse.Content);
        var usage = sse.Chunks[^1]["usage"]!;
        Assert.Equal(16, usage["completion_tokens_details"]!["reasoning_tokens"]!.GetValue<int>());
    }

    [Fact]
    public async Task Anthropic_reasoning_is_signed_and_only_sent_when_asked_for()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var withReasoning = await client.PostAsync("/chat/completions",
            EmulatorClient.ChatBody("anthropic/claude-sonnet-4.6", "hi", stream: false, extra: "\"reasoning\":{\"effort\":\"high\"}"));
        using var withoutReasoning = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody("anthropic/claude-sonnet-4.6", "hi"));
        using var effortNone = await client.PostAsync("/chat/completions",
            EmulatorClient.ChatBody("anthropic/claude-sonnet-4.6", "hi", extra: "\"reasoning\":{\"effort\":\"none\"}"));

        var message = (await EmulatorClient.JsonAsync(withReasoning))["choices"]![0]!["message"]!;
        var detail = message["reasoning_details"]![0]!;
        Assert.Equal("anthropic-claude-v1", detail["format"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(detail["signature"]!.GetValue<string>()));
        Assert.Equal(message["reasoning"]!.GetValue<string>(), detail["text"]!.GetValue<string>());
        Assert.Equal("end_turn", (await EmulatorClient.JsonAsync(withReasoning))["choices"]![0]!["native_finish_reason"]!.GetValue<string>());
        Assert.Null((await EmulatorClient.JsonAsync(withoutReasoning))["choices"]![0]!["message"]!["reasoning"]?.GetValue<string>());
        Assert.Empty((await EmulatorClient.JsonAsync(effortNone))["choices"]![0]!["message"]!["reasoning_details"]!.AsArray());
    }

    [Fact]
    public async Task Reasoning_can_arrive_as_reasoning_content_and_can_be_excluded()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var deepSeekStyle = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody("emulator/reasoning", "x", stream: true), headers: ("X-Emulator-Fault", "reasoning-content"));
        using var excluded = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody("emulator/reasoning", "x", extra: "\"reasoning\":{\"exclude\":true}"));

        var sse = await SseTranscript.ReadAsync(deepSeekStyle);
        Assert.NotEmpty(sse.Reasoning("reasoning_content"));
        Assert.Empty(sse.Reasoning("reasoning"));
        var body = await EmulatorClient.JsonAsync(excluded);
        Assert.Null(body["choices"]![0]!["message"]!["reasoning"]?.GetValue<string>());
        Assert.True(body["usage"]!["completion_tokens_details"]!["reasoning_tokens"]!.GetValue<int>() > 0);
    }

    [Fact]
    public async Task Tool_model_streams_a_tool_call_split_across_chunks()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostAsync("/chat/completions",
            EmulatorClient.ChatBody("emulator/tools", "Paris please", stream: true, extra: $"\"tools\":[{WeatherTool}]"));
        var sse = await SseTranscript.ReadAsync(response);

        var fragments = sse.Deltas.Where(d => d["tool_calls"] is not null).Select(d => d["tool_calls"]![0]!).ToList();
        Assert.True(fragments.Count >= 3);
        Assert.Equal(0, fragments[0]["index"]!.GetValue<int>());
        Assert.Equal("function", fragments[0]["type"]!.GetValue<string>());
        Assert.Equal("get_weather", fragments[0]["function"]!["name"]!.GetValue<string>());
        Assert.StartsWith("call_", fragments[0]["id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.All(fragments.Skip(1), f =>
        {
            Assert.Null(f["id"]);
            Assert.Null(f["function"]!["name"]);
            Assert.Equal(0, f["index"]!.GetValue<int>());
        });
        var arguments = JsonNode.Parse(string.Concat(fragments.Select(f => f["function"]!["arguments"]!.GetValue<string>())))!;
        Assert.Equal("Paris please", arguments["city"]!.GetValue<string>());
        Assert.Equal(3, arguments["days"]!.GetValue<int>());
        Assert.Equal("tool_calls", sse.Chunks[^1]["choices"]![0]!["finish_reason"]!.GetValue<string>());
        Assert.Equal("", sse.Content);
    }

    [Fact]
    public async Task Tool_capable_models_call_a_tool_only_when_the_user_names_it_or_it_is_required()
    {
        await using var client = await EmulatorClient.StartAsync();
        var tools = $"\"tools\":[{WeatherTool}]";

        using var plain = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody("openai/gpt-5.5", "hello", extra: tools));
        using var named = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody("openai/gpt-5.5", "use get_weather for Oslo", extra: tools));
        using var required = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody("openai/gpt-5.5", "hello", extra: tools + ",\"tool_choice\":\"required\""));
        using var none = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody("emulator/tools", "get_weather", extra: tools + ",\"tool_choice\":\"none\""));

        Assert.Equal("Echo: hello", (await EmulatorClient.JsonAsync(plain))["choices"]![0]!["message"]!["content"]!.GetValue<string>());
        var call = (await EmulatorClient.JsonAsync(named))["choices"]![0]!["message"]!["tool_calls"]![0]!;
        Assert.Equal("get_weather", call["function"]!["name"]!.GetValue<string>());
        Assert.Equal("tool_calls", (await EmulatorClient.JsonAsync(required))["choices"]![0]!["finish_reason"]!.GetValue<string>());
        Assert.Null((await EmulatorClient.JsonAsync(none))["choices"]![0]!["message"]!["tool_calls"]);
    }

    [Fact]
    public async Task A_tool_result_is_answered_with_its_content()
    {
        await using var client = await EmulatorClient.StartAsync();
        const string body = $$$"""
            {"model":"emulator/tools","tools":[{{{WeatherTool}}}],"messages":[
              {"role":"user","content":"weather?"},
              {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Oslo\",\"days\":3}"}}]},
              {"role":"tool","tool_call_id":"call_1","content":"Sunny, 21 C"}]}
            """;

        using var response = await client.PostAsync("/chat/completions", body);

        var message = (await EmulatorClient.JsonAsync(response))["choices"]![0]!["message"]!;
        Assert.Equal("Tool get_weather returned: Sunny, 21 C", message["content"]!.GetValue<string>());
        Assert.Null(message["tool_calls"]);
    }

    [Fact]
    public async Task Tools_sent_to_a_model_without_tool_support_find_no_endpoint()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody("emulator/echo", "hi", extra: $"\"tools\":[{WeatherTool}]"));

        await EmulatorClient.AssertErrorAsync(response, 404, "No endpoints found that support tool use");
    }

    [Theory]
    [InlineData("hello", "openai/gpt-5.5", "OpenAI")]
    [InlineData("use get_weather", "anthropic/claude-sonnet-4.6", "Anthropic")]
    public async Task Auto_router_reports_the_model_it_routed_to(string text, string routed, string provider)
    {
        await using var client = await EmulatorClient.StartAsync();
        var extra = text.Contains("get_weather", StringComparison.Ordinal) ? $"\"tools\":[{WeatherTool}]" : "";

        using var response = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody("openrouter/auto", text, stream: true, extra: extra));
        var sse = await SseTranscript.ReadAsync(response);

        Assert.All(sse.Chunks, chunk =>
        {
            Assert.Equal(routed, chunk["model"]!.GetValue<string>());
            Assert.Equal(provider, chunk["provider"]!.GetValue<string>());
        });
    }

    [Fact]
    public async Task Gemini_tool_calls_carry_thought_signatures_that_must_come_back()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var first = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody("google/gemini-3.1-pro-preview", "use get_weather", stream: true, extra: $"\"tools\":[{WeatherTool}]"));
        var sse = await SseTranscript.ReadAsync(first);
        var call = sse.Deltas.First(d => d["tool_calls"] is not null)["tool_calls"]![0]!;
        var callId = call["id"]!.GetValue<string>();
        var signature = sse.Deltas.SelectMany(d => d["reasoning_details"]?.AsArray() ?? []).Single(d => d!["type"]!.GetValue<string>() == "reasoning.encrypted")!;
        Assert.Equal(callId, signature["id"]!.GetValue<string>());
        Assert.Equal("google-gemini-v1", signature["format"]!.GetValue<string>());
        var signatureIndex = sse.Deltas.ToList().FindIndex(d => d["reasoning_details"]?.AsArray().Any(x => x!["type"]!.GetValue<string>() == "reasoning.encrypted") == true);
        var callIndex = sse.Deltas.ToList().FindIndex(d => d["tool_calls"] is not null);
        Assert.True(signatureIndex < callIndex);

        string Replay(string details) => $$$"""
            {"model":"google/gemini-3.1-pro-preview","tools":[{{{WeatherTool}}}],"messages":[
              {"role":"user","content":"use get_weather"},
              {"role":"assistant","content":null,{{{details}}}"tool_calls":[{"id":"{{{callId}}}","type":"function","function":{"name":"get_weather","arguments":"{}"}}]},
              {"role":"tool","tool_call_id":"{{{callId}}}","content":"Rain"}]}
            """;
        using var unsigned = await client.PostAsync("/chat/completions", Replay(""));
        using var signed = await client.PostAsync("/chat/completions", Replay($"\"reasoning_details\":[{signature.ToJsonString()}],"));

        var rejected = await EmulatorClient.AssertErrorAsync(unsigned, 400, "Provider returned error");
        Assert.Contains("Function call is missing a thought_signature", rejected["error"]!["metadata"]!["raw"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Google AI Studio", rejected["error"]!["metadata"]!["provider_name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
    }

    [Fact]
    public async Task Anthropic_rejects_an_assistant_prefill_only_when_reasoning_is_on()
    {
        await using var client = await EmulatorClient.StartAsync();
        static string Body(string reasoning) => $$"""
            {"model":"anthropic/claude-sonnet-4.6",{{reasoning}}"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"Sure,"}]}
            """;

        using var reasoning = await client.PostAsync("/chat/completions", Body("\"reasoning\":{\"effort\":\"high\"},"));
        using var noReasoning = await client.PostAsync("/chat/completions", Body(""));
        using var off = await client.PostAsync("/chat/completions", Body("\"reasoning\":{\"effort\":\"none\"},"));

        var rejected = await EmulatorClient.AssertErrorAsync(reasoning, 400, "Provider returned error");
        Assert.Contains("must end with a user message", rejected["error"]!["metadata"]!["raw"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, noReasoning.StatusCode);
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
    }

    [Fact]
    public async Task DeepSeek_V4_thinking_needs_reasoning_content_on_replayed_answers()
    {
        await using var client = await EmulatorClient.StartAsync();
        static string Body(string assistantExtra, string reasoning) => $$"""
            {"model":"deepseek/deepseek-v4-flash",{{reasoning}}"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"Hello",{{assistantExtra}}"reasoning":"thought"},{"role":"user","content":"again"}]}
            """;

        using var missing = await client.PostAsync("/chat/completions", Body("", ""));
        using var backfilled = await client.PostAsync("/chat/completions", Body("\"reasoning_content\":\"\",", ""));
        using var thinkingOff = await client.PostAsync("/chat/completions", Body("", "\"reasoning\":{\"effort\":\"none\"},"));

        var rejected = await EmulatorClient.AssertErrorAsync(missing, 400, "Provider returned error");
        Assert.Contains("reasoning_content in the thinking mode must be passed back", rejected["error"]!["metadata"]!["raw"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, backfilled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, thinkingOff.StatusCode);
        Assert.Null((await EmulatorClient.JsonAsync(thinkingOff))["choices"]![0]!["message"]!["reasoning"]?.GetValue<string>());
    }

    [Fact]
    public async Task Upstream_rules_can_be_switched_off()
    {
        await using var client = await EmulatorClient.StartAsync(new EmulatorOptions { StrictUpstreamRules = false });

        using var response = await client.PostAsync("/chat/completions",
            """{"model":"deepseek/deepseek-v4-flash","messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"Hello"},{"role":"user","content":"again"}]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Anthropic_allows_at_most_four_cache_breakpoints_and_reports_cache_reads()
    {
        await using var client = await EmulatorClient.StartAsync();
        static string Part(string text) => $$$"""{"type":"text","text":"{{{text}}}","cache_control":{"type":"ephemeral"}}""";
        var two = $$"""{"model":"anthropic/claude-sonnet-4.6","messages":[{"role":"system","content":[{{Part("You are helpful and this prompt is long enough")}}]},{"role":"user","content":[{{Part("hi")}}]}]}""";
        var five = $$"""{"model":"anthropic/claude-sonnet-4.6","messages":[{"role":"system","content":[{{Part("a")}},{{Part("b")}},{{Part("c")}}]},{"role":"user","content":[{{Part("d")}},{{Part("e")}}]}]}""";

        using var first = await client.PostAsync("/chat/completions", two);
        using var second = await client.PostAsync("/chat/completions", two);
        using var tooMany = await client.PostAsync("/chat/completions", five);

        var written = (await EmulatorClient.JsonAsync(first))["usage"]!["prompt_tokens_details"]!;
        var read = (await EmulatorClient.JsonAsync(second))["usage"]!["prompt_tokens_details"]!;
        Assert.True(written["cache_write_tokens"]!.GetValue<int>() > 0);
        Assert.Equal(0, written["cached_tokens"]!.GetValue<int>());
        Assert.Equal(written["cache_write_tokens"]!.GetValue<int>(), read["cached_tokens"]!.GetValue<int>());
        Assert.Equal(0, read["cache_write_tokens"]!.GetValue<int>());
        var rejected = await EmulatorClient.AssertErrorAsync(tooMany, 400, "Provider returned error");
        Assert.Contains("A maximum of 4 blocks with cache_control may be provided. Found 5.", rejected["error"]!["metadata"]!["raw"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_small_token_budget_cuts_the_answer_with_finish_reason_length()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostAsync("/chat/completions",
            EmulatorClient.ChatBody("emulator/echo", "a rather long sentence that will not fit", extra: "\"max_completion_tokens\":2"));

        var choice = (await EmulatorClient.JsonAsync(response))["choices"]![0]!;
        Assert.Equal("length", choice["finish_reason"]!.GetValue<string>());
        Assert.Equal("Echo: a ", choice["message"]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task Prompt_field_is_accepted_as_a_single_user_message()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostAsync("/chat/completions", """{"model":"emulator/echo","prompt":"from prompt"}""");

        Assert.Equal("Echo: from prompt", (await EmulatorClient.JsonAsync(response))["choices"]![0]!["message"]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task Model_variants_resolve_to_their_base_row()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody("deepseek/deepseek-v4-pro:nitro", "hi", extra: "\"reasoning\":{\"effort\":\"none\"}"));

        var body = await EmulatorClient.JsonAsync(response);
        Assert.Equal("deepseek/deepseek-v4-pro:nitro", body["model"]!.GetValue<string>());
        Assert.Equal("DeepSeek", body["provider"]!.GetValue<string>());
    }

    [Fact]
    public async Task Generation_record_and_spend_are_visible_as_soon_as_the_answer_ends()
    {
        await using var client = await EmulatorClient.StartAsync();
        var spent = 0m;

        for (var i = 0; i < 25; i++)
        {
            using var response = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody("emulator/echo", $"turn {i}", stream: i % 2 == 0));
            var cost = i % 2 == 0
                ? (await SseTranscript.ReadAsync(response)).Chunks[^1]["usage"]!["cost"]!.GetValue<decimal>()
                : (await EmulatorClient.JsonAsync(response))["usage"]!["cost"]!.GetValue<decimal>();
            spent += cost;
            using var generation = await client.GetAsync("/generation?id=" + response.Headers.GetValues("X-Generation-Id").Single());
            using var key = await client.GetAsync("/key");

            Assert.Equal(HttpStatusCode.OK, generation.StatusCode);
            Assert.Equal(cost, (await EmulatorClient.JsonAsync(generation))["data"]!["total_cost"]!.GetValue<decimal>());
            Assert.Equal(spent, (await EmulatorClient.JsonAsync(key))["data"]!["usage"]!.GetValue<decimal>());
        }
    }
}
