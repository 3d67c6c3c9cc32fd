using System.Text.Json.Nodes;
using OpenClaw.Cli.Tests.Support;

namespace OpenClaw.Cli.Tests.Commands.Agent;

/// <summary>
/// Two-turn conversations on the canonical route: the second request replays the first turn the way each model family needs
/// it (provider spec §8, §10, §12), checked on the exact body the emulator received. The emulator's upstream rules are on, so
/// a wrong replay also fails the turn itself.
/// </summary>
public sealed class AgentReplayTests
{
    [Fact]
    public async Task Anthropic_gets_the_history_without_reasoning_and_with_cache_markers()
    {
        await using var cli = await AgentCli.StartAsync(canonical: true);
        cli.UseModels("openrouter/anthropic/claude-sonnet-4.6");

        var first = await cli.RunAsync("agent", "-m", "First message");
        var second = await cli.RunAsync("agent", "-m", "Second message");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal("Echo: Second message\n", second.Stdout);
        var bodies = cli.ChatBodies;
        Assert.Equal(2, bodies.Count);
        Assert.Equal("""{"effort":"medium"}""", bodies[1]["reasoning"]!.ToJsonString());
        var messages = bodies[1]["messages"]!.AsArray();
        Assert.Equal(4, messages.Count);
        var system = messages[0]!;
        Assert.Equal("system", (string?)system["role"]);
        Assert.Equal("""{"type":"ephemeral"}""", system["content"]!.AsArray()[^1]!["cache_control"]!.ToJsonString());
        Assert.Equal("""{"role":"user","content":"First message"}""", messages[1]!.ToJsonString());
        Assert.Equal("""{"role":"assistant","content":"Echo: First message"}""", messages[2]!.ToJsonString());
        Assert.Equal(
            """{"role":"user","content":[{"type":"text","text":"Second message","cache_control":{"type":"ephemeral"}}]}""",
            messages[3]!.ToJsonString());
        var tools = bodies[1]["tools"]!.AsArray();
        Assert.Equal("""{"type":"ephemeral"}""", tools[^1]!["cache_control"]!.ToJsonString());
        // The first turn's answer did reason: the replay dropped it on purpose.
        Assert.Contains("reasoning", (await cli.RunAsync("sessions", "show", "--json")).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeepSeek_V4_gets_its_reasoning_back_with_an_empty_reasoning_content()
    {
        await using var cli = await AgentCli.StartAsync(canonical: true);
        cli.UseModels("openrouter/deepseek/deepseek-v4-flash");

        var first = await cli.RunAsync("agent", "-m", "First message");
        var second = await cli.RunAsync("agent", "-m", "Second message");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        var bodies = cli.ChatBodies;
        Assert.All(bodies, body => Assert.Equal("""{"effort":"high"}""", body["reasoning"]!.ToJsonString()));
        var messages = bodies[1]["messages"]!.AsArray();
        Assert.Equal(4, messages.Count);
        Assert.Equal("system", (string?)messages[0]!["role"]);
        Assert.Equal(System.Text.Json.JsonValueKind.String, messages[0]!["content"]!.GetValueKind());
        Assert.Equal("""{"role":"user","content":"First message"}""", messages[1]!.ToJsonString());
        var assistant = messages[2]!.AsObject();
        Assert.Equal(["role", "content", "reasoning", "reasoning_content"], assistant.Select(pair => pair.Key));
        Assert.Equal("Echo: First message", (string?)assistant["content"]);
        Assert.False(string.IsNullOrEmpty((string?)assistant["reasoning"]));
        Assert.Equal("", (string?)assistant["reasoning_content"]);
        Assert.Equal("""{"role":"user","content":"Second message"}""", messages[3]!.ToJsonString());
        Assert.DoesNotContain("cache_control", cli.ChatRequests[1].BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeepSeek_V4_with_thinking_off_gets_no_reasoning_content()
    {
        await using var cli = await AgentCli.StartAsync(canonical: true);
        cli.UseModels("openrouter/deepseek/deepseek-v4-flash");

        Assert.Equal(0, (await cli.RunAsync("agent", "-m", "First message", "--thinking", "off")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("agent", "-m", "Second message")).ExitCode);

        var body = cli.ChatBodies[1];
        Assert.Equal("""{"effort":"none"}""", body["reasoning"]!.ToJsonString());
        Assert.Equal("""{"role":"assistant","content":"Echo: First message"}""", body["messages"]![2]!.ToJsonString());
    }

    [Fact]
    public async Task Gemini_keeps_thought_signatures_inside_a_turn_and_drops_them_on_the_next()
    {
        await using var cli = await AgentCli.StartAsync(canonical: true);
        cli.UseModels("openrouter/google/gemini-3.1-pro-preview");

        var first = await cli.RunAsync("agent", "-m", "Please call current_time");
        var second = await cli.RunAsync("agent", "-m", "Thanks");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        var bodies = cli.ChatBodies;
        Assert.Equal(3, bodies.Count);

        // Inside the tool loop: the call goes back with its reasoning.encrypted signature.
        var loop = bodies[1]["messages"]!.AsArray();
        var call = loop.Single(m => (string?)m!["role"] == "assistant")!.AsObject();
        var callId = (string?)call["tool_calls"]![0]!["id"];
        var signature = Assert.Single(call["reasoning_details"]!.AsArray())!;
        Assert.Equal("reasoning.encrypted", (string?)signature["type"]);
        Assert.Equal(callId, (string?)signature["id"]);
        Assert.Null(call["content"]);

        // The next turn: the same call without the signature, its result, the answer, then the new message.
        var replay = bodies[2]["messages"]!.AsArray();
        Assert.Equal(["system", "user", "assistant", "tool", "assistant", "user"], replay.Select(m => (string?)m!["role"]));
        var replayedCall = replay[2]!.AsObject();
        Assert.False(replayedCall.ContainsKey("reasoning_details"));
        Assert.Equal(callId, (string?)replayedCall["tool_calls"]![0]!["id"]);
        Assert.Equal("current_time", (string?)replayedCall["tool_calls"]![0]!["function"]!["name"]);
        Assert.Equal(callId, (string?)replay[3]!["tool_call_id"]);
        Assert.Equal("""{"role":"user","content":"Thanks"}""", replay[5]!.ToJsonString());
    }
}
