using System.Text.Json;
using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Models;
using OpenClaw.OpenRouter.Streaming;

namespace OpenClaw.OpenRouter.Tests.Streaming;

public sealed class ChatResponseAccumulatorTests
{
    [Theory]
    [InlineData("reasoning")]
    [InlineData("reasoning_content")]
    [InlineData("reasoning_text")]
    public void Thinking_is_read_from_every_reasoning_field_and_keeps_its_source(string field)
    {
        var accumulator = new ChatResponseAccumulator("deepseek/deepseek-v4-pro");

        var first = Apply(accumulator, Chunk($$"""{"role":"assistant","content":"","{{field}}":"Let me "}"""));
        var second = Apply(accumulator, Chunk($$"""{"role":"assistant","content":null,"{{field}}":"think."}"""));
        Apply(accumulator, Chunk("""{"content":"Done."}""", "\"stop\""));

        Assert.Equal(new ThinkingBlock("Let me ", field), Assert.Single(first).Thinking);
        Assert.Equal(new ThinkingBlock("think.", field), Assert.Single(second).Thinking);
        var result = accumulator.Build();
        Assert.Equal([new ThinkingBlock("Let me think.", field)], result.Thinking);
        Assert.Equal("Done.", result.Text);
    }

    [Fact]
    public void Reasoning_details_text_wins_over_the_plain_fields_so_nothing_is_counted_twice()
    {
        var accumulator = new ChatResponseAccumulator("anthropic/claude-sonnet-4.6");

        Apply(accumulator, Chunk("""{"reasoning":"Hmm","reasoning_details":[{"type":"reasoning.text","text":"Hmm","format":"anthropic-claude-v1","index":0}]}"""));
        Apply(accumulator, Chunk("""{"reasoning":", yes","reasoning_details":[{"type":"reasoning.text","text":", yes","signature":"sig==","format":"anthropic-claude-v1","index":0}]}"""));
        // Empty reasoning.text in this delta: the plain fields decide, in the order reasoning_content, reasoning, reasoning_text.
        Apply(accumulator, Chunk("""{"reasoning":"second","reasoning_content":"first","reasoning_details":[{"type":"reasoning.text","text":"","index":0}]}"""));

        var result = accumulator.Build();
        Assert.Equal([new ThinkingBlock("Hmm, yes", "reasoning_details"), new ThinkingBlock("first", "reasoning_content")], result.Thinking);
        Assert.Equal(3, result.ReasoningDetails.Count);
        Assert.Equal("""{"type":"reasoning.text","text":", yes","signature":"sig==","format":"anthropic-claude-v1","index":0}""", result.ReasoningDetails[1]!.ToJsonString());
    }

    [Fact]
    public void Summaries_are_kept_verbatim_but_are_not_thinking_and_output_text_details_are_visible_text()
    {
        var accumulator = new ChatResponseAccumulator("openai/gpt-5.5");

        var updates = Apply(accumulator, Chunk("""{"reasoning":"Plan","reasoning_details":[{"type":"reasoning.summary","summary":"Plan","format":"openai-responses-v1","index":0}]}"""));
        Apply(accumulator, Chunk("""{"reasoning_details":[{"type":"response.output_text","text":"Vis"},{"type":"response.text","text":"ible"}]}""", "\"stop\""));

        var result = accumulator.Build();
        Assert.Equal([new ThinkingBlock("Plan", "reasoning")], result.Thinking);
        Assert.Equal("Visible", result.Text);
        Assert.Equal(
            """[{"type":"reasoning.summary","summary":"Plan","format":"openai-responses-v1","index":0},{"type":"response.output_text","text":"Vis"},{"type":"response.text","text":"ible"}]""",
            result.ReasoningDetails.ToJsonString());
        var update = Assert.Single(updates);
        Assert.Equal("""[{"type":"reasoning.summary","summary":"Plan","format":"openai-responses-v1","index":0}]""", update.ReasoningDetails!.ToJsonString());
    }

    [Fact]
    public void Consecutive_fragments_of_one_source_merge_and_a_new_source_or_visible_text_starts_a_new_block()
    {
        var accumulator = new ChatResponseAccumulator("deepseek/deepseek-v4-flash");

        foreach (var delta in new[]
        {
            """{"reasoning":"a"}""", """{"reasoning":"b"}""", """{"reasoning_content":"c"}""", """{"reasoning":"d"}""",
            """{"content":"T"}""", """{"reasoning":"e"}""", """{"reasoning":"f"}""",
        })
        {
            Apply(accumulator, Chunk(delta));
        }

        Assert.Equal(
            [new ThinkingBlock("ab", "reasoning"), new ThinkingBlock("c", "reasoning_content"), new ThinkingBlock("d", "reasoning"), new ThinkingBlock("ef", "reasoning")],
            accumulator.Build().Thinking);
    }

