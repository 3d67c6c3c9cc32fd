using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Reasoning;
using OpenClaw.OpenRouter.Routing;
using OpenClaw.OpenRouter.Shaping;
using OpenClaw.OpenRouter.Shaping.Steps;
using static OpenClaw.OpenRouter.Tests.Shaping.PayloadContexts;

namespace OpenClaw.OpenRouter.Tests.Shaping.Steps;

public sealed class OpenAiOnlyFieldsStepTests
{
    [Theory]
    [InlineData(OpenRouterBaseUrl.Canonical)]
    [InlineData(OtherOpenRouterUrl)]
    [InlineData(LocalProxy)]
    [InlineData(CustomProxy)]
    public void RemovesOpenAiOnlyFieldsOnEveryRoute(string baseUrl)
    {
        var context = WithPayload("openai/gpt-5.5", """
            {"model":"openai/gpt-5.5",
             "messages":[{"role":"developer","content":"be brief"},{"role":"user","content":"hi"},{"role":"system","content":"more"}],
             "stream":true,"service_tier":"priority","store":true,"prompt_cache_key":"k","prompt_cache_options":{"retention":"24h"},
             "reasoning_effort":"high","verbosity":"low","text":{"verbosity":"low"},"parallel_tool_calls":false,
             "tools":[{"type":"function","function":{"name":"read","parameters":{"type":"object"},"strict":true},"strict":true}],
             "tool_choice":"auto","max_completion_tokens":100,"reasoning":{"effort":"high"},"user":"u-42"}
            """, baseUrl);

        new OpenAiOnlyFieldsStep().Apply(context);

        AssertJsonOrdered("""
            {"model":"openai/gpt-5.5",
             "messages":[{"role":"system","content":"be brief"},{"role":"user","content":"hi"},{"role":"system","content":"more"}],
             "stream":true,
             "tools":[{"type":"function","function":{"name":"read","parameters":{"type":"object"}}}],
             "tool_choice":"auto","max_completion_tokens":100,"reasoning":{"effort":"high"},"user":"u-42"}
            """, context.Payload);
    }

    [Fact]
    public void ConfiguredOpenAiParamsNeverReachTheWire()
    {
        var parameters = new JsonObject
        {
            ["serviceTier"] = "priority",
            ["store"] = true,
            ["textVerbosity"] = "low",
            ["promptCacheKey"] = "session-1",
        };
        var context = For("openai/gpt-5.5", [OpenRouterMessage.User("hi")], parameters: parameters, level: ThinkingLevel.High,
            tools: [new OpenRouterTool("read", "Read a file", new JsonObject { ["type"] = "object" })]);

        ChatRequestPipeline.Run(context);

        Assert.Equal(["model", "messages", "stream", "tools", "tool_choice", "max_completion_tokens", "reasoning"], context.Payload.Select(p => p.Key));
    }

    [Fact]
    public void ExtraBodyCannotSmuggleThemIn()
    {
        var parameters = new JsonObject
        {
            ["extraBody"] = new JsonObject
            {
                ["service_tier"] = "flex",
                ["store"] = false,
                ["prompt_cache_key"] = "k",
                ["prompt_cache_options"] = new JsonObject(),
                ["reasoning_effort"] = "low",
                ["verbosity"] = "high",
                ["text"] = new JsonObject { ["verbosity"] = "high" },
                ["parallel_tool_calls"] = true,
                ["user"] = "u-42",
            },
        };
        var context = For("openai/gpt-5.5", [new OpenRouterMessage { Role = OpenRouterRole.Developer, Text = "rules" }, OpenRouterMessage.User("hi")],
            parameters: parameters, level: ThinkingLevel.Medium);

        ChatRequestPipeline.Run(context);

        Assert.Equal(["model", "messages", "stream", "max_completion_tokens", "reasoning", "user"], context.Payload.Select(p => p.Key));
        Assert.Equal("system", (string?)Wire(context, 0)["role"]);
        AssertJson("""{"effort":"medium"}""", context.Payload["reasoning"]);
    }

    [Fact]
    public void ExtraBodyDeveloperMessagesBecomeSystem()
    {
        var parameters = new JsonObject
        {
            ["extraBody"] = new JsonObject { ["messages"] = JsonNode.Parse("""[{"role":"developer","content":"x"},{"role":"user","content":"y"}]""") },
        };
        var context = For("openai/gpt-5.5", parameters: parameters);

        ChatRequestPipeline.Run(context);

        AssertJson("""[{"role":"system","content":"x"},{"role":"user","content":"y"}]""", context.Payload["messages"]);
    }
}
