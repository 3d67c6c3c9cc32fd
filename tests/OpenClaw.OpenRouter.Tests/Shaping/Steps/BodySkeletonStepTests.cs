using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Models;
using OpenClaw.OpenRouter.Shaping;
using OpenClaw.OpenRouter.Shaping.Steps;

namespace OpenClaw.OpenRouter.Tests.Shaping.Steps;

public sealed class BodySkeletonStepTests
{
    private static readonly OpenRouterTool Write = new("write", "Write a file", JsonNode.Parse("""{"type":"object","properties":{"path":{"type":"string"}}}""")!.AsObject());
    private static readonly OpenRouterTool Read = new("read", null, null);

    private static ChatPayloadContext Run(string model = "openai/gpt-5.5", string? baseUrl = PayloadContextsDefaults.Canonical, string? parameters = null,
        IReadOnlyList<OpenRouterTool>? tools = null, OpenRouterModelInfo? info = null, IReadOnlyList<OpenRouterMessage>? messages = null)
    {
        var context = PayloadContexts.For(model, messages, baseUrl, info ?? new OpenRouterModelInfo { Id = model, Reasoning = true, MaxTokens = 128_000, ContextWindow = 1_000_000 },
            parameters is null ? null : JsonNode.Parse(parameters)!.AsObject(), tools: tools);
        new RenderMessagesStep().Apply(context);
        new BodySkeletonStep().Apply(context);
        return context;
    }

    [Fact]
    public void Keys_follow_the_spec_order_with_sampling_params_only_when_configured()
    {
        var payload = Run(parameters: """{"temperature":0.2,"maxTokens":1234}""", tools: [Write]).Payload;

        Assert.Equal(["model", "messages", "stream", "temperature", "tools", "tool_choice", "max_completion_tokens"], payload.Select(pair => pair.Key));
        Assert.Equal(0.2, payload["temperature"]!.GetValue<double>());
        Assert.Equal(1234, payload["max_completion_tokens"]!.GetValue<long>());
        Assert.Equal("auto", payload["tool_choice"]!.GetValue<string>());
    }

    [Fact]
    public void Tools_are_sorted_by_name_without_strict()
    {
        var payload = Run(tools: [Write, Read]).Payload;

        Assert.Equal(
            """[{"type":"function","function":{"name":"read"}},{"type":"function","function":{"name":"write","description":"Write a file","parameters":{"type":"object","properties":{"path":{"type":"string"}}}}}]""",
            payload["tools"]!.ToJsonString());
    }

    [Fact]
    public void Tools_are_omitted_for_models_without_tool_support_and_when_empty()
    {
        Assert.False(Run(tools: [Write], info: new OpenRouterModelInfo { Id = "x/y", SupportsTools = false }).Payload.ContainsKey("tools"));
        var empty = Run(tools: []).Payload;
        Assert.False(empty.ContainsKey("tools"));
        Assert.False(empty.ContainsKey("tool_choice"));
    }

    [Fact]
    public void Stream_options_go_to_local_proxies_only()
    {
        Assert.Equal("""{"include_usage":true}""", Run(baseUrl: PayloadContexts.LocalProxy).Payload["stream_options"]!.ToJsonString());
        Assert.False(Run(baseUrl: PayloadContexts.CustomProxy).Payload.ContainsKey("stream_options"));
        Assert.False(Run().Payload.ContainsKey("stream_options"));
    }

    [Fact]
    public void Sampling_params_accept_both_spellings_in_wire_order()
    {
        var payload = Run(parameters: """{"presencePenalty":0.5,"seed":7,"topP":0.9,"stop":["x"],"frequency_penalty":0.1}""").Payload;

        Assert.Equal(["model", "messages", "stream", "top_p", "seed", "stop", "frequency_penalty", "presence_penalty", "max_completion_tokens"], payload.Select(pair => pair.Key));
    }

    [Theory]
    [InlineData(null, 128000)]
    [InlineData("""{"max_tokens":5000}""", 5000)]
    [InlineData("""{"max_completion_tokens":6000,"max_tokens":5000}""", 6000)]
    public void Max_completion_tokens_comes_from_params_else_the_model(string? parameters, long expected)
    {
        var payload = Run(parameters: parameters).Payload;

        Assert.Equal(expected, payload["max_completion_tokens"]!.GetValue<long>());
        Assert.False(payload.ContainsKey("max_tokens"));
    }

    [Fact]
    public void The_limit_is_clamped_to_what_the_context_leaves()
    {
        var info = new OpenRouterModelInfo { Id = "moonshotai/kimi-k2.6", Reasoning = true, MaxTokens = 262_144, ContextWindow = 262_144 };
        var text = new string('a', 4000);

        var payload = Run("moonshotai/kimi-k2.6", info: info, messages: [OpenRouterMessage.User(text)]).Payload;

        // 4000 chars → ceil(4000 / 4 × 1.25) = 1250 tokens; 262144 − 1250 − 1.
        Assert.Equal(260_893, payload["max_completion_tokens"]!.GetValue<long>());
    }

    [Fact]
    public void Images_count_as_eight_thousand_characters()
    {
        var payload = new JsonObject
        {
            ["messages"] = JsonNode.Parse("""[{"role":"user","content":[{"type":"text","text":"abcd"},{"type":"image_url","image_url":{"url":"data:image/png;base64,AAAA"}}]}]"""),
        };

        Assert.Equal((long)Math.Ceiling(8004 / 4.0 * 1.25), BodySkeletonStep.EstimateInputTokens(payload));
    }
}