    [Fact]
    public void Content_arrays_split_into_thinking_and_text_and_refusal_is_visible_text()
    {
        var accumulator = new ChatResponseAccumulator("acme/parts");

        var updates = Apply(accumulator, Chunk("""{"content":[{"type":"thinking","thinking":"ponder"},{"type":"text","text":"Hello "},{"type":"output_text","text":"world"},{"type":"image_url","image_url":{"url":"x"}}]}"""));
        Apply(accumulator, Chunk("""{"content":null,"refusal":" I can't help with that."}""", "\"stop\""));

        var result = accumulator.Build();
        Assert.Equal("Hello world I can't help with that.", result.Text);
        Assert.Equal(" I can't help with that.", result.Refusal);
        Assert.Equal([new ThinkingBlock("ponder", "reasoning")], result.Thinking);
        var update = Assert.Single(updates);
        Assert.Equal(new ThinkingBlock("ponder", "reasoning"), update.Thinking);
        Assert.Equal("Hello world", update.Text);
    }

    [Fact]
    public void Parallel_tool_calls_accumulate_by_index_and_arrive_whole_on_the_finish_reason()
    {
        var accumulator = new ChatResponseAccumulator("openai/gpt-5.5");
        var updates = new List<OpenRouterChatUpdate>();

        updates.AddRange(Apply(accumulator, Chunk("""{"tool_calls":[{"index":0,"id":"call_a","type":"function","function":{"name":"get_weather","arguments":""}}]}""")));
        updates.AddRange(Apply(accumulator, Chunk("""{"tool_calls":[{"index":1,"id":"call_b","type":"function","function":{"name":"get_time","arguments":"{\"tz\":"}}]}""")));
        updates.AddRange(Apply(accumulator, Chunk("""{"tool_calls":[{"index":0,"function":{"arguments":"{\"city\""}}]}""")));
        updates.AddRange(Apply(accumulator, Chunk("""{"tool_calls":[{"index":0,"function":{"arguments":":\"Paris\"}"}},{"index":1,"function":{"arguments":"\"CET\"}"}}]}""")));
        Assert.DoesNotContain(updates, update => update.ToolCalls is not null);
        updates.AddRange(Apply(accumulator, Chunk("{}", "\"tool_calls\"")));

        OpenRouterToolCall[] expected = [new("call_a", "get_weather", """{"city":"Paris"}"""), new("call_b", "get_time", """{"tz":"CET"}""")];
        var emitted = Assert.Single(updates, update => update.ToolCalls is not null);
        Assert.Equal(expected, emitted.ToolCalls);
        Assert.Equal(OpenRouterFinishReason.ToolCalls, emitted.FinishReason);
        var result = accumulator.Build();
        Assert.Equal(expected, result.ToolCalls);
        Assert.Equal(OpenRouterStopReason.ToolUse, result.StopReason);
        Assert.Empty(accumulator.Complete());
    }

    [Fact]
    public void Tool_calls_without_an_index_accumulate_by_id_and_a_new_id_on_a_reused_index_is_a_new_call()
    {
        var accumulator = new ChatResponseAccumulator("google/gemini-3-flash-preview");

        Apply(accumulator, Chunk("""{"tool_calls":[{"id":"tool_1","function":{"name":"a","arguments":"{"}}]}"""));
        Apply(accumulator, Chunk("""{"tool_calls":[{"id":"tool_1","function":{"name":"a","arguments":"}"}}]}"""));
        Apply(accumulator, Chunk("""{"tool_calls":[{"index":0,"id":"tool_2","function":{"name":"b","arguments":"{}"}}]}"""));
        Apply(accumulator, Chunk("""{"tool_calls":[{"index":0,"id":"tool_3","function":{"name":"c","arguments":"[]"}}]}"""));
        Apply(accumulator, Chunk("""{"tool_calls":[{"index":0,"function":{"arguments":""}}]}""", "\"stop\""));

        var result = accumulator.Build();
        Assert.Equal([new("tool_1", "a", "{}"), new("tool_2", "b", "{}"), new OpenRouterToolCall("tool_3", "c", "[]")], result.ToolCalls);
        Assert.Equal(OpenRouterStopReason.ToolUse, result.StopReason);
    }

