using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using OpenClaw.OpenRouter.AI;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Models;
using OpenClaw.OpenRouter.Reasoning;
using OpenClaw.OpenRouter.Tests.Support;
using Effort = OpenClaw.OpenRouter.Reasoning.ReasoningEffort;

namespace OpenClaw.OpenRouter.Tests.AI;

/// <summary>MEAI messages and options → the OpenRouter request, and what of it reaches the wire on each route.</summary>
public sealed class ChatMessageMapperTests
{
    private const string Signature = """{"type":"reasoning.encrypted","data":"dGhvdWdodA==","id":"tool_0_get_weather_1","format":"google-gemini-v1","index":0}""";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static AIFunction Weather { get; } = AIFunctionFactory.Create((string city) => $"Sunny in {city}", "get_weather", "Gets the weather for a city");

    [Fact]
    public void Roles_text_media_reasoning_calls_and_results_map_to_typed_messages()
    {
        ChatMessage[] conversation =
        [
            new(ChatRole.System, "You are terse."),
            new(ChatRole.User, [new TextContent("What is this?"), new DataContent(new byte[] { 1, 2, 3 }, "image/png"), new UriContent("https://example.com/v.mp4", "video/mp4")]),
            new(ChatRole.Assistant,
            [
                new TextReasoningContent("Let me look.") { AdditionalProperties = new() { [OpenRouterPropertyNames.SourceField] = "reasoning_content" } },
                new TextReasoningContent(" Then call.") { AdditionalProperties = new() { [OpenRouterPropertyNames.SourceField] = "reasoning_content" } },
                new TextReasoningContent("") { ProtectedData = Signature },
                new FunctionCallContent("tool_0_get_weather_1", "get_weather", new Dictionary<string, object?> { ["city"] = "Zürich \"centre\"", ["days"] = 2 }),
            ]),
            new(ChatRole.Tool, [new FunctionResultContent("tool_0_get_weather_1", new Dictionary<string, object?> { ["temp"] = 21.5, ["sky"] = "clear" })]),
            new(ChatRole.Assistant, "It is sunny."),
            new(ChatRole.User, "Thanks. And tomorrow?"),
            new(ChatRole.Assistant, [new FunctionCallContent("call_2", "get_weather", new Dictionary<string, object?> { ["city"] = "Bern" })]),
            new(ChatRole.Tool, [new FunctionResultContent("call_2", "Rain")]),
        ];

        var messages = ChatMessageMapper.ToOpenRouterMessages(conversation, instructions: "Answer in English.");

        Assert.Equal(["system", "system", "user", "assistant", "tool", "assistant", "user", "assistant", "tool"], messages.Select(message => message.Role.Value));
        Assert.Equal("Answer in English.", messages[0].Text);
        Assert.Equal("You are terse.", messages[1].Text);

        var user = messages[2];
        Assert.Null(user.Text);
        Assert.Equal(["text", "image_url", "video_url"], user.Parts!.Select(part => part.Type));
        Assert.Equal("data:image/png;base64,AQID", user.Parts![1].ToJson()["image_url"]!["url"]!.GetValue<string>());
        Assert.Equal("https://example.com/v.mp4", user.Parts![2].ToJson()["video_url"]!["url"]!.GetValue<string>());

        var assistant = messages[3];
        Assert.Null(assistant.Text);
        Assert.Equal([new ThinkingBlock("Let me look. Then call.", "reasoning_content")], assistant.Thinking);
        var call = Assert.Single(assistant.ToolCalls!);
        Assert.Equal("tool_0_get_weather_1", call.Id);
        Assert.Equal("""{"city":"Zürich \"centre\"","days":2}""", call.Arguments);
        Assert.Equal(Signature, call.ThoughtSignature);

        Assert.Equal("tool_0_get_weather_1", messages[4].ToolCallId);
        Assert.Equal("""{"temp":21.5,"sky":"clear"}""", messages[4].Text);
        Assert.Equal("Rain", messages[8].Text);

        // The last user message opens the current turn: history before it, the running tool loop after it.
        Assert.Equal([false, false, false, true, true, true, false, false, false], messages.Select(message => message.FromEarlierTurn));
        Assert.Null(messages[7].ToolCalls![0].ThoughtSignature);
    }

