using System.Text.Json.Nodes;
using OpenClaw.Agent.Sessions;
using OpenClaw.Agent.Tests.Support;
using OpenClaw.Agent.Turns;
using OpenClaw.OpenRouter.Reasoning;

namespace OpenClaw.Agent.Tests.Turns;

/// <summary>How a turn's thinking level is chosen, checked and saved (CLI spec §4, provider spec §7.4).</summary>
public sealed class ThinkingTests
{
    private const string Claude = "openrouter/anthropic/claude-sonnet-4.6";
    private const string DeepSeek = "openrouter/deepseek/deepseek-v4-flash";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string? EffortOf(JsonNode body) => body["reasoning"]?["effort"]?.GetValue<string>();

    [Fact]
    public async Task An_unsupported_explicit_level_is_refused_before_anything_is_sent_or_stored()
    {
        await using var harness = await TurnHarness.StartAsync();
        var runner = harness.Runner(harness.Settings("openrouter/emulator/echo"));
        await runner.RunAsync(TurnHarness.Request("before"), cancellationToken: Token);
        var before = await harness.Store.LoadAsync(SessionKey.Main(), Token);

        var error = await Assert.ThrowsAsync<ThinkingLevelNotSupportedException>(
            () => runner.RunAsync(TurnHarness.Request("rejected") with { Thinking = ThinkingLevel.High }, cancellationToken: Token));

        Assert.Equal("Thinking level \"high\" is not supported for openrouter/emulator/echo. Use one of: off.", error.Message);
        Assert.Single(harness.ChatRequests);
        var after = await harness.Store.LoadAsync(SessionKey.Main(), Token);
        Assert.Equal(before.Entry, after.Entry);
        Assert.Equal(before.Messages.Select(message => message.Id), after.Messages.Select(message => message.Id));

        // The next turn's request does not contain the rejected message.
        await runner.RunAsync(TurnHarness.Request("after"), cancellationToken: Token);
        Assert.DoesNotContain("rejected", harness.ChatRequests[^1].BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Max_is_refused_for_deepseek_v4_with_its_own_levels()
    {
        await using var harness = await TurnHarness.StartAsync();

        var error = await Assert.ThrowsAsync<ThinkingLevelNotSupportedException>(() => harness.Runner(harness.Settings(DeepSeek))
            .RunAsync(TurnHarness.Request("hi") with { Thinking = ThinkingLevel.Max }, cancellationToken: Token));

        Assert.Equal("Thinking level \"max\" is not supported for openrouter/deepseek/deepseek-v4-flash. Use one of: off, high, xhigh.", error.Message);
        Assert.Empty(harness.ChatRequests);
        Assert.Null((await harness.Store.LoadAsync(SessionKey.Main(), Token)).Entry);
    }

    [Fact]
    public async Task An_explicit_level_is_sent_saved_and_reused_by_later_turns()
    {
        await using var harness = await TurnHarness.StartAsync();
        var runner = harness.Runner(harness.Settings(Claude));

        var first = await runner.RunAsync(TurnHarness.Request("one") with { Thinking = ThinkingLevel.High }, cancellationToken: Token);
        var second = await runner.RunAsync(TurnHarness.Request("two"), cancellationToken: Token);

        Assert.Equal("high", first.Thinking);
        Assert.Equal("high", second.Thinking);
        Assert.Equal(["high", "high"], harness.ChatRequests.Select(entry => EffortOf(entry.BodyJson!)));
        Assert.Equal("high", (await harness.Store.LoadAsync(SessionKey.Main(), Token)).Entry!.ThinkingLevel);
    }

    [Fact]
    public async Task An_explicit_level_is_clamped_for_a_fallback_model()
    {
        await using var harness = await TurnHarness.StartAsync();
        harness.Emulator.Faults.Enqueue("rate-limit", "/chat/completions", model: "anthropic/claude-sonnet-4.6");

        var result = await harness.Runner(harness.Settings(Claude, DeepSeek))
            .RunAsync(TurnHarness.Request("hi") with { Thinking = ThinkingLevel.Max }, cancellationToken: Token);

        Assert.Equal(DeepSeek, result.ModelRef);
        Assert.Equal("xhigh", result.Thinking);
        Assert.Equal(["max", "xhigh"], harness.ChatRequests.Select(entry => EffortOf(entry.BodyJson!)));
        // What the user asked for is what the session keeps.
        Assert.Equal("max", (await harness.Store.LoadAsync(SessionKey.Main(), Token)).Entry!.ThinkingLevel);
    }

    [Fact]
    public async Task Configured_defaults_apply_in_order_and_are_clamped()
    {
        await using var harness = await TurnHarness.StartAsync();
        var modelParams = new Dictionary<string, JsonObject>(StringComparer.Ordinal)
        {
            [Claude] = new() { ["thinking"] = "low" },
            [DeepSeek] = new() { ["thinking"] = false },
        };

        async Task<string?> EffortAsync(AgentSettings settings)
        {
            var session = SessionKey.Explicit("main", Guid.NewGuid().ToString("N"));
            await harness.Runner(settings).RunAsync(TurnHarness.Request("hi", session), cancellationToken: Token);
            return EffortOf(harness.ChatRequests[^1].BodyJson!);
        }

        // Nothing configured: the model's own default.
        Assert.Equal("medium", await EffortAsync(harness.Settings(Claude)));
        // agents.defaults.thinkingDefault.
        Assert.Equal("minimal", await EffortAsync(harness.Settings(Claude) with { DefaultsThinkingDefault = ThinkingLevel.Minimal }));
        // The model's params.thinking wins over it.
        Assert.Equal("low", await EffortAsync(harness.Settings(Claude) with { DefaultsThinkingDefault = ThinkingLevel.Minimal, ModelParams = modelParams }));
        // params.thinking false means off.
        Assert.Equal("none", await EffortAsync(harness.Settings(DeepSeek) with { ModelParams = modelParams }));
        // The agent's own default wins over both.
        Assert.Equal("xhigh", await EffortAsync(harness.Settings(Claude) with { AgentThinkingDefault = ThinkingLevel.XHigh, ModelParams = modelParams }));
        // A configured level the model lacks is clamped, never refused.
        Assert.Equal("xhigh", await EffortAsync(harness.Settings(DeepSeek) with { AgentThinkingDefault = ThinkingLevel.Max }));
    }

    [Fact]
    public async Task The_session_level_wins_over_configured_defaults()
    {
        await using var harness = await TurnHarness.StartAsync();
        var runner = harness.Runner(harness.Settings(Claude) with { AgentThinkingDefault = ThinkingLevel.Low });

        await runner.RunAsync(TurnHarness.Request("one") with { Thinking = ThinkingLevel.Max }, cancellationToken: Token);
        var second = await runner.RunAsync(TurnHarness.Request("two"), cancellationToken: Token);

        Assert.Equal("max", second.Thinking);
        Assert.Equal("max", EffortOf(harness.ChatRequests[^1].BodyJson!));
    }

    [Fact]
    public async Task A_saved_level_is_clamped_for_a_model_that_lacks_it()
    {
        // The verified route: DeepSeek V4 with thinking needs the reasoning_content backfill on the replayed Claude answer.
        await using var harness = await TurnHarness.StartAsync(Route.Canonical);
        await harness.Runner(harness.Settings(Claude)).RunAsync(TurnHarness.Request("one") with { Thinking = ThinkingLevel.Max }, cancellationToken: Token);

        var second = await harness.Runner(harness.Settings(DeepSeek)).RunAsync(TurnHarness.Request("two"), cancellationToken: Token);

        Assert.Equal("xhigh", second.Thinking);
        Assert.Equal("xhigh", EffortOf(harness.ChatRequests[^1].BodyJson!));
    }
}