    [Fact]
    public void Encrypted_reasoning_becomes_the_thought_signature_of_its_tool_call_whether_it_comes_first_or_last()
    {
        var accumulator = new ChatResponseAccumulator("google/gemini-3.1-pro-preview");
        const string Early = """{"type":"reasoning.encrypted","data":"Q+k/x=","id":"tool_early","format":"google-gemini-v1","index":0}""";
        const string Late = """{"type":"reasoning.encrypted","data":"Zz+/9","id":"tool_late","format":"google-gemini-v1","index":1}""";

        Apply(accumulator, Chunk($$"""{"reasoning_details":[ {{Early.Replace(",", ", ", StringComparison.Ordinal)}} ]}"""));
        Apply(accumulator, Chunk("""{"tool_calls":[{"index":0,"id":"tool_early","function":{"name":"first","arguments":"{}"}}]}"""));
        Apply(accumulator, Chunk("""{"tool_calls":[{"index":1,"id":"tool_late","function":{"name":"second","arguments":"{}"}}]}"""));
        Apply(accumulator, Chunk("""{"reasoning_details":[{"type":"reasoning.encrypted","data":"","id":"tool_late"},{"type":"reasoning.encrypted","data":"x","id":""}]}"""));
        var last = Apply(accumulator, Chunk($$"""{"reasoning_details":[{{Late}}]}""", "\"tool_calls\""));

        var result = accumulator.Build();
        Assert.Equal(Early, result.ToolCalls[0].ThoughtSignature);
        Assert.Equal(Late, result.ToolCalls[1].ThoughtSignature);
        Assert.Equal(Late, Assert.Single(last, update => update.ToolCalls is not null).ToolCalls![1].ThoughtSignature);
        Assert.Equal(4, result.ReasoningDetails.Count);
        Assert.Empty(result.Thinking);
    }

    [Fact]
    public void Tool_call_arguments_may_reach_exactly_the_limit_and_one_byte_more_fails_with_the_partial_result()
    {
        var accumulator = new ChatResponseAccumulator("openai/gpt-5.5");
        var piece = new string('x', 64_000);
        Apply(accumulator, Chunk("""{"content":"Calling."}"""));
        Apply(accumulator, Chunk("""{"tool_calls":[{"index":0,"id":"call_1","function":{"name":"write","arguments":""}}]}"""));
        for (var i = 0; i < 4; i++)
        {
            Apply(accumulator, Chunk($$$"""{"tool_calls":[{"index":0,"function":{"arguments":"{{{piece}}}"}}]}"""));
        }

        var error = Assert.Throws<OpenRouterException>(() => Apply(accumulator, Chunk("""{"tool_calls":[{"index":0,"function":{"arguments":"y"}}]}""")));

        Assert.Equal("Exceeded tool-call argument buffer limit", error.Message);
        Assert.Equal("Calling.", error.PartialResult!.Text);
        Assert.Equal(256_000, Assert.Single(error.PartialResult.ToolCalls).Arguments.Length);
    }

    [Fact]
    public void Text_arriving_while_a_tool_call_is_open_follows_the_tool_call()
    {
        var accumulator = new ChatResponseAccumulator("openai/gpt-5.5");
        var updates = new List<OpenRouterChatUpdate>();

        updates.AddRange(Apply(accumulator, Chunk("""{"content":"Before. "}""")));
        updates.AddRange(Apply(accumulator, Chunk("""{"tool_calls":[{"index":0,"id":"call_1","function":{"name":"f","arguments":"{}"}}]}""")));
        updates.AddRange(Apply(accumulator, Chunk("""{"content":"After","reasoning":"hm"}""")));
        updates.AddRange(Apply(accumulator, Chunk("""{"content":" more"}""")));
        var finish = Apply(accumulator, Chunk("""{"content":"!"}""", "\"tool_calls\""));
        updates.AddRange(finish);

        Assert.Equal(2, finish.Count);
        Assert.Equal([new OpenRouterToolCall("call_1", "f", "{}")], finish[0].ToolCalls);
        Assert.Null(finish[0].FinishReason);
        Assert.Equal(new ThinkingBlock("hm", "reasoning"), finish[1].Thinking);
        Assert.Equal("After more!", finish[1].Text);
        Assert.Equal(OpenRouterFinishReason.ToolCalls, finish[1].FinishReason);
        Assert.Equal("Before. ", Assert.Single(updates.Take(updates.Count - 2), update => update.Text is not null).Text);
        Assert.Equal("Before. After more!", accumulator.Build().Text);
    }

