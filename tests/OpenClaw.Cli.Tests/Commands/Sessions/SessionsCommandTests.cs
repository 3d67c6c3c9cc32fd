using System.Text.Json.Nodes;
using OpenClaw.Cli.Tests.Support;

namespace OpenClaw.Cli.Tests.Commands.Sessions;

/// <summary><c>openclaw sessions list|show|reset</c> over the sessions <c>agent</c> wrote (CLI spec §10).</summary>
public sealed class SessionsCommandTests
{
    [Fact]
    public async Task Without_sessions_list_says_so()
    {
        await using var cli = await AgentCli.StartAsync();

        var text = await cli.RunAsync("sessions", "list");
        var json = await cli.RunAsync("sessions", "list", "--json");

        Assert.Equal(0, text.ExitCode);
        Assert.Equal("No sessions yet. Start one with openclaw agent -m \"Hello\".\n", text.Stdout);
        Assert.Equal(0, json.ExitCode);
        Assert.Equal(0, json.Json["count"]!.GetValue<int>());
        Assert.Empty(json.Json["sessions"]!.AsArray());
        Assert.False(File.Exists(Path.Combine(cli.Home.StateDir, "agents", "main", "sessions", "sessions.sqlite")));
    }

    [Fact]
    public async Task List_shows_each_session_with_its_totals()
    {
        await using var cli = await AgentCli.StartAsync();
        cli.UseModels("openrouter/openai/gpt-5.5");
        var first = await cli.RunAsync("agent", "-m", "One", "--json");
        var second = await cli.RunAsync("agent", "-m", "Two", "--json");
        await cli.RunAsync("agent", "-m", "Elsewhere", "--session-id", "side");

        var text = await cli.RunProcessAsync("sessions", "list");
        var json = await cli.RunAsync("sessions", "list", "--json");

        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Matches(@"^Key\s+Session id\s+Updated\s+Turns\s+Messages\s+Tokens\s+Cost\s*$", text.StdoutLines[0]);
        var main = Assert.Single(text.StdoutLines, line => line.StartsWith("agent:main:main ", StringComparison.Ordinal));
        Assert.Matches(@"^agent:main:main\s+[0-9a-f]{32}\s+\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\s+2\s+4\s+\d+\s+\$0\.\d+\s*$", main);
        Assert.Contains(text.StdoutLines, line => line.StartsWith("agent:main:explicit:side ", StringComparison.Ordinal));

        Assert.Equal(2, json.Json["count"]!.GetValue<int>());
        var sessions = json.Json["sessions"]!.AsArray();
        // Most recently used first.
        Assert.Equal("agent:main:explicit:side", (string?)sessions[0]!["key"]);
        var entry = sessions[1]!;
        Assert.Equal("agent:main:main", (string?)entry["key"]);
        Assert.Equal((string?)first.Json["meta"]!["agentMeta"]!["sessionId"], (string?)entry["sessionId"]);
        Assert.Equal(2, entry["turns"]!.GetValue<int>());
        Assert.Equal(4, entry["messages"]!.GetValue<int>());
        var cost = first.Json["meta"]!["agentMeta"]!["costUsd"]!.GetValue<decimal>() + second.Json["meta"]!["agentMeta"]!["costUsd"]!.GetValue<decimal>();
        Assert.Equal(cost, entry["costUsd"]!.GetValue<decimal>());
        var tokens = first.Json["meta"]!["agentMeta"]!["usage"]!["total"]!.GetValue<long>() + second.Json["meta"]!["agentMeta"]!["usage"]!["total"]!.GetValue<long>();
        Assert.Equal(tokens, entry["totalTokens"]!.GetValue<long>());
        Assert.Equal("openrouter/openai/gpt-5.5", (string?)entry["model"]);
    }

