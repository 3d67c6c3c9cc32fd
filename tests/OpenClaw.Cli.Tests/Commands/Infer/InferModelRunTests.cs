using System.Text.Json.Nodes;
using OpenClaw.Cli.Tests.Support;

namespace OpenClaw.Cli.Tests.Commands.Infer;

/// <summary><c>openclaw infer model run</c>: one plain completion (CLI spec §7, provider spec §10's one-shot mapping).</summary>
public sealed class InferModelRunTests
{
    [Fact]
    public async Task Sends_a_single_user_message_without_system_prompt_or_tools()
    {
        await using var cli = await AgentCli.StartAsync(canonical: true);

        var result = await cli.RunAsync("infer", "model", "run", "--prompt", "One word for joy", "--model", "openrouter/openai/gpt-5.5");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Echo: One word for joy\n", result.Stdout);
        Assert.StartsWith("openai/gpt-5.5 via ", result.StderrLines[^1], StringComparison.Ordinal);
        var body = Assert.Single(cli.ChatBodies);
        Assert.Equal(["model", "messages", "stream", "max_completion_tokens", "reasoning"], body.Select(pair => pair.Key));
        Assert.Equal("openai/gpt-5.5", (string?)body["model"]);
        Assert.Equal("""[{"role":"user","content":"One word for joy"}]""", body["messages"]!.ToJsonString());
        Assert.True(body["stream"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("max", """{"effort":"xhigh"}""")]
    [InlineData("xhigh", """{"effort":"xhigh"}""")]
    [InlineData("high", """{"effort":"high"}""")]
    [InlineData("low", """{"effort":"high"}""")]
    [InlineData("off", """{"effort":"none"}""")]
    public async Task DeepSeek_V4_with_catalog_efforts_maps_the_requested_level(string level, string reasoning)
    {
        await using var cli = await AgentCli.StartAsync(canonical: true);

        var result = await cli.RunAsync("infer", "model", "run", "--prompt", "Hi", "--model", "openrouter/deepseek/deepseek-v4-flash", "--thinking", level);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(reasoning, Assert.Single(cli.ChatBodies)["reasoning"]!.ToJsonString());
    }

    [Theory]
    [InlineData("max", """{"effort":"xhigh"}""")]
    [InlineData("xhigh", """{"effort":"xhigh"}""")]
    [InlineData("low", """{"effort":"high"}""")]
    [InlineData("off", """{"effort":"none"}""")]
    public async Task DeepSeek_V4_without_declared_efforts_maps_the_requested_level_straight_to_its_effort(string level, string reasoning)
    {
        await using var cli = await AgentCli.StartAsync(canonical: true);
        // A configured row carries no effort list: the one-shot mapping of provider spec §10 applies as observed.
        cli.WriteConfig("""{"models":{"providers":{"openrouter":{"models":[{"id":"deepseek/deepseek-v4-flash","reasoning":true,"contextWindow":1048576,"maxTokens":393216}]}}}}""");

        var result = await cli.RunAsync("infer", "model", "run", "--prompt", "Hi", "--model", "openrouter/deepseek/deepseek-v4-flash", "--thinking", level);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(reasoning, Assert.Single(cli.ChatBodies)["reasoning"]!.ToJsonString());
    }

    [Fact]
    public async Task Openrouter_auto_gets_no_reasoning_on_the_canonical_route()
    {
        await using var cli = await AgentCli.StartAsync(canonical: true);

        var result = await cli.RunAsync("infer", "model", "run", "--prompt", "Hi");

        Assert.True(result.ExitCode == 0, result.ToString());
        var body = Assert.Single(cli.ChatBodies);
        Assert.Equal("openrouter/auto", (string?)body["model"]);
        Assert.False(body.ContainsKey("reasoning"));
        Assert.False(body.ContainsKey("tools"));
    }

    [Fact]
    public async Task Json_prints_the_model_run_document()
    {
        await using var cli = await AgentCli.StartAsync();

        var result = await cli.RunAsync("infer", "model", "run", "--prompt", "Hi", "--model", "openrouter/deepseek/deepseek-v4-flash", "--json", "--local");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            """{"ok":true,"capability":"model.run","transport":"local","provider":"openrouter","model":"deepseek/deepseek-v4-flash","attempts":[],"outputs":[{"text":"Echo: Hi","mediaUrl":null}]}""",
            result.Json.ToJsonString());
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public async Task Errors_are_one_line_and_exit_1()
    {
        await using var cli = await AgentCli.StartAsync();
        cli.Emulator.Faults.Enqueue("rate-limit", "/chat/completions");

        var result = await cli.RunAsync("infer", "model", "run", "--prompt", "Hi", "--model", "openrouter/openai/gpt-5.5");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("Error: 429 ", result.StderrLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_key_nothing_is_sent()
    {
        await using var cli = await AgentCli.StartAsync();
        cli.Home.Environment.Remove("OPENROUTER_API_KEY");

        var result = await cli.RunAsync("infer", "model", "run", "--prompt", "Hi", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("""{"ok":false,"error":{"type":"cli_error","message":"OpenRouter API key missing"}}""", JsonNode.Parse(result.Stdout)!.ToJsonString());
        Assert.Empty(cli.ChatRequests);
    }

    [Fact]
    public async Task An_unknown_thinking_word_is_refused()
    {
        await using var cli = await AgentCli.StartAsync();

        var result = await cli.RunAsync("infer", "model", "run", "--prompt", "Hi", "--thinking", "lots");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error: Invalid thinking level. Use one of: off, minimal, low, medium, high, xhigh, adaptive, max.\n", result.Stderr);
        Assert.Empty(cli.ChatRequests);
    }
}