    [Fact]
    public void Held_back_text_over_the_limit_fails()
    {
        var accumulator = new ChatResponseAccumulator("openai/gpt-5.5");
        Apply(accumulator, Chunk("""{"tool_calls":[{"index":0,"id":"call_1","function":{"name":"f","arguments":"{}"}}]}"""));
        // 4 × 64,000 bytes of two-byte characters reach the limit exactly.
        var piece = new string('é', 32_000);
        for (var i = 0; i < 4; i++)
        {
            Apply(accumulator, Chunk($$"""{"content":"{{piece}}"}"""));
        }

        var error = Assert.Throws<OpenRouterException>(() => Apply(accumulator, Chunk("""{"reasoning":"z"}""")));

        Assert.Equal("Exceeded post-tool-call delta buffer limit", error.Message);
        Assert.Equal(128_000, error.PartialResult!.Text.Length);
        Assert.Single(error.PartialResult.ToolCalls);
    }

    [Fact]
    public void Tool_calls_still_open_when_the_answer_ends_are_emitted_by_Complete()
    {
        var accumulator = new ChatResponseAccumulator("openai/gpt-5.5");
        Apply(accumulator, Chunk("""{"tool_calls":[{"index":0,"id":"call_1","function":{"name":"f","arguments":"{}"}}]}"""));
        Apply(accumulator, Chunk("""{"content":"tail"}"""));

        var rest = accumulator.Complete();

        Assert.False(accumulator.HasFinishReason);
        Assert.Equal(2, rest.Count);
        Assert.Equal([new OpenRouterToolCall("call_1", "f", "{}")], rest[0].ToolCalls);
        Assert.Equal("tail", rest[1].Text);
        Assert.Equal(OpenRouterStopReason.ToolUse, accumulator.Build().StopReason);
    }

    [Fact]
    public void Usage_on_a_final_chunk_with_no_choices_is_read_and_priced_by_OpenRouter()
    {
        var accumulator = new ChatResponseAccumulator("openai/gpt-5.5", new ModelPricing(1m, 2m, 0.1m, 1.25m));
        Apply(accumulator, Chunk("""{"content":"Hi"}""", "\"stop\""));

        var updates = Apply(accumulator, """
            {"id":"gen-1","object":"chat.completion.chunk","model":"openai/gpt-5.5","provider":"OpenAI","choices":[],
             "usage":{"prompt_tokens":1000,"completion_tokens":50,"total_tokens":1050,"cost":0.00021,"is_byok":false,
               "prompt_tokens_details":{"cached_tokens":200,"cache_write_tokens":100},
               "completion_tokens_details":{"reasoning_tokens":30},
               "cost_details":{"upstream_inference_cost":null,"upstream_inference_prompt_cost":0.0002,"upstream_inference_completions_cost":0.00001}}}
            """);

        var usage = Assert.Single(updates).Usage!;
        Assert.Equal(usage, accumulator.Build().Usage, UsageComparer);
        Assert.Equal(1000, usage.PromptTokens);
        Assert.Equal(50, usage.CompletionTokens);
        Assert.Equal(200, usage.CacheReadTokens);
        Assert.Equal(100, usage.CacheWriteTokens);
        Assert.Equal(700, usage.InputTokens);
        Assert.Equal(50, usage.OutputTokens);
        Assert.Equal(1050, usage.TotalTokens);
        Assert.Equal(30, usage.ReasoningTokens);
        Assert.Equal(0.00021m, usage.Cost);
        Assert.Equal("provider-billed", usage.CostOrigin);
        Assert.False(usage.IsByok);
        Assert.Equal("""{"upstream_inference_cost":null,"upstream_inference_prompt_cost":0.0002,"upstream_inference_completions_cost":0.00001}""", usage.CostDetails!.ToJsonString());
        Assert.Equal(1050, usage.Raw!["total_tokens"]!.GetValue<long>());
        Assert.Equal(OpenRouterStopReason.Stop, accumulator.Build().StopReason);
    }

