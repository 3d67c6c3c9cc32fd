using System.Globalization;
using System.Text.Json.Nodes;
using OpenClaw.Cli.Tests.Support;

namespace OpenClaw.Cli.Tests.Commands.Agent;

/// <summary><c>openclaw agent -m …</c> against the emulator (CLI spec §4): output, JSON shape, tools, cost and the checks made before anything is sent.</summary>
public sealed class AgentCommandTests
{
    [Fact]
    public async Task A_plain_turn_prints_the_answer_on_stdout_and_the_model_line_on_stderr()
    {
        await using var cli = await AgentCli.StartAsync();
        cli.UseModels("openrouter/openai/gpt-5.5");

        var result = await cli.RunProcessAsync("agent", "-m", "Hello there");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Echo: Hello there\n", result.Stdout);
        var summary = result.StderrLines[^1];
        Assert.StartsWith("openai/gpt-5.5 via ", summary, StringComparison.Ordinal);
        Assert.Matches(@" · \d+ in / \d+ out tokens · \$\d+(\.\d+)? · session main$", summary);
        Assert.Single(cli.ChatRequests);
    }

    [Fact]
    public async Task Openrouter_auto_reports_the_model_it_routed_to()
    {
        await using var cli = await AgentCli.StartAsync();
        cli.UseModels("openrouter/auto");

        var text = await cli.RunAsync("agent", "-m", "Hello");
        var json = await cli.RunAsync("agent", "-m", "Hello again", "--json");

        Assert.True(text.ExitCode == 0, text.ToString());
        // Tools are offered, so the emulator's router picks Claude.
        Assert.StartsWith("anthropic/claude-sonnet-4.6 via Anthropic · ", text.StderrLines[^1], StringComparison.Ordinal);
        Assert.True(json.ExitCode == 0, json.ToString());
        var agentMeta = json.Json["meta"]!["agentMeta"]!;
        Assert.Equal("openrouter/auto", (string?)agentMeta["model"]);
        Assert.Equal("anthropic/claude-sonnet-4.6", (string?)agentMeta["responseModel"]);
        Assert.All(cli.ChatBodies, body => Assert.Equal("openrouter/auto", (string?)body["model"]));
    }