    [Fact]
    public async Task Show_prints_the_transcript_with_tool_calls()
    {
        await using var cli = await AgentCli.StartAsync();
        cli.UseModels("openrouter/emulator/tools");
        Assert.Equal(0, (await cli.RunAsync("agent", "-m", "UTC")).ExitCode);

        var result = await cli.RunAsync("sessions", "show");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.StdoutLines;
        Assert.Matches(@"^Session agent:main:main · id [0-9a-f]{32} · 1 turns · 4 messages · \d+ tokens · \$[0-9.]+$", lines[0]);
        Assert.Equal("user: UTC", lines[1]);
        Assert.StartsWith("assistant (emulator/tools): → current_time {", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("tool current_time: {", lines[3], StringComparison.Ordinal);
        Assert.StartsWith("assistant (emulator/tools): ", lines[4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_json_prints_the_stored_messages()
    {
        await using var cli = await AgentCli.StartAsync();
        cli.UseModels("openrouter/openai/gpt-5.5");
        await cli.RunAsync("agent", "-m", "Hello", "--session-id", "notes");

        var byId = await cli.RunAsync("sessions", "show", "notes", "--json");
        var byKey = await cli.RunAsync("sessions", "show", "agent:main:explicit:notes", "--json");

        Assert.True(byId.ExitCode == 0, byId.ToString());
        Assert.Equal(byId.Stdout, byKey.Stdout);
        var document = byId.Json;
        Assert.Equal("agent:main:explicit:notes", (string?)document["key"]);
        Assert.Equal("notes", (string?)document["sessionId"]);
        var messages = document["messages"]!.AsArray();
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Equal("message", (string?)m!["type"]));
        Assert.Null(messages[0]!["parentId"]);
        Assert.Equal((string?)messages[0]!["id"], (string?)messages[1]!["parentId"]);
        Assert.Equal("user", (string?)messages[0]!["message"]!["role"]);
        Assert.Equal("""[{"type":"text","text":"Hello"}]""", messages[0]!["message"]!["content"]!.ToJsonString());
        var assistant = messages[1]!["message"]!;
        Assert.Equal("assistant", (string?)assistant["role"]);
        Assert.Equal("openai/gpt-5.5", (string?)assistant["model"]);
        Assert.Contains(assistant["content"]!.AsArray(), block => (string?)block!["type"] == "text" && (string?)block["text"] == "Echo: Hello");
    }

    [Fact]
    public async Task A_session_a_main_session_id_names_can_be_shown_by_that_id()
    {
        await using var cli = await AgentCli.StartAsync();
        cli.UseModels("openrouter/openai/gpt-5.5");
        var turn = await cli.RunAsync("agent", "-m", "Hello", "--json");
        var id = (string)turn.Json["meta"]!["agentMeta"]!["sessionId"]!;

        var result = await cli.RunAsync("sessions", "show", id, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("agent:main:main", (string?)result.Json["key"]);
    }

    [Fact]
    public async Task Reset_empties_the_session_and_the_next_turn_starts_fresh()
    {
        await using var cli = await AgentCli.StartAsync();
        cli.UseModels("openrouter/openai/gpt-5.5");
        var before = await cli.RunAsync("agent", "-m", "Remember this", "--json");

        var reset = await cli.RunAsync("sessions", "reset");
        var after = await cli.RunAsync("agent", "-m", "Fresh start", "--json");

        Assert.Equal(0, reset.ExitCode);
        Assert.Equal("Reset session agent:main:main.\n", reset.Stdout);
        Assert.NotEqual((string?)before.Json["meta"]!["agentMeta"]!["sessionId"], (string?)after.Json["meta"]!["agentMeta"]!["sessionId"]);
        Assert.DoesNotContain("Remember this", cli.ChatRequests[^1].BodyText, StringComparison.Ordinal);
        var show = await cli.RunAsync("sessions", "show", "--json");
        Assert.Equal(2, show.Json["messages"]!.AsArray().Count);
    }

    [Fact]
    public async Task Reset_of_an_explicit_session_keeps_its_id()
    {
        await using var cli = await AgentCli.StartAsync();
        cli.UseModels("openrouter/openai/gpt-5.5");
        await cli.RunAsync("agent", "-m", "Hello", "--session-id", "work");

        var reset = await cli.RunAsync("sessions", "reset", "work");
        var show = await cli.RunAsync("sessions", "show", "work", "--json");

        Assert.Equal("Reset session agent:main:explicit:work.\n", reset.Stdout);
        Assert.Equal("work", (string?)show.Json["sessionId"]);
        Assert.Empty(show.Json["messages"]!.AsArray());
    }

    [Theory]
    [InlineData("show", "nope")]
    [InlineData("reset", "nope")]
    [InlineData("show", null)]
    public async Task An_unknown_session_is_an_error(string command, string? session)
    {
        await using var cli = await AgentCli.StartAsync();

        var result = session is null ? await cli.RunAsync("sessions", command) : await cli.RunAsync("sessions", command, session);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"Error: Session not found: {session ?? "agent:main:main"}. Run openclaw sessions list to see them.\n", result.Stderr);
    }

    [Fact]
    public async Task An_unknown_session_in_json_mode_prints_the_error_document()
    {
        await using var cli = await AgentCli.StartAsync();

        var result = await cli.RunAsync("sessions", "show", "nope", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("cli_error", (string?)result.Json["error"]!["type"]);
    }
}