    [Fact]
    public void Usage_on_the_repeated_final_choice_is_read_and_the_last_usage_wins()
    {
        var accumulator = new ChatResponseAccumulator("openai/gpt-5.5");
        Apply(accumulator, Chunk("""{"content":"Hi"}""", "\"stop\"", usage: """{"prompt_tokens":1,"completion_tokens":1}"""));

        var updates = Apply(accumulator, Chunk("""{"content":""}""", "\"stop\"", usage: """{"prompt_tokens":10,"completion_tokens":4,"cost":0}"""));

        var update = Assert.Single(updates);
        Assert.Equal(OpenRouterFinishReason.Stop, update.FinishReason);
        Assert.Null(update.Text);
        var usage = accumulator.Build().Usage!;
        Assert.Equal(10, usage.PromptTokens);
        Assert.Equal(4, usage.CompletionTokens);
        Assert.Null(usage.ReasoningTokens);
        Assert.Equal(0m, usage.Cost);
        Assert.Equal("provider-billed", usage.CostOrigin);
        Assert.Equal("Hi", accumulator.Build().Text);
    }

    [Theory]
    [InlineData("""{"prompt_tokens":1000,"completion_tokens":100}""", 0, 0, "0.0014")]
    [InlineData("""{"prompt_tokens":1000,"completion_tokens":100,"cost":-1}""", 0, 0, "0.0014")]
    [InlineData("""{"prompt_tokens":1000,"completion_tokens":100,"cost":"0.5"}""", 0, 0, "0.0014")]
    [InlineData("""{"prompt_tokens":1000,"completion_tokens":100,"prompt_tokens_details":{"cached_tokens":400}}""", 400, 0, "0.00104")]
    [InlineData("""{"prompt_tokens":1000,"completion_tokens":100,"prompt_cache_hit_tokens":400}""", 400, 0, "0.00104")]
    [InlineData("""{"prompt_tokens":1000,"completion_tokens":100,"prompt_tokens_details":{"cached_tokens":null},"prompt_cache_hit_tokens":400}""", 400, 0, "0.00104")]
    [InlineData("""{"prompt_tokens":1000,"completion_tokens":100,"prompt_tokens_details":{"cache_write_tokens":200}}""", 0, 200, "0.00145")]
    [InlineData("""{"prompt_tokens":1000,"completion_tokens":100,"prompt_tokens_details":{"cache_creation_input_tokens":200}}""", 0, 200, "0.00145")]
    [InlineData("""{"prompt_tokens":1000,"completion_tokens":100,"cache_creation_input_tokens":200}""", 0, 200, "0.00145")]
    [InlineData("""{"prompt_tokens":100,"completion_tokens":100,"prompt_tokens_details":{"cached_tokens":400,"cache_write_tokens":200}}""", 400, 200, "0.00069")]
    public void Without_a_billed_cost_the_cost_is_estimated_from_the_prices(string usageJson, long cacheRead, long cacheWrite, string expectedCost)
    {
        // $1 input, $4 output, $0.10 cache read, $1.25 cache write per million tokens.
        var accumulator = new ChatResponseAccumulator("acme/model", new ModelPricing(1m, 4m, 0.1m, 1.25m));

        Apply(accumulator, Chunk("{}", "\"stop\"", usage: usageJson));

        var usage = accumulator.Build().Usage!;
        Assert.Equal(cacheRead, usage.CacheReadTokens);
        Assert.Equal(cacheWrite, usage.CacheWriteTokens);
        Assert.Equal(decimal.Parse(expectedCost, System.Globalization.CultureInfo.InvariantCulture), usage.Cost);
        Assert.Equal("estimated", usage.CostOrigin);
    }

    [Fact]
    public void Without_a_billed_cost_or_prices_there_is_no_cost()
    {
        var accumulator = new ChatResponseAccumulator("acme/model");

        Apply(accumulator, Chunk("{}", "\"stop\"", usage: """{"prompt_tokens":5,"completion_tokens":2,"is_byok":true}"""));

        var usage = accumulator.Build().Usage!;
        Assert.Null(usage.Cost);
        Assert.Null(usage.CostOrigin);
        Assert.True(usage.IsByok);
        Assert.Null(usage.CostDetails);
    }

