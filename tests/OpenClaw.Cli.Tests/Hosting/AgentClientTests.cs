using OpenClaw.Cli.Tests.Support;

namespace OpenClaw.Cli.Tests.Hosting;

/// <summary>
/// What the chat client takes from the config (provider spec §6): params at three levels, configured model rows, and the
/// capability catalog — fetched from <c>OPENCLAW_OPENROUTER_CATALOG_URL</c> and kept on disk.
/// </summary>
public sealed class AgentClientTests
{
    [Fact]
    public async Task Params_merge_defaults_provider_and_model_levels_onto_the_wire()
    {
        await using var cli = await AgentCli.StartAsync(canonical: true);
        cli.WriteConfig("""
            {
              "agents": { "defaults": {
                "params": { "temperature": 0.2, "provider": { "sort": "latency", "zdr": true } },
                "models": { "openrouter/openai/gpt-5.5": { "params": { "maxTokens": 1234, "provider": { "order": ["openai"] } } } }
              } },
              "models": { "providers": { "openrouter": { "params": { "provider": { "sort": "price" }, "extraBody": { "user": "u-42" } } } } }
            }
            """);

        var result = await cli.RunAsync("infer", "model", "run", "--prompt", "Hi", "--model", "openrouter/openai/gpt-5.5");

        Assert.True(result.ExitCode == 0, result.ToString());
        var body = Assert.Single(cli.ChatBodies);
        Assert.Equal(0.2, body["temperature"]!.GetValue<double>());
        Assert.Equal(1234, body["max_completion_tokens"]!.GetValue<int>());
        Assert.Equal("""{"sort":"price","zdr":true,"order":["openai"]}""", body["provider"]!.ToJsonString());
        Assert.Equal("u-42", (string?)body["user"]);
    }

    [Fact]
    public async Task A_configured_model_row_wins_over_the_catalog()
    {
        await using var cli = await AgentCli.StartAsync();
        cli.WriteConfig("""
            { "models": { "providers": { "openrouter": { "models": [
              { "id": "openai/gpt-5.5", "name": "GPT without reasoning", "reasoning": false, "contextWindow": 50000, "maxTokens": 777 }
            ] } } } }
            """);

        var result = await cli.RunAsync("infer", "model", "run", "--prompt", "Hi", "--model", "openrouter/openai/gpt-5.5");

        Assert.True(result.ExitCode == 0, result.ToString());
        var body = Assert.Single(cli.ChatBodies);
        Assert.False(body.ContainsKey("reasoning"));
        Assert.Equal(777, body["max_completion_tokens"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_capability_catalog_comes_from_the_configured_url_and_is_kept_on_disk()
    {
        await using var cli = await AgentCli.StartAsync();

        var first = await cli.RunAsync("infer", "model", "run", "--prompt", "Hi", "--model", "openrouter/openai/gpt-5.5");

        Assert.True(first.ExitCode == 0, first.ToString());
        var models = Assert.Single(cli.Emulator.Journal.For("/models"));
        Assert.Null(models.Header("Authorization"));
        Assert.Null(models.Header("HTTP-Referer"));
        Assert.Equal("""{"effort":"medium"}""", cli.ChatBodies[0]["reasoning"]!.ToJsonString());
        Assert.True(File.Exists(Path.Combine(cli.Home.StateDir, "cache", "openrouter-capabilities.json")));

        // The next process reads the catalog from disk: nothing to fetch, and the same capabilities.
        var second = await cli.RunAsync("infer", "model", "run", "--prompt", "Hi", "--model", "openrouter/openai/gpt-5.5");

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Single(cli.Emulator.Journal.For("/models"));
        Assert.Equal("""{"effort":"medium"}""", cli.ChatBodies[1]["reasoning"]!.ToJsonString());
    }

    [Fact]
    public async Task A_malformed_catalog_url_is_an_error()
    {
        await using var cli = await AgentCli.StartAsync();
        cli.Home.Environment["OPENCLAW_OPENROUTER_CATALOG_URL"] = "not a url";

        var result = await cli.RunAsync("infer", "model", "run", "--prompt", "Hi");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error: OPENCLAW_OPENROUTER_CATALOG_URL must be an absolute http(s) URL, got \"not a url\".\n", result.Stderr);
        Assert.Empty(cli.ChatRequests);
    }
}
