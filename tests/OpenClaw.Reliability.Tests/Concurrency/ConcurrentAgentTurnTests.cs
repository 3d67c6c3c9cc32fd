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

    [Fact]
    public async Task Turns_killed_mid_turn_add_nothing_release_their_session_and_leave_the_database_sound()
    {
        await using var user = await SuiteCli.StartAsync(nameof(Turns_killed_mid_turn_add_nothing_release_their_session_and_leave_the_database_sound));
        user.WriteConfig(Config);
        var wall = Stopwatch.StartNew();
        // The victims' model (and only theirs) answers two chunks and then nothing: they are inside their turn, holding their
        // session, when they are stopped — 0 and 1 by Ctrl+C (SIGINT), 2 and 3 by SIGKILL.
        user.Emulator.Faults.Enqueue($"{FaultNames.Stall}; ms=600000", "/chat/completions", "emulator/reasoning", times: -1);
        var victims = Enumerable.Range(0, 4).Select(i => CliFleet.Start(user, new FleetCommand($"victim {i}",
            ["agent", "--session-id", $"victim-{i}", "--model", "openrouter/emulator/reasoning", "-m", $"victim turn {i}"]))).ToArray();
        try
        {
            for (var i = 0; i < victims.Length; i++)
            {
                await WaitForChatRequestAsync(user, $"victim turn {i}");
            }

            // Followers queue behind victims 0 and 2; 14 turns run on their own sessions; 2 more are SIGKILLed at a random
            // moment after their request went out (mid-stream, mid-commit or just after: all or nothing either way).
            var followers = new[] { 0, 2 }.Select(i => CliFleet.Start(user, new FleetCommand($"follower {i}",
                ["agent", "--session-id", $"victim-{i}", "-m", $"follower turn {i}"]))).ToArray();
            var normals = Enumerable.Range(0, 14).Select(i => CliFleet.Start(user, new FleetCommand($"turn {i}",
                ["agent", "--session-id", $"s{i}", "-m", $"turn {i}"]))).ToArray();
            var randoms = Enumerable.Range(0, 2).Select(i => CliFleet.Start(user, new FleetCommand($"random {i}",
                ["agent", "--session-id", $"random-{i}", "-m", $"random turn {i}"]))).ToArray();
            await Task.WhenAll(randoms.Select(async (process, i) =>
            {
                await WaitForChatRequestAsync(user, $"random turn {i}");
                await Task.Delay(Random.Shared.Next(0, 1500), TestContext.Current.CancellationToken);
                Kill(process);
            }));
            var randomResults = await Task.WhenAll(randoms.Select(process => process.WaitAsync(user)));
            var normalResults = await Task.WhenAll(normals.Select(process => process.WaitAsync(user)));
            foreach (var result in normalResults)
            {
                Assert.True(result.Result.ExitCode == 0, result.ToString());
            }

            // The followers are still waiting for the sessions the victims hold: nothing of theirs went out yet.
            Assert.All(followers, follower => Assert.False(follower.Running.Process.HasExited, $"{follower.Command.Label} did not wait for its session"));
            Assert.DoesNotContain(user.Cli.ChatBodies, body => ChatBodies.LastUserText(body).StartsWith("follower", StringComparison.Ordinal));

            victims[0].Running.Interrupt();
            victims[1].Running.Interrupt();
            Kill(victims[2]);
            Kill(victims[3]);
            var victimResults = await Task.WhenAll(victims.Select(process => process.WaitAsync(user)));
            var followerResults = await Task.WhenAll(followers.Select(process => process.WaitAsync(user)));
            Timings.Report($"22 agent turns, 4 stopped mid-turn (2 SIGINT, 2 SIGKILL) and 2 SIGKILLed at random: wall {wall.Elapsed.TotalSeconds:0.0} s");

            foreach (var result in victimResults[..2])
            {
                Assert.True(result.Result.ExitCode == 130, result.ToString());
                Assert.Contains("Aborted.", result.Result.Stderr, StringComparison.Ordinal);
            }
            foreach (var result in victimResults[2..])
            {
                Assert.True(result.Result.ExitCode != 0, result.ToString());
            }
            for (var i = 0; i < followerResults.Length; i++)
            {
                var index = i * 2;
                Assert.True(followerResults[i].Result.ExitCode == 0, followerResults[i].ToString());
                Assert.Contains($"Echo: follower turn {index}", followerResults[i].Result.Stdout, StringComparison.Ordinal);
                // The killed turn's message never reached the session: the follower's request carries only its own.
                Assert.Equal([("user", $"follower turn {index}")],
                    ChatBodies.Conversation(Assert.Single(user.Cli.ChatBodies, body => ChatBodies.LastUserText(body) == $"follower turn {index}")));
            }
            Assert.Equal(22, user.Cli.ChatRequests.Count);

            Assert.Equal("ok", await SessionDatabase.IntegrityCheckAsync(user.Home));
            var sessions = await SessionDatabase.ReadAllAsync(user.Home);
            for (var i = 0; i < 14; i++)
            {
                Assert.Equal([(1, "user", $"turn {i}"), (1, "assistant", $"Echo: turn {i}")], sessions[$"s{i}"]);
            }
            Assert.Equal([(1, "user", "follower turn 0"), (1, "assistant", "Echo: follower turn 0")], sessions["victim-0"]);
            Assert.Equal([(1, "user", "follower turn 2"), (1, "assistant", "Echo: follower turn 2")], sessions["victim-2"]);
            Assert.False(sessions.ContainsKey("victim-1"), "the interrupted turn left a session behind");
            Assert.False(sessions.ContainsKey("victim-3"), "the killed turn left a session behind");
            var randomOutcomes = new List<string>();
            for (var i = 0; i < randomResults.Length; i++)
            {
                // All or nothing: a turn killed before its commit left no trace, one killed after it left the whole turn.
                var committed = sessions.TryGetValue($"random-{i}", out var messages);
                if (committed)
                {
                    Assert.Equal([(1, "user", $"random turn {i}"), (1, "assistant", $"Echo: random turn {i}")], messages);
                }
                else
                {
                    Assert.NotEqual(0, randomResults[i].Result.ExitCode);
                }
                randomOutcomes.Add($"random {i}: exit {randomResults[i].Result.ExitCode}, {(committed ? "committed" : "nothing")}");
            }
            Timings.Report(string.Join("; ", randomOutcomes));
            Assert.Equal(16 + randomOutcomes.Count(outcome => outcome.EndsWith("committed", StringComparison.Ordinal)), sessions.Count);

            // The dead processes' locks died with them: the stopped sessions take new turns at once.
            foreach (var session in new[] { "victim-1", "victim-3" })
            {
                var next = await user.RunAsync("agent", "--session-id", session, "-m", "after " + session, "--timeout", "30");
                Assert.True(next.ExitCode == 0, next.ToString());
                Assert.Equal([("user", "after " + session)], ChatBodies.Conversation(user.Cli.ChatBodies[^1]));
            }
            Assert.Equal("ok", await SessionDatabase.IntegrityCheckAsync(user.Home));
        }
        finally
        {
            foreach (var victim in victims)
            {
                victim.Dispose();
            }
        }
    }

    private static void Kill(FleetProcess process)
    {
        try
        {
            process.Running.Process.Kill();
        }
        catch (InvalidOperationException)
        {
            // It finished first.
        }
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