    [Theory]
    [InlineData("stop", false, "stop", null)]
    [InlineData("end", false, "stop", null)]
    [InlineData(null, false, "stop", null)]
    [InlineData("", false, "stop", null)]
    [InlineData("length", false, "length", null)]
    [InlineData("tool_calls", true, "toolUse", null)]
    [InlineData("tool_call", true, "toolUse", null)]
    [InlineData("function_call", true, "toolUse", null)]
    [InlineData("tool_calls", false, "stop", null)]
    [InlineData("stop", true, "toolUse", null)]
    [InlineData(null, true, "toolUse", null)]
    [InlineData("length", true, "length", null)]
    [InlineData("content_filter", false, "error", "Provider finish_reason: content_filter")]
    [InlineData("network_error", false, "error", "Provider finish_reason: network_error")]
    [InlineData("error", false, "error", "Provider finish_reason: error")]
    [InlineData("weird_new_reason", false, "error", "Provider finish_reason: weird_new_reason")]
    public void Finish_reasons_map_to_stop_reasons(string? finishReason, bool withToolCall, string expectedStop, string? expectedError)
    {
        var accumulator = new ChatResponseAccumulator("acme/model");
        Apply(accumulator, Chunk(withToolCall ? """{"tool_calls":[{"index":0,"id":"c1","function":{"name":"f","arguments":"{}"}}]}""" : """{"content":"x"}"""));

        var updates = Apply(accumulator, Chunk("{}", finishReason is null ? "null" : "\"" + finishReason + "\""));

        var result = accumulator.Build();
        Assert.Equal(expectedStop, result.StopReason.Value);
        Assert.Equal(expectedError, result.ErrorMessage);
        Assert.Equal(finishReason, result.FinishReason?.Value);
        Assert.Equal("native-" + (finishReason ?? "none"), result.NativeFinishReason);
        if (finishReason is { Length: > 0 })
        {
            Assert.Equal(finishReason, Assert.Single(updates, update => update.FinishReason is not null).FinishReason!.Value.Value);
        }
        else
        {
            Assert.DoesNotContain(updates, update => update.FinishReason is not null);
        }
        Assert.Equal(finishReason is { Length: > 0 }, accumulator.HasFinishReason);
    }

    [Theory]
    [InlineData("429", typeof(OpenRouterRateLimitException), 429)]
    [InlineData("\"502\"", typeof(OpenRouterServerException), 502)]
    [InlineData("\"oops\"", typeof(OpenRouterException), null)]
    public void A_mid_stream_error_chunk_throws_the_typed_error_with_the_partial_result(string code, Type expectedType, int? expectedCode)
    {
        var accumulator = new ChatResponseAccumulator("openai/gpt-4o");
        Apply(accumulator, Chunk("""{"reasoning":"Thinking"}""", id: "gen-err"));
        Apply(accumulator, Chunk("""{"content":"Partial "}""", id: "gen-other"));

        var error = Assert.ThrowsAny<OpenRouterException>(() => Apply(accumulator, $$$"""
            {"id":"gen-err","object":"chat.completion.chunk","model":"openai/gpt-4o","provider":"OpenAI",
             "error":{"code":{{{code}}},"message":"Rate limit exceeded","metadata":{"error_type":"rate_limit_exceeded","provider_name":"OpenAI","raw":"upstream said no","retry_after_seconds":16}},
             "choices":[{"index":0,"delta":{"content":"answer"},"finish_reason":"error","native_finish_reason":"rate_limited"}]}
            """));

        Assert.IsType(expectedType, error);
        Assert.Equal("Rate limit exceeded", error.Message);
        Assert.Equal("Rate limit exceeded", error.ErrorMessage);
        Assert.Equal(expectedCode, error.Code);
        Assert.Null(error.StatusCode);
        Assert.True(error.Details.InBand);
        Assert.Equal("OpenAI", error.ProviderName);
        Assert.Equal("upstream said no", error.RawError);
        Assert.Equal("rate_limit_exceeded", error.Metadata!["error_type"]!.GetValue<string>());
        Assert.Equal("gen-err", error.GenerationId);
        Assert.Equal(TimeSpan.FromSeconds(16), error.RetryAfter);
        var partial = error.PartialResult!;
        Assert.Equal("Partial answer", partial.Text);
        Assert.Equal([new ThinkingBlock("Thinking", "reasoning")], partial.Thinking);
        Assert.Equal(OpenRouterStopReason.Error, partial.StopReason);
        Assert.Equal("Rate limit exceeded", partial.ErrorMessage);
        Assert.Equal(OpenRouterFinishReason.Error, partial.FinishReason);
        Assert.Equal("rate_limited", partial.NativeFinishReason);
        Assert.Equal("gen-err", partial.Id);
    }

