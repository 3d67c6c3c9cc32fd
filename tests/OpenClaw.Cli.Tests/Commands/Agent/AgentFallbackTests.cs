using OpenClaw.Cli.Tests.Support;

namespace OpenClaw.Cli.Tests.Commands.Agent;

/// <summary>The model fallback chain as <c>openclaw agent</c> shows it (CLI spec §4, provider spec §19).</summary>
public sealed class AgentFallbackTests
{
    private const string Primary = "openrouter/anthropic/claude-sonnet-4.6";
    private const string Fallback = "openrouter/openai/gpt-5.5";

    [Theory]
    [InlineData("rate-limit", "rate_limit")]
    [InlineData("rate-limit; upstream=true", "timeout")]
    [InlineData("server-error", "timeout")]
    [InlineData("bad-gateway", "timeout")]
    [InlineData("unavailable", "timeout")]
    [InlineData("status; code=402; message=Insufficient credits", "billing")]
    [InlineData("status; code=403; message=Key limit exceeded", "billing")]
    [InlineData("status; code=404; message=No endpoints found", "model_not_found")]
    [InlineData("status; code=408; message=Request timeout", "timeout")]
    [InlineData("status; code=529; message=Overloaded", "timeout")]
    [InlineData("mid-stream-error", "timeout")]
    public async Task A_fallback_trigger_moves_to_the_next_model(string fault, string reason)
    {
        await using var cli = await AgentCli.StartAsync();
        cli.UseModels(Primary, Fallback);
        cli.Emulator.Faults.Enqueue(fault, "/chat/completions", "anthropic/claude-sonnet-4.6");

        var result = await cli.RunAsync("agent", "-m", "Hello");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["anthropic/claude-sonnet-4.6", "openai/gpt-5.5"], cli.ChatBodies.Select(body => (string?)body["model"]));
        Assert.EndsWith("Echo: Hello", result.StdoutLines[^1], StringComparison.Ordinal);
        var note = Assert.Single(result.StderrLines, line => line.StartsWith($"{Primary} failed: ", StringComparison.Ordinal));
        Assert.EndsWith($" ({reason}). Trying {Fallback}.", note, StringComparison.Ordinal);
        Assert.StartsWith("openai/gpt-5.5 via ", result.StderrLines[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("status; code=400; message=Bad request shape", "400 Bad request shape")]
    [InlineData("status; code=401; message=User not found.", "401 User not found.")]
    public async Task Other_failures_do_not_fall_back(string fault, string message)
    {
        await using var cli = await AgentCli.StartAsync();
        cli.UseModels(Primary, Fallback);
        cli.Emulator.Faults.Enqueue(fault, "/chat/completions", "anthropic/claude-sonnet-4.6");

        var result = await cli.RunAsync("agent", "-m", "Hello");

        Assert.Equal(1, result.ExitCode);
        Assert.Single(cli.ChatRequests);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith("Error: ", result.StderrLines[^1], StringComparison.Ordinal);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_every_model_fails_the_error_lists_them_all()
    {
        await using var cli = await AgentCli.StartAsync();
        cli.UseModels(Primary, Fallback, "openrouter/deepseek/deepseek-v4-flash");
        cli.Emulator.Faults.Enqueue("rate-limit", "/chat/completions", times: -1);

        var result = await cli.RunAsync("agent", "-m", "Hello");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(3, cli.ChatRequests.Count);
        var error = result.StderrLines[^1];
        Assert.StartsWith($"Error: All models failed (3): {Primary}: ", error, StringComparison.Ordinal);
        Assert.Contains($" (rate_limit) | {Fallback}: ", error, StringComparison.Ordinal);
        Assert.Contains(" (rate_limit) | openrouter/deepseek/deepseek-v4-flash: ", error, StringComparison.Ordinal);
        Assert.EndsWith(" (rate_limit)", error, StringComparison.Ordinal);

        var json = await cli.RunAsync("agent", "-m", "Hello", "--json");
        Assert.Equal(1, json.ExitCode);
        Assert.Equal("cli_error", (string?)json.Json["error"]!["type"]);
        Assert.StartsWith("All models failed (3): ", (string?)json.Json["error"]!["message"], StringComparison.Ordinal);
        Assert.False(json.Json.AsObject().ContainsKey("payloads"));
    }

    [Fact]
    public async Task A_failure_after_partial_text_ends_the_stdout_line_before_the_fallback_answers()
    {
        await using var cli = await AgentCli.StartAsync();
        cli.UseModels(Primary, Fallback);
        cli.Emulator.Faults.Enqueue("mid-stream-error; after=3", "/chat/completions", "anthropic/claude-sonnet-4.6");

        var result = await cli.RunAsync("agent", "-m", "Hello world, this is a longer message");

        Assert.True(result.ExitCode == 0, result.ToString());
        // Whatever the failed model streamed stays on its own line; the answer is the last line, whole.
        Assert.Equal("Echo: Hello world, this is a longer message", result.StdoutLines[^1]);
        Assert.Contains(result.StderrLines, line => line.StartsWith($"{Primary} failed: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fallbacks_of_other_providers_are_skipped_with_a_note()
    {
        await using var cli = await AgentCli.StartAsync();
        cli.UseModels(Primary, "anthropic/claude-opus-4.6", Fallback);
        cli.Emulator.Faults.Enqueue("rate-limit", "/chat/completions", "anthropic/claude-sonnet-4.6");

        var result = await cli.RunAsync("agent", "-m", "Hello");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Note: skipping fallback \"anthropic/claude-opus-4.6\": not an OpenRouter model ref (openrouter/<provider>/<model>).", result.StderrLines[0]);
        Assert.Equal(["anthropic/claude-sonnet-4.6", "openai/gpt-5.5"], cli.ChatBodies.Select(body => (string?)body["model"]));
    }

    [Fact]
    public async Task An_explicit_model_is_strict()
    {
        await using var cli = await AgentCli.StartAsync();
        cli.UseModels(Primary, Fallback);
        cli.Emulator.Faults.Enqueue("rate-limit", "/chat/completions", "deepseek/deepseek-v4-flash");

        var result = await cli.RunAsync("agent", "-m", "Hello", "--model", "openrouter/deepseek/deepseek-v4-flash");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["deepseek/deepseek-v4-flash"], cli.ChatBodies.Select(body => (string?)body["model"]));
        Assert.StartsWith("Error: 429 ", result.StderrLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_explicit_model_may_be_an_alias()
    {
        await using var cli = await AgentCli.StartAsync();
        cli.WriteConfig("""{"agents":{"defaults":{"model":"openrouter/auto","models":{"openrouter/deepseek/deepseek-v4-flash":{"alias":"Flash"}}}}}""");

        var result = await cli.RunAsync("agent", "-m", "Hello", "--model", "flash", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("deepseek/deepseek-v4-flash", (string?)result.Json["meta"]!["agentMeta"]!["model"]);
    }
}
