using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using OpenClaw.Agent.Sessions;
using OpenClaw.Agent.Transcript;
using OpenClaw.OpenRouter.Chat;

namespace OpenClaw.Agent.Tests.Sessions;

public sealed class SessionStoreConcurrencyTests : IDisposable
{
    private const int StoreCount = 2;
    private const int WritersPerStore = 4;
    private const int TurnsPerWriter = 10;
    private const int TotalTurns = StoreCount * WritersPerStore * TurnsPerWriter;

    private readonly TemporaryDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _directory.Dispose();

    private string DatabasePath => _directory.Combine("sessions", SessionStore.FileName);

    private SessionTurnRecord Turn(string text) => new()
    {
        Messages =
        [
            TranscriptMessages.User(text, _time.GetUtcNow()),
            TranscriptMessages.Assistant(new OpenRouterChatResult { Text = "re: " + text }, _time.GetUtcNow()),
        ],
        InputTokens = 3,
        OutputTokens = 2,
        CostUsd = 0.0001m,
    };

    [Fact]
    public async Task Concurrent_commits_from_two_stores_lose_nothing_and_keep_sequences_gapless()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var stores = Enumerable.Range(0, StoreCount).Select(_ => new SessionStore(DatabasePath, _time)).ToArray();
        try
        {
            var key = SessionKey.Main();
            var inconsistentReads = new ConcurrentBag<string>();
            using var writersDone = new CancellationTokenSource();

            // A reader alongside the writers must only ever see whole turns: counts that match the entry, in pairs.
            var reader = Task.Run(async () =>
            {
                while (!writersDone.IsCancellationRequested)
                {
                    var snapshot = await stores[0].LoadAsync(key, cancellationToken);
                    var expected = snapshot.Entry?.MessageCount ?? 0;
                    if (snapshot.Messages.Count != expected || expected % 2 != 0 || expected != 2 * (snapshot.Entry?.TurnCount ?? 0))
                    {
                        inconsistentReads.Add($"{snapshot.Messages.Count} messages, entry says {expected}");
                    }
                }
            }, cancellationToken);

            var writers = stores.SelectMany((store, s) => Enumerable.Range(0, WritersPerStore).Select(w => Task.Run(async () =>
            {
                for (var t = 0; t < TurnsPerWriter; t++)
                {
                    await store.CommitTurnAsync(key, Turn($"store {s} writer {w} turn {t}"), cancellationToken);
                }
            }, cancellationToken))).ToArray();
            await Task.WhenAll(writers);
            await writersDone.CancelAsync();
            await reader;

            Assert.Empty(inconsistentReads);
            var final = await stores[1].LoadAsync(key, cancellationToken);
            var entry = Assert.IsType<SessionEntry>(final.Entry);
            Assert.Equal(TotalTurns, entry.TurnCount);
            Assert.Equal(2 * TotalTurns, entry.MessageCount);
            Assert.Equal(3L * TotalTurns, entry.InputTokens);
            Assert.Equal(0.0001m * TotalTurns, entry.CostUsd);

            var messages = final.Messages;
            Assert.Equal(Enumerable.Range(1, 2 * TotalTurns).Select(i => (long)i), messages.Select(m => m.Sequence));
            Assert.Equal(Enumerable.Range(1, TotalTurns).SelectMany(turn => new[] { turn, turn }), messages.Select(m => m.Turn));
            Assert.Equal(messages.Count, messages.Select(m => m.Id).Distinct().Count());
            Assert.Null(messages[0].ParentId);
            Assert.All(messages.Skip(1).Zip(messages), pair => Assert.Equal(pair.Second.Id, pair.First.ParentId));

            // Each turn's user message is directly followed by its own answer, and every turn arrived exactly once.
            var users = messages.Where((_, i) => i % 2 == 0).Select(m => TranscriptMessages.TextOf(m.Message)).ToList();
            var answers = messages.Where((_, i) => i % 2 == 1).Select(m => TranscriptMessages.TextOf(m.Message)).ToList();
            Assert.Equal(users.Select(text => "re: " + text), answers);
            var expectedTexts = Enumerable.Range(0, StoreCount).SelectMany(s => Enumerable.Range(0, WritersPerStore)
                .SelectMany(w => Enumerable.Range(0, TurnsPerWriter).Select(t => $"store {s} writer {w} turn {t}")));
            Assert.Equal(expectedTexts.Order(StringComparer.Ordinal), users.Order(StringComparer.Ordinal));
        }
        finally
        {
            foreach (var store in stores)
            {
                store.Dispose();
            }
        }
    }

    [Fact]
    public async Task Concurrent_first_turns_of_different_sessions_each_create_their_own()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var stores = Enumerable.Range(0, 4).Select(_ => new SessionStore(DatabasePath, _time)).ToArray();
        try
        {
            var keys = Enumerable.Range(0, 16).Select(i => SessionKey.Explicit("main", $"s{i}")).ToArray();

            await Task.WhenAll(keys.Select((key, i) => Task.Run(() => stores[i % stores.Length].CommitTurnAsync(key, Turn(key.ToString()), cancellationToken), cancellationToken)));

            var entries = await stores[0].ListAsync(cancellationToken);
            Assert.Equal(keys.Select(k => k.ToString()).Order(StringComparer.Ordinal), entries.Select(e => e.Key.ToString()).Order(StringComparer.Ordinal));
            Assert.All(entries, entry => Assert.Equal((1, 2), (entry.TurnCount, entry.MessageCount)));
        }
        finally
        {
            foreach (var store in stores)
            {
                store.Dispose();
            }
        }
    }
}