    [Fact]
    public void A_signature_matches_only_the_call_with_its_id_and_reasoning_without_a_source_replays_as_reasoning()
    {
        ChatMessage[] conversation =
        [
            new(ChatRole.User, "hi"),
            new(ChatRole.Assistant,
            [
                new TextReasoningContent("thinking") { ProtectedData = """{"type":"reasoning.text","text":"thinking","signature":"c2ln"}""" },
                new FunctionCallContent("call_other", "get_weather"),
                new TextReasoningContent("") { ProtectedData = Signature },
                new TextReasoningContent("") { ProtectedData = "not json" },
            ]),
        ];

        var assistant = ChatMessageMapper.ToOpenRouterMessages(conversation)[1];

        Assert.Equal([new ThinkingBlock("thinking", "reasoning")], assistant.Thinking);
        Assert.Null(Assert.Single(assistant.ToolCalls!).ThoughtSignature);
        Assert.Equal("{}", assistant.ToolCalls![0].Arguments);
    }

    [Fact]
    public async Task Standard_options_reach_the_body_as_per_call_params_tools_and_response_format()
    {
        await using var harness = await ClientHarness.StartAsync();
        using var chat = new OpenRouterChatClient(harness.Client);
        var options = new ChatOptions
        {
            ModelId = "openai/gpt-5.5",
            Instructions = "Be brief.",
            Temperature = 0.2f,
            TopP = 0.9f,
            TopK = 40,
            Seed = 42,
            StopSequences = ["END"],
            FrequencyPenalty = 0.1f,
            PresencePenalty = 0.3f,
            MaxOutputTokens = 500,
            Tools = [Weather],
            ToolMode = ChatToolMode.RequireSpecific("get_weather"),
            ResponseFormat = ChatResponseFormat.Json,
            AllowMultipleToolCalls = false,
        };

        var prepared = await chat.PrepareRequestAsync([new ChatMessage(ChatRole.User, "hi")], options, Token);

        var body = prepared.Body;
        Assert.Equal("openai/gpt-5.5", body["model"]!.GetValue<string>());
        Assert.Equal("""[{"role":"system","content":"Be brief."},{"role":"user","content":"hi"}]""", body["messages"]!.ToJsonString());
        Assert.Equal("0.2", body["temperature"]!.ToJsonString());
        Assert.Equal("0.9", body["top_p"]!.ToJsonString());
        Assert.Equal("42", body["seed"]!.ToJsonString());
        Assert.Equal("""["END"]""", body["stop"]!.ToJsonString());
        Assert.Equal("0.1", body["frequency_penalty"]!.ToJsonString());
        Assert.Equal("0.3", body["presence_penalty"]!.ToJsonString());
        Assert.Equal(500, body["max_completion_tokens"]!.GetValue<long>());
        Assert.Equal(40, body["top_k"]!.GetValue<int>());
        Assert.Equal("""{"type":"json_object"}""", body["response_format"]!.ToJsonString());
        Assert.Equal("""{"type":"function","function":{"name":"get_weather"}}""", body["tool_choice"]!.ToJsonString());
        var function = body["tools"]![0]!["function"]!;
        Assert.Equal("get_weather", function["name"]!.GetValue<string>());
        Assert.Equal("Gets the weather for a city", function["description"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Weather.JsonSchema.GetRawText()), function["parameters"]));
        Assert.False(body.ContainsKey("parallel_tool_calls"));
        Assert.False(body.ContainsKey("models"));
    }

    [Theory]
    [MemberData(nameof(ToolModes))]
    public async Task Tool_modes_map_to_tool_choice(string mode, string expected)
    {
        await using var harness = await ClientHarness.StartAsync();
        using var chat = new OpenRouterChatClient(harness.Client, "openai/gpt-5.5");
        ChatToolMode? toolMode = mode switch
        {
            "auto" => ChatToolMode.Auto,
            "none" => ChatToolMode.None,
            "required" => ChatToolMode.RequireAny,
            _ => null,
        };

        var prepared = await chat.PrepareRequestAsync([new ChatMessage(ChatRole.User, "hi")], new ChatOptions { Tools = [Weather], ToolMode = toolMode }, Token);

        Assert.Equal(expected, prepared.Body["tool_choice"]!.ToJsonString());
    }

    public static TheoryData<string, string> ToolModes => new()
    {
        { "auto", "\"auto\"" },
        { "none", "\"none\"" },
        { "required", "\"required\"" },
        { "unset", "\"auto\"" },
    };

    [Fact]
    public async Task A_json_schema_response_format_is_sent_with_its_name_and_schema()
    {
        await using var harness = await ClientHarness.StartAsync();
        using var chat = new OpenRouterChatClient(harness.Client, "openai/gpt-5.5");
        var schema = JsonDocument.Parse("""{"type":"object","properties":{"answer":{"type":"string"}}}""").RootElement;

        var prepared = await chat.PrepareRequestAsync([new ChatMessage(ChatRole.User, "hi")],
            new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "answer", "One answer") }, Token);

        Assert.Equal("""{"type":"json_schema","json_schema":{"name":"answer","description":"One answer","schema":{"type":"object","properties":{"answer":{"type":"string"}}}}}""",
            prepared.Body["response_format"]!.ToJsonString());
    }

    [Theory]
    [InlineData(TestRoute.Canonical, true)]
    [InlineData(TestRoute.Custom, false)]
    public async Task Provider_routing_from_typed_options_reaches_the_body_on_the_verified_route_only(TestRoute route, bool sent)
    {
        await using var harness = await ClientHarness.StartAsync(route, options => options.ProviderParams = new JsonObject { ["provider"] = new JsonObject { ["sort"] = "latency" } });
        using var chat = new OpenRouterChatClient(harness.Client, "openai/gpt-5.5");
        var options = new ChatOptions
        {
            AdditionalProperties = new()
            {
                [OpenRouterPropertyNames.Options] = new OpenRouterChatOptions { Provider = new JsonObject { ["order"] = new JsonArray("openai"), ["allow_fallbacks"] = false } },
            },
        };

        var response = await chat.GetResponseAsync("hi", options, Token);

        Assert.Equal("Echo: hi", response.Text);
        var body = harness.ChatRequests[0].BodyJson!;
        Assert.Equal(sent ? """{"sort":"latency","order":["openai"],"allow_fallbacks":false}""" : null, body["provider"]?.ToJsonString());
    }

    [Fact]
    public async Task Loose_additional_properties_shape_the_call_and_unknown_ones_never_reach_the_wire()
    {
        await using var harness = await ClientHarness.StartAsync();
        using var chat = new OpenRouterChatClient(harness.Client, "openai/gpt-5.5");
        var options = new ChatOptions
        {
            AdditionalProperties = new()
            {
                ["provider"] = new Dictionary<string, object?> { ["only"] = new[] { "openai" } },
                ["responseCache"] = true,
                ["responseCacheTtlSeconds"] = 120,
                ["extraBody"] = JsonDocument.Parse("""{"user":"u-7"}""").RootElement,
                ["my.app.trace"] = "not for the wire",
            },
        };

        await chat.GetResponseAsync("hi", options, Token);

        var sent = harness.ChatRequests[0];
        Assert.Equal("""{"only":["openai"]}""", sent.BodyJson?["provider"]?.ToJsonString());
        Assert.Equal("u-7", sent.BodyJson?["user"]?.GetValue<string>());
        Assert.Equal("true", sent.Header("X-OpenRouter-Cache"));
        Assert.Equal("120", sent.Header("X-OpenRouter-Cache-TTL"));
        Assert.DoesNotContain("not for the wire", sent.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Typed_options_set_response_cache_headers_fallback_models_extra_body_and_headers()
    {
        await using var harness = await ClientHarness.StartAsync();
        using var chat = new OpenRouterChatClient(harness.Client, "openai/gpt-5.5");
        var typed = new OpenRouterChatOptions
        {
            ResponseCache = true,
            ResponseCacheTtlSeconds = 60,
            ResponseCacheClear = true,
            FallbackModels = ["anthropic/claude-sonnet-4.6"],
            ExtraBody = new JsonObject { ["user"] = "u-9" },
            Headers = new Dictionary<string, string> { ["X-Trace"] = "t-1", ["HTTP-Referer"] = "https://evil.example" },
        };

        await chat.GetResponseAsync("hi", new ChatOptions { AdditionalProperties = new() { [OpenRouterPropertyNames.Options] = typed } }, Token);

        var sent = harness.ChatRequests[0];
        Assert.Equal("true", sent.Header("X-OpenRouter-Cache"));
        Assert.Equal("60", sent.Header("X-OpenRouter-Cache-TTL"));
        Assert.Equal("true", sent.Header("X-OpenRouter-Cache-Clear"));
        Assert.Equal("t-1", sent.Header("X-Trace"));
        Assert.Equal("https://openclaw.ai", sent.Header("HTTP-Referer"));
        Assert.Equal("""["anthropic/claude-sonnet-4.6"]""", sent.BodyJson?["models"]?.ToJsonString());
        Assert.Equal("u-9", sent.BodyJson?["user"]?.GetValue<string>());
    }

    [Fact]
    public async Task Reasoning_options_become_the_thinking_level_clamped_and_output_none_excludes_the_text()
    {
        await using var harness = await ClientHarness.StartAsync(configure: options => options.Models.Add(new OpenRouterModelInfo
        {
            Id = "anthropic/claude-sonnet-4.6",
            Reasoning = true,
            SupportedReasoningEfforts = [Effort.Low, Effort.Medium, Effort.High],
        }));
        using var chat = new OpenRouterChatClient(harness.Client, "anthropic/claude-sonnet-4.6");

        var prepared = await chat.PrepareRequestAsync([new ChatMessage(ChatRole.User, "hi")], new ChatOptions
        {
            Reasoning = new ReasoningOptions { Effort = Microsoft.Extensions.AI.ReasoningEffort.ExtraHigh, Output = ReasoningOutput.None },
        }, Token);

        Assert.Equal("""{"exclude":true,"effort":"high"}""", prepared.Body["reasoning"]!.ToJsonString());
    }

    [Fact]
    public async Task Typed_thinking_wins_over_reasoning_options_and_is_checked_as_an_explicit_choice()
    {
        await using var harness = await ClientHarness.StartAsync(configure: options => options.Models.Add(new OpenRouterModelInfo
        {
            Id = "anthropic/claude-sonnet-4.6",
            Reasoning = true,
            SupportedReasoningEfforts = [Effort.Low, Effort.Medium, Effort.High],
        }));
        using var chat = new OpenRouterChatClient(harness.Client, "anthropic/claude-sonnet-4.6");
        ChatOptions Options(ThinkingLevel level) => new()
        {
            Reasoning = new ReasoningOptions { Effort = Microsoft.Extensions.AI.ReasoningEffort.High },
            AdditionalProperties = new() { [OpenRouterPropertyNames.Options] = new OpenRouterChatOptions { Thinking = level } },
        };

        var low = await chat.PrepareRequestAsync([new ChatMessage(ChatRole.User, "hi")], Options(ThinkingLevel.Low), Token);

        Assert.Equal("""{"effort":"low"}""", low.Body["reasoning"]!.ToJsonString());
        await Assert.ThrowsAsync<ThinkingLevelNotSupportedException>(() => chat.PrepareRequestAsync([new ChatMessage(ChatRole.User, "hi")], Options(ThinkingLevel.Max), Token));
    }

    [Fact]
    public async Task A_request_from_the_raw_representation_factory_is_the_starting_point()
    {
        await using var harness = await ClientHarness.StartAsync();
        using var chat = new OpenRouterChatClient(harness.Client, "openai/gpt-5.5");
        var options = new ChatOptions
        {
            Temperature = 0.7f,
            MaxOutputTokens = 300,
            RawRepresentationFactory = _ => new OpenRouterChatRequest
            {
                Model = "emulator/echo",
                Messages = [],
                Params = new JsonObject { ["temperature"] = 0.1, ["provider"] = new JsonObject { ["sort"] = "price" } },
            },
        };

        var response = await chat.GetResponseAsync("hi", options, Token);

        Assert.Equal("Echo: hi", response.Text);
        var body = harness.ChatRequests[0].BodyJson!;
        Assert.Equal("emulator/echo", body["model"]!.GetValue<string>());
        Assert.Equal("0.1", body["temperature"]!.ToJsonString());
        Assert.Equal(300, body["max_completion_tokens"]!.GetValue<long>());
        Assert.Equal("""{"sort":"price"}""", body["provider"]!.ToJsonString());
        Assert.Equal("""[{"role":"user","content":"hi"}]""", body["messages"]!.ToJsonString());
    }
}