    [Fact]
    public void A_whole_response_goes_through_the_same_path()
    {
        var accumulator = new ChatResponseAccumulator("google/gemini-3-flash-preview");

        var updates = Apply(accumulator, """
            {"id":"gen-1767358919-AbCdEfGhIjKlMnOpQrSt","object":"chat.completion","created":1767358919,
             "model":"google/gemini-3-flash-preview","provider":"Google AI Studio","system_fingerprint":null,
             "choices":[{"index":0,"finish_reason":"tool_calls","native_finish_reason":"STOP","logprobs":null,
               "message":{"role":"assistant","content":"Checking.","refusal":null,"reasoning":"Need weather.",
                 "reasoning_details":[{"type":"reasoning.encrypted","data":"c2ln+/==","id":"tool_1","format":"google-gemini-v1","index":0}],
                 "tool_calls":[{"id":"tool_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}}],
                 "images":[{"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}}],
                 "annotations":[{"type":"url_citation","url_citation":{"url":"https://example.com"}}]}}],
             "usage":{"prompt_tokens":100,"completion_tokens":10,"total_tokens":110,"cost":0.00021,"is_byok":false,
               "prompt_tokens_details":{"cached_tokens":0,"cache_write_tokens":0,"audio_tokens":0},
               "completion_tokens_details":{"reasoning_tokens":0,"image_tokens":0}}}
            """);

        var result = accumulator.Build();
        Assert.Equal("gen-1767358919-AbCdEfGhIjKlMnOpQrSt", result.Id);
        Assert.Equal("google/gemini-3-flash-preview", result.Model);
        Assert.Equal("Google AI Studio", result.Provider);
        Assert.Equal("Checking.", result.Text);
        Assert.Equal([new ThinkingBlock("Need weather.", "reasoning")], result.Thinking);
        var call = Assert.Single(result.ToolCalls);
        Assert.Equal(new OpenRouterToolCall("tool_1", "get_weather", """{"city":"Paris"}""")
        {
            ThoughtSignature = """{"type":"reasoning.encrypted","data":"c2ln+/==","id":"tool_1","format":"google-gemini-v1","index":0}""",
        }, call);
        Assert.Equal("""[{"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}}]""", result.Images.ToJsonString());
        Assert.Equal("""[{"type":"url_citation","url_citation":{"url":"https://example.com"}}]""", result.Annotations.ToJsonString());
        Assert.Single(result.ReasoningDetails);
        Assert.Equal(OpenRouterStopReason.ToolUse, result.StopReason);
        Assert.Equal("STOP", result.NativeFinishReason);
        Assert.Equal(0.00021m, result.Usage!.Cost);
        Assert.Equal(110, result.Usage.TotalTokens);

        Assert.Equal(2, updates.Count);
        Assert.Equal("Checking.", updates[0].Text);
        Assert.Equal(new ThinkingBlock("Need weather.", "reasoning"), updates[0].Thinking);
        Assert.Single(updates[0].Images!);
        Assert.Equal([call], updates[1].ToolCalls);
        Assert.Equal(OpenRouterFinishReason.ToolCalls, updates[1].FinishReason);
        Assert.NotNull(updates[1].Usage);
    }

    [Fact]
    public void A_200_with_partial_output_and_a_choice_error_throws_with_the_partial_result()
    {
        var accumulator = new ChatResponseAccumulator("openai/gpt-4o");

        var error = Assert.Throws<OpenRouterServerException>(() => Apply(accumulator, """
            {"id":"gen-9","model":"openai/gpt-4o","provider":"OpenAI",
             "choices":[{"index":0,"finish_reason":"error","message":{"role":"assistant","content":"Half an ans"},
               "error":{"code":502,"message":"Provider returned error","metadata":{"provider_name":"OpenAI","raw":"{\"error\":\"boom\"}"}}}]}
            """));

        Assert.Equal("Provider returned error", error.Message);
        Assert.Equal(502, error.Code);
        Assert.Equal("{\"error\":\"boom\"}", error.RawError);
        Assert.Equal("gen-9", error.GenerationId);
        Assert.Equal("Half an ans", error.PartialResult!.Text);
    }

