using System.Text.Json.Nodes;
using OpenClaw.Reliability.Tests.Support;

namespace OpenClaw.Reliability.Tests.Faults;

/// <summary>
/// The chat-stream cells with a fallback model configured (<c>agents.defaults.model.fallbacks</c>): a fault on the primary that
/// fails the call — rate limit, 5xx, an error inside a 200, a mid-stream error, a dropped or stalled connection (provider spec
/// §19: <c>rate_limit</c> and <c>timeout</c> classes) — advances the chain: the emulator's journal shows the fallback's request,
/// stderr says why, and the turn ends with exit 0 and the fallback's answer stored. A fault the primary survives sends nothing
/// to the fallback. Failures another model cannot fix (a bad request, auth) and the turn's own deadline end the turn.
/// </summary>
public sealed class FaultMatrixFallbackTests
{
    private const string Primary = FaultRig.ChatModel;
    private const string Fallback = FaultRig.FallbackModel;

    public static TheoryData<string> Faults() => [.. FaultCatalog.All.Select(fault => fault.Name)];

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_failing_primary_advances_the_chain_and_a_surviving_one_does_not(string fault)
    {
        var cell = FaultMatrix.Cell(FaultOperation.ChatStream, fault);
        var primaryFails = cell.Cli.ExitCode != 0;
        await using var user = await StartAsync($"fault matrix fallback {fault}");
        var before = await SessionAsync(user);
        user.Emulator.Faults.Enqueue(cell.Fault.CliDirective, "/chat/completions", model: "emulator/echo");
        var start = user.Emulator.Journal.Entries.Count;

        var result = await user.RunAsync("agent", "--session-id", FaultCliRig.SessionId, "-m", FaultRig.Message);

        Assert.True(result.ExitCode == 0, result.ToString());
        var models = ChatModels(user, start);
        if (primaryFails)
        {
            Assert.Equal(["emulator/echo", "emulator/reasoning"], models);
            var reason = fault == FaultCatalog.RateLimit ? "rate_limit" : "timeout";
            Assert.Matches($@"(?m)^{Primary} failed: .+ \({reason}\)\. Trying {Fallback}\.$", result.Stderr);
            // What the primary streamed before failing stays on screen; the fallback's answer follows.
            Assert.EndsWith("Echo: hello matrix\n", result.Stdout, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(["emulator/echo"], models);
            Assert.Equal("Echo: hello matrix\n", result.Stdout);
            Assert.DoesNotContain("Trying", result.Stderr, StringComparison.Ordinal);
        }
        var after = await SessionAsync(user);
        Assert.Equal(Messages(before) + 2, Messages(after));
        Assert.Equal(primaryFails ? Fallback : Primary, after["entry"]?["model"]?.GetValue<string>() ?? Model(after));
    }

    [Fact]
    public void Every_fault_that_fails_the_primary_advances_the_chain()
    {
        Assert.Equal(
            [FaultCatalog.RateLimit, FaultCatalog.ServerError, FaultCatalog.BadGateway, FaultCatalog.Unavailable, FaultCatalog.ErrorBody200,
                FaultCatalog.MidStreamError, FaultCatalog.Stall, FaultCatalog.Drop],
            FaultMatrix.Cells.Where(cell => cell.Operation == FaultOperation.ChatStream && cell.Cli.ExitCode != 0).Select(cell => cell.Fault.Name));
    }

    [Theory]
    [InlineData("status; code=400; message=Invalid request body", "400 Invalid request body")]
    [InlineData("status; code=401; message=User not found.", "401 User not found.")]
    public async Task A_failure_another_model_cannot_fix_ends_the_turn_without_the_fallback(string directive, string message)
    {
        await using var user = await StartAsync($"fault matrix fallback {directive}");
        var before = await SessionAsync(user);
        user.Emulator.Faults.Enqueue(directive, "/chat/completions", model: "emulator/echo");
        var start = user.Emulator.Journal.Entries.Count;

        var result = await user.RunAsync("agent", "--session-id", FaultCliRig.SessionId, "-m", FaultRig.Message);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"Error: {message}\n", result.Stderr);
        Assert.Equal("", result.Stdout);
        Assert.Equal(["emulator/echo"], ChatModels(user, start));
        Assert.Equal(before.ToJsonString(), (await SessionAsync(user)).ToJsonString());
    }

    /// <summary>The turn's deadline (<c>--timeout</c>) is the whole turn's: it does not move on to the fallback.</summary>
    [Fact]
    public async Task The_turn_deadline_ends_the_turn_without_the_fallback()
    {
        await using var user = await StartAsync("fault matrix fallback turn deadline");
        var before = await SessionAsync(user);
        user.Emulator.Faults.Enqueue("stall; ms=5000", "/chat/completions", model: "emulator/echo");
        var start = user.Emulator.Journal.Entries.Count;

        var result = await user.RunAsync("agent", "--session-id", FaultCliRig.SessionId, "-m", FaultRig.Message, "--timeout", "1");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error: Agent turn timed out after 1 s; the session is unchanged.\n", result.Stderr);
        Assert.Equal("Echo: hello \n", result.Stdout);
        Assert.Equal(["emulator/echo"], ChatModels(user, start));
        Assert.Equal(before.ToJsonString(), (await SessionAsync(user)).ToJsonString());
    }

    private static async Task<SuiteCli> StartAsync(string label)
    {
        var user = await SuiteCli.StartAsync(label);
        user.WriteConfig(FaultCliRig.Config(Primary, Fallback));
        var first = await user.RunAsync("agent", "--session-id", FaultCliRig.SessionId, "-m", "first turn");
        Assert.True(first.ExitCode == 0, first.ToString());
        return user;
    }

    private static List<string> ChatModels(SuiteCli user, int start) =>
        [.. user.Emulator.Journal.Entries.Skip(start).Where(entry => entry.Path.EndsWith("/chat/completions", StringComparison.Ordinal))
            .Select(entry => entry.BodyJson!["model"]!.GetValue<string>())];

    private static async Task<JsonObject> SessionAsync(SuiteCli user)
    {
        var shown = await user.RunAsync("sessions", "show", FaultCliRig.SessionId, "--json");
        Assert.True(shown.ExitCode == 0, shown.ToString());
        return JsonNode.Parse(shown.Stdout)!.AsObject();
    }

    private static int Messages(JsonObject session) => session["messages"]!.AsArray().Count;

    /// <summary>The model of the last stored assistant message.</summary>
    private static string? Model(JsonObject session) =>
        session["messages"]!.AsArray().Select(item => item!["message"]).LastOrDefault(message => message?["role"]?.GetValue<string>() == "assistant")?["model"]?.GetValue<string>();
}
