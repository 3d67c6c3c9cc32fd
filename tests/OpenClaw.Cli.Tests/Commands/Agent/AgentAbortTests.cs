using OpenClaw.Cli.Tests.Support;

namespace OpenClaw.Cli.Tests.Commands.Agent;

/// <summary>A turn that does not complete — deadline passed, Ctrl+C — leaves the session exactly as it was (CLI spec §4, §10).</summary>
public sealed class AgentAbortTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_turn_past_its_timeout_fails_and_leaves_the_session_unchanged()
    {
        await using var cli = await AgentCli.StartAsync();
        cli.UseModels("openrouter/openai/gpt-5.5");
        Assert.Equal(0, (await cli.RunAsync("agent", "-m", "First")).ExitCode);
        var before = await StoredMessagesAsync(cli);
        cli.Emulator.Faults.Enqueue("stall; after=2", "/chat/completions");

        var started = DateTimeOffset.UtcNow;
        var result = await cli.RunAsync("agent", "-m", "Second", "--timeout", "1");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error: Agent turn timed out after 1 s; the session is unchanged.", result.StderrLines[^1]);
        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(20));
        Assert.Equal(before, await StoredMessagesAsync(cli));
    }

    [Fact]
    public async Task Ctrl_C_aborts_the_turn_with_exit_130_and_commits_nothing()
    {
        await using var cli = await AgentCli.StartAsync();
        cli.UseModels("openrouter/openai/gpt-5.5");
        Assert.Equal(0, (await cli.RunProcessAsync("agent", "-m", "First")).ExitCode);
        var before = await StoredMessagesAsync(cli);
        cli.Emulator.Faults.Enqueue("stall; after=2", "/chat/completions");

        using var running = cli.Home.Start("agent", "-m", "Second");
        running.Process.StandardInput.Close();
        await WaitForAsync(() => cli.ChatRequests.Count == 2);
        // The stalled stream is open; give it a moment to deliver its first chunks, then press Ctrl+C.
        await Task.Delay(200, TestContext.Current.CancellationToken);
        running.Interrupt();
        var result = await running.WaitAsync(Patience);

        Assert.Equal(130, result.ExitCode);
        Assert.Equal("Aborted.", result.StderrLines[^1]);
        Assert.Equal(before, await StoredMessagesAsync(cli));
        var next = await cli.RunProcessAsync("agent", "-m", "Third", "--json");
        Assert.Equal(0, next.ExitCode);
        // The aborted message never reaches the model in a later turn.
        Assert.DoesNotContain("Second", cli.ChatRequests[^1].BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_an_in_process_run_reports_aborted()
    {
        await using var cli = await AgentCli.StartAsync();
        cli.UseModels("openrouter/openai/gpt-5.5");
        cli.Emulator.Faults.Enqueue("stall", "/chat/completions");
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var run = cli.RunAsync(null, interrupt.Token, "agent", "-m", "Hello", "--json");
        await WaitForAsync(() => cli.ChatRequests.Count == 1);
        await interrupt.CancelAsync();
        var result = await run;

        Assert.Equal(130, result.ExitCode);
        Assert.Equal("""{"ok":false,"error":{"type":"cli_error","message":"Aborted."}}""", result.Json.ToJsonString());
        Assert.Equal("Aborted.\n", result.Stderr);
        Assert.Equal(1, (await cli.RunAsync("sessions", "show")).ExitCode);
    }

    private static async Task<string> StoredMessagesAsync(AgentCli cli)
    {
        var show = await cli.RunAsync("sessions", "show", "--json");
        Assert.True(show.ExitCode == 0, show.ToString());
        return show.Json["messages"]!.ToJsonString();
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "timed out waiting for the emulator");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