    [Fact]
    public void A_200_error_body_without_choices_throws()
    {
        var accumulator = new ChatResponseAccumulator("openai/gpt-4o");

        var error = Assert.Throws<OpenRouterPaymentRequiredException>(() => Apply(accumulator, """{"error":{"code":402,"message":"Insufficient credits"},"user_id":"user_1"}"""));

        Assert.Equal("Insufficient credits", error.Message);
        Assert.Null(error.GenerationId);
        Assert.Null(error.Metadata);
        Assert.Equal("", error.PartialResult!.Text);
        Assert.Equal(OpenRouterStopReason.Error, error.PartialResult.StopReason);
    }

    [Fact]
    public void Images_in_deltas_are_kept_verbatim()
    {
        var accumulator = new ChatResponseAccumulator("google/gemini-3-pro-image-preview");

        var updates = Apply(accumulator, Chunk("""{"images":[{"type":"image_url","image_url":{"url":"data:image/png;base64,AAA="},"index":0}]}"""));
        Apply(accumulator, Chunk("""{"images":[{"type":"image_url","image_url":{"url":"data:image/png;base64,BBB="},"index":1}]}""", "\"stop\""));

        Assert.Equal("""[{"type":"image_url","image_url":{"url":"data:image/png;base64,AAA="},"index":0}]""", Assert.Single(updates).Images!.ToJsonString());
        Assert.Equal(
            """[{"type":"image_url","image_url":{"url":"data:image/png;base64,AAA="},"index":0},{"type":"image_url","image_url":{"url":"data:image/png;base64,BBB="},"index":1}]""",
            accumulator.Build().Images.ToJsonString());
    }

    [Fact]
    public void A_routed_model_is_reported_next_to_the_requested_one_from_the_first_chunk()
    {
        var accumulator = new ChatResponseAccumulator("openrouter/auto");

        var first = Apply(accumulator, Chunk("""{"role":"assistant","content":""}""", id: "gen-auto"));
        var second = Apply(accumulator, Chunk("""{"role":"assistant","content":""}""", id: "gen-auto"));
        Apply(accumulator, Chunk("""{"content":"ok"}""", "\"stop\"", id: "gen-later"));

        var update = Assert.Single(first);
        Assert.Equal("gen-auto", update.ResponseId);
        Assert.Equal("anthropic/claude-sonnet-4.6", update.Model);
        Assert.Equal("Anthropic", update.Provider);
        Assert.Null(update.Text);
        Assert.Empty(second);
        var result = accumulator.Build();
        Assert.Equal("openrouter/auto", result.RequestedModel);
        Assert.Equal("anthropic/claude-sonnet-4.6", result.Model);
        Assert.Equal("gen-auto", result.Id);
    }

    [Fact]
    public void Build_returns_independent_snapshots()
    {
        var accumulator = new ChatResponseAccumulator("acme/model");
        Apply(accumulator, Chunk("""{"reasoning_details":[{"type":"reasoning.summary","summary":"s"}],"images":[{"type":"image_url","image_url":{"url":"u"}}]}""", "\"stop\""));

        var first = accumulator.Build();
        first.ReasoningDetails.Clear();
        first.Images.Clear();
        var second = accumulator.Build();

        Assert.Single(second.ReasoningDetails);
        Assert.Single(second.Images);
    }

    private static readonly IEqualityComparer<OpenRouterUsage?> UsageComparer = EqualityComparer<OpenRouterUsage?>.Create(
        (left, right) => left is not null && right is not null && left with { CostDetails = null, Raw = null } == right with { CostDetails = null, Raw = null });

    private static IReadOnlyList<OpenRouterChatUpdate> Apply(ChatResponseAccumulator accumulator, string json)
    {
        // The document is disposed at once: anything the accumulator kept must be its own copy.
        using var document = JsonDocument.Parse(json);
        return accumulator.ApplyChunk(document.RootElement);
    }

    private static string Chunk(string delta, string finishReason = "null", string id = "gen-1", string? usage = null)
    {
        var native = finishReason == "null" ? "\"native-none\"" : "\"native-" + finishReason.Trim('"') + "\"";
        var usageJson = usage is null ? "" : ",\"usage\":" + usage;
        return $$$"""{"id":"{{{id}}}","object":"chat.completion.chunk","created":1795481301,"model":"anthropic/claude-sonnet-4.6","provider":"Anthropic","choices":[{"index":0,"delta":{{{delta}}},"finish_reason":{{{finishReason}}},"native_finish_reason":{{{native}}},"logprobs":null}]{{{usageJson}}}}""";
    }
}
