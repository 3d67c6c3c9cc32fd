using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using OpenClaw.Agent.Sessions;
using OpenClaw.OpenRouter.Emulator;
using OpenClaw.Reliability.Tests.Support;

namespace OpenClaw.Reliability.Tests.Concurrency;

/// <summary>
/// Issue 9, concurrency: many <c>openclaw agent</c> processes sharing one session database. Turns on different sessions run
/// side by side; turns on the same session are serialised by the session's lock (the second waits, then sees the first);
/// killed turns leave nothing behind, not even their lock.
/// </summary>
[Collection(ConcurrencyCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ConcurrentAgentTurnTests
{
    private const string Config = """{"agents":{"defaults":{"model":{"primary":"openrouter/emulator/echo"}}}}""";

    /// <summary>How long the first shared turn's model call is held back, so that the second shared turn runs into its lock.</summary>
    private const int SharedStallMs = 4000;

    [Fact]
    public async Task Twenty_turns_on_different_sessions_and_two_on_one_session_keep_every_message_and_serialise_the_shared_session()
    {
        await using var user = await SuiteCli.StartAsync(nameof(Twenty_turns_on_different_sessions_and_two_on_one_session_keep_every_message_and_serialise_the_shared_session));
        user.WriteConfig(Config);
        var wall = Stopwatch.StartNew();
        // The first chat request (the first shared turn's: it is started alone) waits before its first byte.
        user.Emulator.Faults.Enqueue($"{FaultNames.SlowFirstByte}; ms={SharedStallMs}", "/chat/completions", "emulator/echo");

        // The second shared turn starts first and waits for its message on standard input, so that it is warmed up and
        // reaches the session lock within moments of being told its message.
        using var shared2 = CliFleet.Start(user, new FleetCommand("shared turn 2", ["agent", "--session-id", "shared", "-m", "-"]), keepStdinOpen: true);
        using var shared1 = CliFleet.Start(user, new FleetCommand("shared turn 1", ["agent", "--session-id", "shared", "-m", "shared turn 1"]));
        await WaitForChatRequestAsync(user, "shared turn 1");

        // The first shared turn is inside its model call, holding the session.
        var held = await Assert.ThrowsAsync<TimeoutException>(() => SessionTurnLock.AcquireAsync(
            SessionDatabase.SessionsDir(user.Home), SessionKey.Explicit("main", "shared"), TimeSpan.Zero, TestContext.Current.CancellationToken));
        OutputLedger.Record(user.Label, held);
        var secondToldAt = DateTime.Now;
        shared2.CloseInput("shared turn 2");

        var others = Enumerable.Range(0, 20)
            .Select(i => CliFleet.Start(user, new FleetCommand($"turn {i}", ["agent", "--session-id", $"s{i}", "-m", $"turn {i}"])))
            .ToArray();
        var results = await Task.WhenAll(others.Prepend(shared2).Prepend(shared1).Select(process => process.WaitAsync(user)));
        Timings.Report($"22 agent turns (20 sessions + 2 on one session, first shared call held {SharedStallMs} ms): wall {wall.Elapsed.TotalSeconds:0.0} s");

        foreach (var result in results)
        {
            Assert.True(result.Result.ExitCode == 0, result.ToString());
        }
        Assert.Contains("Echo: shared turn 1", results[0].Result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Echo: shared turn 2", results[1].Result.Stdout, StringComparison.Ordinal);
        for (var i = 0; i < 20; i++)
        {
            Assert.Contains($"Echo: turn {i}\n", results[i + 2].Result.Stdout, StringComparison.Ordinal);
        }
        // The two shared turns overlapped in time: the second had its message while the first was still running.
        Assert.True(results[0].ExitedAt > secondToldAt, "the first shared turn ended before the second one was given its message");

        // 22 requests; every turn on its own session sent its message alone, with no one else's history.
        var bodies = user.Cli.ChatBodies;
        Assert.Equal(22, bodies.Count);
        for (var i = 0; i < 20; i++)
        {
            var body = Assert.Single(bodies, body => ChatBodies.LastUserText(body) == $"turn {i}");
            Assert.Equal([("user", $"turn {i}")], ChatBodies.Conversation(body));
        }
        // Serialised: the first shared turn saw an empty session, the second saw the first's question and answer.
        Assert.Equal([("user", "shared turn 1")], ChatBodies.Conversation(Assert.Single(bodies, body => ChatBodies.LastUserText(body) == "shared turn 1")));
        Assert.Equal(
            [("user", "shared turn 1"), ("assistant", "Echo: shared turn 1"), ("user", "shared turn 2")],
            ChatBodies.Conversation(Assert.Single(bodies, body => ChatBodies.LastUserText(body) == "shared turn 2")));

        // The database: sound, 21 sessions, each holding exactly its turns in order.
        Assert.Equal("ok", await SessionDatabase.IntegrityCheckAsync(user.Home));
        var sessions = await SessionDatabase.ReadAllAsync(user.Home);
        Assert.Equal(21, sessions.Count);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal([(1, "user", $"turn {i}"), (1, "assistant", $"Echo: turn {i}")], sessions[$"s{i}"]);
        }
        Assert.Equal(
            [(1, "user", "shared turn 1"), (1, "assistant", "Echo: shared turn 1"), (2, "user", "shared turn 2"), (2, "assistant", "Echo: shared turn 2")],
            sessions["shared"]);

        // What a user sees.
        var show = await user.RunAsync("sessions", "show", "shared", "--json");
        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.Equal([1, 1, 2, 2], show.Json["messages"]!.AsArray().Select(message => message!["turn"]!.GetValue<int>()));
        Assert.Equal("600", StateFiles.Mode(SessionDatabase.PathOf(user.Home)));
    }

    /// <summary>Waits (polling the journal) until a chat request whose last user message is <paramref name="text"/> arrived.</summary>
    internal static async Task<JsonObject> WaitForChatRequestAsync(SuiteCli user, string text)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (user.Cli.ChatBodies.FirstOrDefault(body => ChatBodies.LastUserText(body) == text) is { } found)
            {
                return found;
            }
            Assert.True(deadline.Elapsed < CliFleet.ProcessTimeout, string.Create(CultureInfo.InvariantCulture, $"no chat request for \"{text}\" arrived"));
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
