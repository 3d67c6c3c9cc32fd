using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using OpenClaw.OpenRouter.AI;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Emulator;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Models;
using OpenClaw.OpenRouter.Reasoning;
using OpenClaw.OpenRouter.Tests.Support;

namespace OpenClaw.OpenRouter.Tests.AI;

/// <summary>The MEAI chat client against the emulator: answers, streams, reasoning, images, usage with cost, errors.</summary>
public sealed class OpenRouterChatClientTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>emulator/echo can reason; with thinking on its first chunks are thinking, so the partial-text tests switch it off.</summary>
    private static ChatOptions NoThinking() => new() { AdditionalProperties = new() { ["openrouter"] = new OpenRouterChatOptions { Thinking = ThinkingLevel.Off } } };

    [Fact]
    public async Task A_response_reads_text_routed_model_generation_id_usage_and_billed_cost()
    {
        await using var harness = await ClientHarness.StartAsync();
        using var chat = new OpenRouterChatClient(harness.Client, "openrouter/auto");

        var response = await chat.GetResponseAsync("hi", cancellationToken: Token);

        Assert.Equal("Echo: hi", response.Text);
        Assert.Equal("openai/gpt-5.5", response.ModelId);
        Assert.StartsWith("gen-", response.ResponseId, StringComparison.Ordinal);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        var message = Assert.Single(response.Messages);
        Assert.Equal(ChatRole.Assistant, message.Role);
        Assert.Equal(response.ResponseId, message.MessageId);
        Assert.IsType<OpenRouterChatResult>(response.RawRepresentation);
        Assert.Equal("OpenAI", response.AdditionalProperties?[OpenRouterPropertyNames.Provider]);
        Assert.Equal(OpenRouterUsage.ProviderBilled, response.AdditionalProperties?[OpenRouterPropertyNames.CostOrigin]);
        Assert.Equal("stop", response.AdditionalProperties?[OpenRouterPropertyNames.StopReason]);

        // The billed cost is the one OpenRouter (here: the emulator) recorded for the generation.
        var generation = await GenerationAsync(harness, response.ResponseId!);
        var billed = generation["total_cost"]!.GetValue<decimal>();
        Assert.True(billed > 0);
        var usage = Assert.IsType<UsageDetails>(response.Usage);
        Assert.Equal((long)(billed * 1_000_000_000_000m), usage.AdditionalCounts?[OpenRouterPropertyNames.CostPicodollars]);
        Assert.Equal((double)billed, response.AdditionalProperties?[OpenRouterPropertyNames.Cost]);
        Assert.Equal(generation["tokens_prompt"]!.GetValue<long>(), usage.InputTokenCount);
        Assert.Equal(generation["tokens_completion"]!.GetValue<long>(), usage.OutputTokenCount);
        Assert.Equal(usage.InputTokenCount + usage.OutputTokenCount, usage.TotalTokenCount);
        Assert.Equal(0, usage.CachedInputTokenCount);

        var sent = Assert.Single(harness.ChatRequests);
        Assert.Equal(true, sent.BodyJson?["stream"]?.GetValue<bool>());
        Assert.Equal("openrouter/auto", sent.BodyJson?["model"]?.GetValue<string>());
    }

    [Fact]
    public async Task A_stream_yields_text_as_it_arrives_and_closes_with_usage_finish_reason_and_model()
    {
        await using var harness = await ClientHarness.StartAsync();
        using var chat = new OpenRouterChatClient(harness.Client, "openrouter/auto");
        var updates = new List<ChatResponseUpdate>();

        await foreach (var update in chat.GetStreamingResponseAsync("hi", cancellationToken: Token))
        {
            updates.Add(update);
        }

        Assert.All(updates, update => Assert.IsType<OpenRouterChatUpdate>(update.RawRepresentation));
        Assert.Equal("Echo: hi", string.Concat(updates.Select(update => update.Text)));
        var last = updates[^1];
        Assert.Equal(ChatFinishReason.Stop, last.FinishReason);
        Assert.Equal("openai/gpt-5.5", last.ModelId);
        Assert.Empty(last.Text);
        var usage = Assert.IsType<UsageContent>(Assert.Single(last.Contents));
        Assert.True(usage.Details.AdditionalCounts?[OpenRouterPropertyNames.CostPicodollars] > 0);
        Assert.Equal("OpenAI", last.AdditionalProperties?[OpenRouterPropertyNames.Provider]);
        Assert.Single(updates, update => update.Contents.OfType<UsageContent>().Any());

        var response = updates.ToChatResponse();
        Assert.Equal("Echo: hi", response.Text);
        Assert.Single(response.Messages);
        Assert.Equal("openai/gpt-5.5", response.ModelId);
        Assert.Equal(usage.Details.InputTokenCount, response.Usage?.InputTokenCount);
        Assert.Equal(OpenRouterUsage.ProviderBilled, response.Messages[0].AdditionalProperties?[OpenRouterPropertyNames.CostOrigin]);
    }

    [Fact]
    public async Task Metadata_and_services_name_the_provider_base_url_default_model_and_inner_client()
    {
        await using var harness = await ClientHarness.StartAsync();
        using var chat = new OpenRouterChatClient(harness.Client, "openrouter/auto");

        var metadata = chat.GetService<ChatClientMetadata>();

        Assert.Equal("openrouter", metadata?.ProviderName);
        Assert.Equal(harness.Client.BaseUrl, metadata?.ProviderUri);
        Assert.Equal("openrouter/auto", metadata?.DefaultModelId);
        Assert.Same(harness.Client, chat.GetService<OpenRouterClient>());
        Assert.Same(chat, chat.GetService<IChatClient>());
        Assert.Null(chat.GetService<OpenRouterClient>("keyed"));
    }

    [Fact]
    public async Task A_call_without_any_model_fails_before_sending()
    {
        await using var harness = await ClientHarness.StartAsync();
        using var chat = new OpenRouterChatClient(harness.Client);

        await Assert.ThrowsAsync<InvalidOperationException>(() => chat.GetResponseAsync("hi", cancellationToken: Token));

        Assert.Empty(harness.ChatRequests);
    }

    [Fact]
    public async Task Thinking_arrives_as_reasoning_content_with_its_source_field_and_every_detail_item_verbatim()
    {
        await using var harness = await ClientHarness.StartAsync();
        using var chat = new OpenRouterChatClient(harness.Client, "emulator/reasoning");

        var response = await chat.GetResponseAsync("why?", cancellationToken: Token);

        var result = Assert.IsType<OpenRouterChatResult>(response.RawRepresentation);
        var reasoning = response.Messages[0].Contents.OfType<TextReasoningContent>().ToList();
        var thinking = reasoning.Where(content => content.Text.Length > 0).ToList();
        Assert.NotEmpty(thinking);
        Assert.Equal(string.Concat(result.Thinking.Select(block => block.Text)), string.Concat(thinking.Select(content => content.Text)));
        Assert.All(thinking, content => Assert.Equal(result.Thinking[0].SourceField, content.AdditionalProperties?[OpenRouterPropertyNames.SourceField]));
        var items = reasoning.Where(content => content.ProtectedData is not null).Select(content => JsonNode.Parse(content.ProtectedData!)).ToList();
        Assert.Equal(result.ReasoningDetails.Count, items.Count);
        Assert.NotEmpty(items);
        for (var i = 0; i < items.Count; i++)
        {
            Assert.True(JsonNode.DeepEquals(result.ReasoningDetails[i], items[i]));
        }
        Assert.Equal("Echo: why?", response.Text);
        Assert.True(response.Usage?.ReasoningTokenCount > 0);
    }

    [Fact]
    public async Task Streamed_thinking_coalesces_into_the_same_reasoning_text()
    {
        await using var harness = await ClientHarness.StartAsync();
        using var chat = new OpenRouterChatClient(harness.Client, "emulator/reasoning");

        var response = await chat.GetStreamingResponseAsync("why?", cancellationToken: Token).ToChatResponseAsync(Token);

        var thinking = string.Concat(response.Messages[0].Contents.OfType<TextReasoningContent>().Select(content => content.Text));
        Assert.Contains("The user wrote", thinking, StringComparison.Ordinal);
        Assert.Equal("Echo: why?", response.Text);
    }

    [Fact]
    public async Task Images_from_an_image_model_arrive_as_data_content()
    {
        await using var harness = await ClientHarness.StartAsync();
        using var chat = new OpenRouterChatClient(harness.Client);
        var options = new ChatOptions
        {
            ModelId = "google/gemini-3.1-flash-image-preview",
            AdditionalProperties = new() { [OpenRouterPropertyNames.Options] = new OpenRouterChatOptions { Modalities = ["image", "text"] } },
        };

        var response = await chat.GetResponseAsync("a red square", options, Token);

        var image = Assert.Single(response.Messages[0].Contents.OfType<DataContent>());
        Assert.Equal("image/png", image.MediaType);
        Assert.True(image.Data.Length > 0);
        Assert.Equal("Here is your image.", response.Text);
        Assert.Equal("""["image","text"]""", harness.ChatRequests[0].BodyJson?["modalities"]?.ToJsonString());
    }

    [Fact]
    public async Task A_mid_stream_error_is_the_typed_exception_with_the_partial_output()
    {
        await using var harness = await ClientHarness.StartAsync();
        using var chat = new OpenRouterChatClient(harness.Client, "emulator/echo");
        harness.Emulator.Faults.Enqueue("mid-stream-error; after=3; code=502", "/chat/completions");

        var error = await Assert.ThrowsAsync<OpenRouterServerException>(() => chat.GetResponseAsync("hello there", NoThinking(), Token));

        Assert.Equal(502, error.Code);
        Assert.NotNull(error.PartialResult);
        Assert.Equal(OpenRouterStopReason.Error, error.PartialResult.StopReason);
        Assert.NotEmpty(error.PartialResult.Text);
        Assert.StartsWith(error.PartialResult.Text, "Echo: hello there", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mid_stream_error_while_streaming_keeps_the_updates_already_yielded()
    {
        await using var harness = await ClientHarness.StartAsync();
        using var chat = new OpenRouterChatClient(harness.Client, "emulator/echo");
        harness.Emulator.Faults.Enqueue("mid-stream-error; after=3; code=502; done=true", "/chat/completions");
        var text = new StringBuilder();

        var error = await Assert.ThrowsAsync<OpenRouterServerException>(async () =>
        {
            await foreach (var update in chat.GetStreamingResponseAsync("hello there", NoThinking(), Token))
            {
                text.Append(update.Text);
            }
        });

        Assert.NotEqual(0, text.Length);
        Assert.Equal(text.ToString(), error.PartialResult?.Text);
    }

    [Fact]
    public async Task An_http_error_is_the_typed_exception()
    {
        await using var harness = await ClientHarness.StartAsync();
        using var chat = new OpenRouterChatClient(harness.Client, "emulator/echo");
        harness.Emulator.Faults.Enqueue("rate-limit; retry-after=7", "/chat/completions");

        var error = await Assert.ThrowsAsync<OpenRouterRateLimitException>(() => chat.GetResponseAsync("hi", cancellationToken: Token));

        Assert.Equal(429, error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
    }

    [Fact]
    public async Task A_length_finish_keeps_the_partial_text()
    {
        await using var harness = await ClientHarness.StartAsync();
        using var chat = new OpenRouterChatClient(harness.Client, "emulator/echo");
        harness.Emulator.Faults.Enqueue("length", "/chat/completions");

        var response = await chat.GetResponseAsync("a fairly long message", cancellationToken: Token);

        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
        Assert.StartsWith(response.Text, "Echo: a fairly long message", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("error", "error")]
    [InlineData("network_error", "network_error")]
    [InlineData("something_new", "something_new")]
    [InlineData("content_filter", "content_filter")]
    [InlineData("end", "stop")]
    public async Task Any_finish_reason_maps_without_throwing(string wire, string expected)
    {
        using var client = ScriptedClient(Sse(
            """{"id":"gen-1","model":"openai/gpt-5.5","provider":"OpenAI","choices":[{"index":0,"delta":{"content":"partial"}}]}""",
            $$"""{"id":"gen-1","model":"openai/gpt-5.5","choices":[{"index":0,"delta":{},"finish_reason":"{{wire}}"}]}"""));
        using var chat = new OpenRouterChatClient(client, "openai/gpt-5.5");

        var response = await chat.GetResponseAsync("hi", cancellationToken: Token);

        Assert.Equal(new ChatFinishReason(expected), response.FinishReason);
        Assert.Equal("partial", response.Text);
        if (expected != "stop")
        {
            Assert.Equal("error", response.AdditionalProperties?[OpenRouterPropertyNames.StopReason]);
            Assert.Equal("Provider finish_reason: " + wire, response.AdditionalProperties?[OpenRouterPropertyNames.ErrorMessage]);
        }
    }

    [Fact]
    public async Task Tool_calls_with_a_stop_finish_count_as_tool_calls_and_unparsable_arguments_keep_their_text()
    {
        using var client = ScriptedClient(Sse(
            """{"id":"gen-2","model":"openai/gpt-5.5","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"read","arguments":"{\"path\":\"a\"}"}}]}}]}""",
            """{"id":"gen-2","model":"openai/gpt-5.5","choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"id":"call_2","type":"function","function":{"name":"read","arguments":"{oops"}}]}}]}""",
            """{"id":"gen-2","model":"openai/gpt-5.5","choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":{"prompt_tokens":10,"completion_tokens":5,"prompt_tokens_details":{"cached_tokens":4,"cache_write_tokens":3},"completion_tokens_details":{"reasoning_tokens":2},"cost":0.0000123456789,"is_byok":true,"cost_details":{"upstream_inference_cost":0.00002}}}"""));
        using var chat = new OpenRouterChatClient(client, "openai/gpt-5.5");

        var response = await chat.GetResponseAsync("hi", cancellationToken: Token);

        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
        var calls = response.Messages[0].Contents.OfType<FunctionCallContent>().ToList();
        Assert.Equal(["call_1", "call_2"], calls.Select(call => call.CallId));
        Assert.Equal("a", calls[0].Arguments?["path"]?.ToString());
        Assert.Null(calls[0].Exception);
        Assert.NotNull(calls[1].Exception);
        Assert.Equal("{oops", calls[1].AdditionalProperties?[OpenRouterPropertyNames.RawArguments]);
        Assert.Equal("{oops", ChatMessageMapper.ArgumentsText(calls[1]));

        var usage = response.Usage!;
        Assert.Equal(10, usage.InputTokenCount);
        Assert.Equal(5, usage.OutputTokenCount);
        Assert.Equal(15, usage.TotalTokenCount);
        Assert.Equal(4, usage.CachedInputTokenCount);
        Assert.Equal(2, usage.ReasoningTokenCount);
        Assert.Equal(3, usage.AdditionalCounts?[OpenRouterPropertyNames.CacheWriteTokens]);
        Assert.Equal(12_345_679, usage.AdditionalCounts?[OpenRouterPropertyNames.CostPicodollars]);
        Assert.Equal(0.0000123456789, response.AdditionalProperties?[OpenRouterPropertyNames.Cost]);
        Assert.Equal(true, response.AdditionalProperties?[OpenRouterPropertyNames.IsByok]);
        Assert.Equal(0.00002, response.AdditionalProperties?[OpenRouterPropertyNames.UpstreamInferenceCost]);
        Assert.Equal("""{"upstream_inference_cost":0.00002}""", response.AdditionalProperties?[OpenRouterPropertyNames.CostDetails]);
    }

    private static async Task<JsonNode> GenerationAsync(ClientHarness harness, string id)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(harness.Emulator.BaseUrl.AbsoluteUri.TrimEnd('/') + "/generation?id=" + id));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiKeyRegistry.DefaultKey);
        using var response = await http.SendAsync(request, Token);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))!["data"]!;
    }

    private static string Sse(params string[] chunks) => string.Concat(chunks.Select(chunk => "data: " + chunk + "\n\n")) + "data: [DONE]\n\n";

    private static OpenRouterClient ScriptedClient(string sse)
    {
        var handler = new ScriptedHandler().Then((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(sse, Encoding.UTF8, "text/event-stream"),
        }));
        return new OpenRouterClient(new OpenRouterClientOptions { ApiKey = ApiKeyRegistry.DefaultKey, Handler = handler, CapabilityCatalogUrl = null });
    }
}
