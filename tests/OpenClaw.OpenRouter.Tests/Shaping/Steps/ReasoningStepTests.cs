using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Models;
using OpenClaw.OpenRouter.Reasoning;
using OpenClaw.OpenRouter.Shaping.Steps;

namespace OpenClaw.OpenRouter.Tests.Shaping.Steps;

public sealed class ReasoningStepTests
{
    private static readonly ReasoningEffort[] AllEfforts =
        [ReasoningEffort.None, ReasoningEffort.Minimal, ReasoningEffort.Low, ReasoningEffort.Medium, ReasoningEffort.High, ReasoningEffort.XHigh, ReasoningEffort.Max];

    private static string? Reasoning(string model, OpenRouterModelInfo info, string? level, string? parameters = null, string? baseUrl = PayloadContextsDefaults.Canonical)
    {
        var context = PayloadContexts.For(model, baseUrl: baseUrl, info: info,
            parameters: parameters is null ? null : JsonNode.Parse(parameters)!.AsObject(),
            level: level is null ? null : new ThinkingLevel(level));
        new ReasoningStep().Apply(context);
        Assert.False(context.Payload.ContainsKey("reasoning_effort"));
        return context.Payload["reasoning"]?.ToJsonString();
    }

    private static OpenRouterModelInfo Info(string id, bool reasoning = true, IReadOnlyList<ReasoningEffort>? efforts = null) =>
        new() { Id = id, Reasoning = reasoning, SupportedReasoningEfforts = efforts };

    [Theory]
    [InlineData("off", """{"effort":"none"}""")]
    [InlineData("minimal", """{"effort":"minimal"}""")]
    [InlineData("low", """{"effort":"low"}""")]
    [InlineData("medium", """{"effort":"medium"}""")]
    [InlineData("high", """{"effort":"high"}""")]
    [InlineData("xhigh", """{"effort":"xhigh"}""")]
    [InlineData("max", """{"effort":"max"}""")]
    public void Claude_with_declared_efforts_sends_each_level_as_is(string level, string expected) =>
        Assert.Equal(expected, Reasoning("anthropic/claude-sonnet-4.6", Info("anthropic/claude-sonnet-4.6", efforts: AllEfforts), level));

    [Fact]
    public void The_router_on_the_canonical_base_gets_no_reasoning() =>
        Assert.Null(Reasoning("openrouter/auto", Info("openrouter/auto", reasoning: false), null));

    [Theory]
    [InlineData("high", null)]
    [InlineData("off", null)]
    public void Hunter_alpha_gets_no_reasoning(string level, string? expected) =>
        Assert.Equal(expected, Reasoning("openrouter/hunter-alpha", Info("openrouter/hunter-alpha"), level));

    [Theory]
    [InlineData("medium", """{"effort":"medium"}""")]
    [InlineData("high", """{"effort":"high"}""")]
    public void Openai_levels(string level, string expected) =>
        Assert.Equal(expected, Reasoning("openai/gpt-5.5", Info("openai/gpt-5.5"), level));

    [Theory]
    [InlineData("high", """{"effort":"high"}""")]
    [InlineData("xhigh", """{"effort":"xhigh"}""")]
    [InlineData("off", """{"effort":"none"}""")]
    public void DeepSeek_with_declared_xhigh_and_high(string level, string expected) =>
        Assert.Equal(expected, Reasoning("deepseek/deepseek-v4-flash", Info("deepseek/deepseek-v4-flash", efforts: [ReasoningEffort.None, ReasoningEffort.XHigh, ReasoningEffort.High]), level));

    [Theory]
    [InlineData("high", """{"effort":"high"}""")]
    [InlineData("off", """{"effort":"none"}""")]
    [InlineData("xhigh", """{"effort":"high"}""")]
    [InlineData("max", """{"effort":"high"}""")]
    [InlineData("adaptive", """{"effort":"medium"}""")]
    [InlineData("minimal", """{"effort":"minimal"}""")]
    public void Unknown_efforts_clamp_to_the_model_level_set(string level, string expected) =>
        Assert.Equal(expected, Reasoning("moonshotai/kimi-k2.6", Info("moonshotai/kimi-k2.6"), level));

    [Theory]
    [InlineData("max", """{"effort":"high"}""")]
    [InlineData("minimal", """{"effort":"low"}""")]
    [InlineData("off", """{"effort":"low"}""")]
    public void Declared_efforts_choose_the_highest_at_or_below_else_the_lowest(string level, string expected) =>
        Assert.Equal(expected, Reasoning("x/y", Info("x/y", efforts: [ReasoningEffort.Low, ReasoningEffort.High]), level));

    [Theory]
    [InlineData("high", """{"enabled":true}""")]
    [InlineData("off", """{"enabled":false}""")]
    public void Binary_reasoning_switches_on_and_off(string level, string expected) =>
        Assert.Equal(expected, Reasoning("x/y", Info("x/y", efforts: []), level));

    [Fact]
    public void No_level_requested_sends_high() =>
        Assert.Equal("""{"effort":"high"}""", Reasoning("openai/gpt-5.5", Info("openai/gpt-5.5"), null));

    [Theory]
    [InlineData("""{"reasoning":{"max_tokens":2000}}""", """{"max_tokens":2000}""")]
    [InlineData("""{"reasoning":{"effort":"low"}}""", """{"effort":"low"}""")]
    [InlineData("""{"reasoning":{"exclude":true}}""", """{"exclude":true,"effort":"high"}""")]
    public void A_configured_effort_or_budget_is_never_overwritten(string parameters, string expected) =>
        Assert.Equal(expected, Reasoning("openai/gpt-5.5", Info("openai/gpt-5.5"), "high", parameters));

    [Fact]
    public void A_reasoning_effort_from_params_never_reaches_the_wire()
    {
        var context = PayloadContexts.WithPayload("openai/gpt-5.5", """{"reasoning_effort":"high"}""", info: Info("openai/gpt-5.5"), level: ThinkingLevel.Low);

        new ReasoningStep().Apply(context);

        Assert.Equal("""{"reasoning":{"effort":"low"}}""", context.Payload.ToJsonString());
    }

    [Theory]
    [InlineData(PayloadContexts.LocalProxy)]
    [InlineData(PayloadContexts.CustomProxy)]
    public void The_reasoning_payload_is_sent_on_every_route(string baseUrl) =>
        Assert.Equal("""{"effort":"high"}""", Reasoning("openai/gpt-5.5", Info("openai/gpt-5.5"), "high", baseUrl: baseUrl));

    [Fact]
    public void X_ai_models_are_not_special_cased_for_reasoning() =>
        Assert.Equal("""{"effort":"high"}""", Reasoning("x-ai/grok-4", Info("x-ai/grok-4"), "high"));
}

internal static class PayloadContextsDefaults
{
    public const string Canonical = OpenClaw.OpenRouter.Routing.OpenRouterBaseUrl.Canonical;
}