    [Fact]
    public async Task Json_prints_exactly_the_documented_shape()
    {
        await using var cli = await AgentCli.StartAsync();
        cli.UseModels("openrouter/anthropic/claude-sonnet-4.6");

        var result = await cli.RunAsync("agent", "-m", "Hello", "--json", "--session-id", "shape");

        Assert.True(result.ExitCode == 0, result.ToString());
        var document = result.Json.AsObject();
        Assert.Equal(["payloads", "meta"], Keys(document));
        var payload = Assert.Single(document["payloads"]!.AsArray())!.AsObject();
        Assert.Equal(["text", "mediaUrl"], Keys(payload));
        Assert.Equal("Echo: Hello", (string?)payload["text"]);
        Assert.Null(payload["mediaUrl"]);
        var meta = document["meta"]!.AsObject();
        Assert.Equal(["durationMs", "agentMeta", "aborted", "stopReason", "completion", "requestShaping"], Keys(meta));
        var agentMeta = meta["agentMeta"]!.AsObject();
        Assert.Equal(["sessionId", "provider", "model", "responseModel", "contextTokens", "usage", "lastCallUsage", "costUsd"], Keys(agentMeta));
        Assert.Equal("shape", (string?)agentMeta["sessionId"]);
        Assert.Equal("openrouter", (string?)agentMeta["provider"]);
        Assert.Equal("anthropic/claude-sonnet-4.6", (string?)agentMeta["model"]);
        Assert.Equal("anthropic/claude-sonnet-4.6", (string?)agentMeta["responseModel"]);
        Assert.True(agentMeta["contextTokens"]!.GetValue<int>() > 0);
        foreach (var name in new[] { "usage", "lastCallUsage" })
        {
            var usage = agentMeta[name]!.AsObject();
            var expected = usage.ContainsKey("reasoningTokens")
                ? new[] { "input", "output", "cacheRead", "cacheWrite", "reasoningTokens", "total", "cost" }
                : ["input", "output", "cacheRead", "cacheWrite", "total", "cost"];
            Assert.Equal(expected, Keys(usage));
            Assert.Equal(["total", "totalOrigin"], Keys(usage["cost"]!.AsObject()));
            Assert.Equal("provider-billed", (string?)usage["cost"]!["totalOrigin"]);
            Assert.Equal(
                usage["input"]!.GetValue<long>() + usage["output"]!.GetValue<long>() + usage["cacheRead"]!.GetValue<long>() + usage["cacheWrite"]!.GetValue<long>(),
                usage["total"]!.GetValue<long>());
        }
        Assert.Equal(agentMeta["usage"]!["cost"]!["total"]!.GetValue<decimal>(), agentMeta["costUsd"]!.GetValue<decimal>());
        Assert.False(meta["aborted"]!.GetValue<bool>());
        Assert.Equal("stop", (string?)meta["stopReason"]);
        Assert.Equal("""{"stopReason":"stop","finishReason":"stop"}""", meta["completion"]!.ToJsonString());
        Assert.Equal(["authMode", "thinking"], Keys(meta["requestShaping"]!.AsObject()));
        Assert.Equal("env", (string?)meta["requestShaping"]!["authMode"]);
        Assert.Equal("medium", (string?)meta["requestShaping"]!["thinking"]);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public async Task A_tool_calling_turn_runs_current_time_and_bills_every_call()
    {
        await using var cli = await AgentCli.StartAsync();
        cli.UseModels("openrouter/emulator/tools");

        // The emulator's tool model fills string arguments with the user's words: here a valid time zone.
        var result = await cli.RunAsync("agent", "-m", "UTC", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var bodies = cli.ChatBodies;
        Assert.Equal(2, bodies.Count);
        Assert.Contains(bodies[0]["tools"]!.AsArray(), tool => (string?)tool!["function"]!["name"] == "current_time");
        var call = bodies[1]["messages"]!.AsArray().Single(m => (string?)m!["role"] == "assistant")!;
        Assert.Equal("current_time", (string?)call["tool_calls"]![0]!["function"]!["name"]);
        var toolResult = bodies[1]["messages"]!.AsArray().Single(m => (string?)m!["role"] == "tool")!;
        Assert.Contains("\"utc\"", (string?)toolResult["content"], StringComparison.Ordinal);

        var billed = await EmulatorBilling.CostOfAsync(cli.Emulator, cli.ChatRequests);
        var agentMeta = result.Json["meta"]!["agentMeta"]!;
        Assert.Equal(billed, agentMeta["costUsd"]!.GetValue<decimal>());
        Assert.Equal(billed, agentMeta["usage"]!["cost"]!["total"]!.GetValue<decimal>());
        Assert.True(agentMeta["lastCallUsage"]!["cost"]!["total"]!.GetValue<decimal>() < billed);
    }

    [Fact]
    public async Task Text_mode_notes_the_tool_call_and_shows_the_billed_cost()
    {
        await using var cli = await AgentCli.StartAsync();
        cli.UseModels("openrouter/emulator/tools");

        var result = await cli.RunAsync("agent", "-m", "UTC");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(result.StderrLines, line => line.StartsWith("→ current_time", StringComparison.Ordinal));
        Assert.Contains(result.StderrLines, line => line.StartsWith("← current_time: {", StringComparison.Ordinal));
        var billed = await EmulatorBilling.CostOfAsync(cli.Emulator, cli.ChatRequests.Take(2));
        Assert.Contains($" · ${billed.ToString("0.############", CultureInfo.InvariantCulture)} · session main", result.StderrLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_cut_at_the_length_limit_is_followed_by_the_truncation_notice()
    {
        await using var cli = await AgentCli.StartAsync();
        cli.UseModels("openrouter/openai/gpt-5.5");
        cli.Emulator.Faults.Enqueue("length", "/chat/completions");

        var result = await cli.RunAsync("agent", "-m", "Tell me a long story");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("⚠️ Reply truncated at the model's output token limit. The text above is partial — ask to continue it.", result.StdoutLines[^1]);
        Assert.True(result.StdoutLines.Count >= 2, result.ToString());
    }

    [Fact]
    public async Task Reasoning_is_hidden_unless_asked_for_and_then_goes_to_stderr()
    {
        await using var cli = await AgentCli.StartAsync();
        cli.UseModels("openrouter/emulator/reasoning");

        var hidden = await cli.RunAsync("agent", "-m", "Think first");
        var shown = await cli.RunAsync("agent", "-m", "Think again", "--show-reasoning");

        Assert.True(hidden.ExitCode == 0, hidden.ToString());
        Assert.Single(hidden.StderrLines);
        Assert.True(shown.ExitCode == 0, shown.ToString());
        Assert.Equal("Echo: Think again\n", shown.Stdout);
        Assert.True(shown.StderrLines.Count > 1, shown.ToString());
        Assert.DoesNotContain("\u001b[", shown.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("on")]
    [InlineData("stream")]
    public async Task The_configured_reasoning_default_shows_reasoning_dimmed_on_a_colour_terminal(string mode)
    {
        await using var cli = await AgentCli.StartAsync();
        cli.WriteConfig("""{"agents":{"defaults":{"model":"openrouter/emulator/reasoning","reasoningDefault":"MODE"}}}""".Replace("MODE", mode, StringComparison.Ordinal));
        cli.UseColor = true;

        var result = await cli.RunAsync("agent", "-m", "Think first");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Echo: Think first\n", result.Stdout);
        Assert.StartsWith("\u001b[2m", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("\u001b[22m", result.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("emulator/reasoning via ", result.StderrLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_message_comes_from_a_file_or_standard_input()
    {
        await using var cli = await AgentCli.StartAsync();
        cli.UseModels("openrouter/openai/gpt-5.5");
        var file = Path.Combine(cli.Home.WorkingDirectory, "message.txt");
        await File.WriteAllTextAsync(file, "From a file", TestContext.Current.CancellationToken);

        var fromFile = await cli.RunAsync("agent", "--message-file", "message.txt");
        var fromStdin = await cli.RunAsync("From stdin", TestContext.Current.CancellationToken, "agent", "-m", "-");

        Assert.Equal("Echo: From a file\n", fromFile.Stdout);
        Assert.Equal("Echo: From stdin\n", fromStdin.Stdout);
    }

    [Fact]
    public async Task A_message_file_over_4_MiB_is_refused_before_any_request()
    {
        await using var cli = await AgentCli.StartAsync();
        var file = Path.Combine(cli.Home.WorkingDirectory, "big.txt");
        await File.WriteAllTextAsync(file, new string('a', 4 * 1024 * 1024 + 1), TestContext.Current.CancellationToken);

        var result = await cli.RunAsync("agent", "--message-file", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"Error: Message file is larger than 4 MiB: {file}\n", result.Stderr);
        Assert.Empty(cli.ChatRequests);
    }

    [Fact]
    public async Task Without_a_key_nothing_is_sent()
    {
        await using var cli = await AgentCli.StartAsync();
        cli.Home.Environment.Remove("OPENROUTER_API_KEY");

        var result = await cli.RunProcessAsync("agent", "-m", "Hello");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal(
            "Error: No API key found for provider \"openrouter\". Auth store: ~/.openclaw/agents/main/agent/auth-profiles.json. " +
            "Run openclaw onboard --auth-choice openrouter-api-key, or set OPENROUTER_API_KEY.\n",
            result.Stderr);
        Assert.Empty(cli.ChatRequests);
    }

    [Fact]
    public async Task A_key_from_the_auth_profile_is_reported_as_auth_profile()
    {
        await using var cli = await AgentCli.StartAsync();
        cli.UseModels("openrouter/openai/gpt-5.5");
        cli.Home.Environment.Remove("OPENROUTER_API_KEY");
        var onboard = await cli.RunAsync("onboard", "--non-interactive", "--accept-risk", "--openrouter-api-key", OpenRouter.Emulator.ApiKeyRegistry.DefaultKey);
        Assert.Equal(0, onboard.ExitCode);
        // Onboarding set openrouter/auto as the default; put the test's model back.
        cli.UseModels("openrouter/openai/gpt-5.5");

        var result = await cli.RunAsync("agent", "-m", "Hello", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("auth-profile", (string?)result.Json["meta"]!["requestShaping"]!["authMode"]);
        Assert.Equal($"Bearer {OpenRouter.Emulator.ApiKeyRegistry.DefaultKey}", cli.ChatRequests[0].Header("Authorization"));
    }

    [Theory]
    [InlineData("extreme")]
    [InlineData("")]
    [InlineData("ultra")]
    public async Task An_unknown_thinking_word_is_refused_before_any_request(string word)
    {
        await using var cli = await AgentCli.StartAsync();

        var result = await cli.RunAsync("agent", "-m", "Hello", "--thinking", word);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error: Invalid thinking level. Use one of: off, minimal, low, medium, high, xhigh, adaptive, max.\n", result.Stderr);
        Assert.Empty(cli.ChatRequests);
    }

    [Fact]
    public async Task Thinking_aliases_are_accepted()
    {
        await using var cli = await AgentCli.StartAsync();
        cli.UseModels("openrouter/anthropic/claude-sonnet-4.6");

        var result = await cli.RunAsync("agent", "-m", "Hello", "--thinking", "extra-high", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("xhigh", (string?)result.Json["meta"]!["requestShaping"]!["thinking"]);
        Assert.Equal("""{"effort":"xhigh"}""", cli.ChatBodies[0]["reasoning"]!.ToJsonString());
    }

    [Fact]
    public async Task A_level_the_model_does_not_support_is_refused_before_any_request()
    {
        await using var cli = await AgentCli.StartAsync(canonical: true);
        cli.UseModels("openrouter/auto");

        var result = await cli.RunAsync("agent", "-m", "Hello", "--thinking", "high");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error: Thinking level \"high\" is not supported for openrouter/openrouter/auto. Use one of: off.\n", result.Stderr);
        Assert.Empty(cli.ChatRequests);
        var show = await cli.RunAsync("sessions", "show", "--json");
        Assert.Equal(1, show.ExitCode);
    }

    [Fact]
    public async Task Thinking_is_saved_on_the_session_for_later_turns()
    {
        await using var cli = await AgentCli.StartAsync();
        cli.UseModels("openrouter/anthropic/claude-sonnet-4.6");

        var first = await cli.RunAsync("agent", "-m", "One", "--thinking", "low");
        var second = await cli.RunAsync("agent", "-m", "Two");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.All(cli.ChatBodies, body => Assert.Equal("""{"effort":"low"}""", body["reasoning"]!.ToJsonString()));
    }

    [Fact]
    public async Task Nothing_reaches_openrouter_ai()
    {
        await using var cli = await AgentCli.StartAsync(canonical: true);
        cli.UseModels("openrouter/anthropic/claude-sonnet-4.6");

        var result = await cli.RunAsync("agent", "-m", "Hello");

        Assert.True(result.ExitCode == 0, result.ToString());
        // The chat goes to the canonical URL (redirected to the emulator); the capability lookup to the emulator directly.
        Assert.All(cli.Handler.Requested.Where(uri => uri.Host == "openrouter.ai"), uri => Assert.Equal("/api/v1/chat/completions", uri.AbsolutePath));
        Assert.Contains(cli.Handler.Requested, uri => uri.IsLoopback && uri.AbsolutePath == "/api/v1/models");
    }

    private static List<string> Keys(JsonObject node) => [.. node.Select(pair => pair.Key)];
}
