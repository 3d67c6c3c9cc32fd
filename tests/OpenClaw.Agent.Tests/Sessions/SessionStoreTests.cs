using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using OpenClaw.Agent.Sessions;
using OpenClaw.Agent.Transcript;
using OpenClaw.Core.Errors;
using OpenClaw.OpenRouter.AI;
using OpenClaw.OpenRouter.Chat;

namespace OpenClaw.Agent.Tests.Sessions;

public sealed class SessionStoreTests : IDisposable
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = OwnerOnlyFile | UnixFileMode.UserExecute;

    private static readonly DateTimeOffset Start = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly TemporaryDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(Start);
    private readonly List<SessionStore> _stores = [];

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }
        _directory.Dispose();
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string SessionsDirectory => _directory.Combine("agents", "main", "sessions");

    private string DatabasePath => Path.Combine(SessionsDirectory, SessionStore.FileName);

    private SessionStore NewStore()
    {
        var store = new SessionStore(DatabasePath, _time);
        _stores.Add(store);
        return store;
    }

    private SessionTurnRecord Turn(string userText, string answer, string? thinking = null, decimal cost = 0.001m) => new()
    {
        Messages =
        [
            TranscriptMessages.User(userText, _time.GetUtcNow()),
            TranscriptMessages.Assistant(new OpenRouterChatResult { Text = answer, Model = "anthropic/claude-sonnet-4.6" }, _time.GetUtcNow()),
        ],
        SaveThinkingLevel = thinking,
        Model = "openrouter/anthropic/claude-sonnet-4.6",
        ContextTokens = 200_000,
        InputTokens = 100,
        OutputTokens = 10,
        CacheReadTokens = 50,
        CacheWriteTokens = 5,
        CostUsd = cost,
    };

    /// <summary>What a snapshot holds, comparable by value (the messages as JSON text).</summary>
    private static object Summary(SessionSnapshot snapshot) => new
    {
        snapshot.Entry,
        Messages = string.Join("\n", snapshot.Messages.Select(m => $"{m.Sequence}|{m.Turn}|{m.Id}|{m.ParentId}|{m.Timestamp:O}|{TranscriptJson.Serialize(m.Message)}")),
    };

    [Fact]
    public async Task Reading_a_missing_database_creates_nothing()
    {
        var store = NewStore();

        var snapshot = await store.LoadAsync(SessionKey.Main(), Token);
        var list = await store.ListAsync(Token);
        var reset = await store.ResetAsync(SessionKey.Main(), Token);

        Assert.Null(snapshot.Entry);
        Assert.Empty(snapshot.Messages);
        Assert.Equal(SessionKey.Main(), snapshot.Key);
        Assert.Empty(list);
        Assert.False(reset);
        Assert.False(Directory.Exists(_directory.Combine("agents")));
    }

    [Fact]
    public async Task The_first_commit_creates_an_owner_only_wal_database_with_a_schema_version()
    {
        var store = NewStore();

        await store.CommitTurnAsync(SessionKey.Main(), Turn("hi", "hello"), Token);

        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(DatabasePath));
        foreach (var directory in new[] { _directory.Combine("agents"), _directory.Combine("agents", "main"), SessionsDirectory })
        {
            Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(directory));
        }
        foreach (var sidecar in new[] { DatabasePath + "-wal", DatabasePath + "-shm" }.Where(File.Exists))
        {
            Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(sidecar));
        }
        using var connection = OpenDirect();
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode;"));
        Assert.Equal(1L, Scalar(connection, "PRAGMA user_version;"));
        Assert.Equal(1L, Scalar(connection, "SELECT COUNT(*) FROM sessions;"));
        Assert.Equal(2L, Scalar(connection, "SELECT COUNT(*) FROM messages;"));
    }

    [Fact]
    public async Task A_first_turn_creates_the_main_session_with_a_new_guid_and_its_totals()
    {
        var store = NewStore();

        var entry = await store.CommitTurnAsync(SessionKey.Main(), Turn("hi", "hello", thinking: "high"), Token);

        Assert.Matches("^[0-9a-f]{32}$", entry.SessionId);
        Assert.Equal(SessionKey.Main(), entry.Key);
        Assert.Equal(Start, entry.CreatedAt);
        Assert.Equal(Start, entry.UpdatedAt);
        Assert.Equal("high", entry.ThinkingLevel);
        Assert.Equal("openrouter/anthropic/claude-sonnet-4.6", entry.LastModel);
        Assert.Equal(200_000, entry.ContextTokens);
        Assert.Equal(1, entry.TurnCount);
        Assert.Equal(2, entry.MessageCount);
        Assert.Equal((100L, 10L, 50L, 5L, 165L), (entry.InputTokens, entry.OutputTokens, entry.CacheReadTokens, entry.CacheWriteTokens, entry.TotalTokens));
        Assert.Equal(0.001m, entry.CostUsd);
        Assert.Equal(entry, (await store.LoadAsync(SessionKey.Main(), Token)).Entry);
    }

    [Fact]
    public async Task An_explicit_session_uses_the_given_id()
    {
        var key = SessionKey.Explicit("main", "my-session");

        var entry = await NewStore().CommitTurnAsync(key, Turn("hi", "hello"), Token);

        Assert.Equal("my-session", entry.SessionId);
        Assert.Equal(key, entry.Key);
    }

    [Fact]
    public async Task Messages_get_gapless_sequences_turn_numbers_hex_ids_and_a_parent_chain()
    {
        var store = NewStore();
        var first = Turn("one", "first answer");
        await store.CommitTurnAsync(SessionKey.Main(), first, Token);
        _time.Advance(TimeSpan.FromMinutes(1));
        var second = Turn("two", "second answer");
        await store.CommitTurnAsync(SessionKey.Main(), second, Token);

        var messages = (await store.LoadAsync(SessionKey.Main(), Token)).Messages;

        Assert.Equal([1L, 2L, 3L, 4L], messages.Select(m => m.Sequence));
        Assert.Equal([1, 1, 2, 2], messages.Select(m => m.Turn));
        Assert.All(messages, m => Assert.Matches("^[0-9a-f]{8}$", m.Id));
        Assert.Equal(4, messages.Select(m => m.Id).Distinct().Count());
        Assert.Null(messages[0].ParentId);
        for (var i = 1; i < messages.Count; i++)
        {
            Assert.Equal(messages[i - 1].Id, messages[i].ParentId);
        }
        Assert.Equal([Start, Start, Start.AddMinutes(1), Start.AddMinutes(1)], messages.Select(m => m.Timestamp));
        var committed = first.Messages.Concat(second.Messages).ToList();
        for (var i = 0; i < committed.Count; i++)
        {
            Assert.True(JsonNode.DeepEquals(committed[i], messages[i].Message));
            Assert.Equal(TranscriptJson.Serialize(committed[i]), TranscriptJson.Serialize(messages[i].Message));
        }
    }

    [Fact]
    public async Task A_message_without_timestamp_is_stamped_with_the_commit_time()
    {
        _time.Advance(TimeSpan.FromMilliseconds(1234.5678));
        var turn = new SessionTurnRecord { Messages = [new JsonObject { ["role"] = "user", ["content"] = new JsonArray() }] };

        await NewStore().CommitTurnAsync(SessionKey.Main(), turn, Token);

        var message = Assert.Single((await NewStore().LoadAsync(SessionKey.Main(), Token)).Messages);
        Assert.Equal(_time.GetUtcNow(), message.Timestamp);
    }

    [Fact]
    public async Task Later_turns_add_up_totals_and_keep_or_replace_the_thinking_level()
    {
        var store = NewStore();
        await store.CommitTurnAsync(SessionKey.Main(), Turn("1", "a", thinking: "high", cost: 0.1m), Token);
        _time.Advance(TimeSpan.FromSeconds(5));

        var kept = await store.CommitTurnAsync(SessionKey.Main(), Turn("2", "b", cost: 0.2m) with { Model = null, ContextTokens = null }, Token);

        Assert.Equal("high", kept.ThinkingLevel);
        Assert.Equal("openrouter/anthropic/claude-sonnet-4.6", kept.LastModel);
        Assert.Equal(200_000, kept.ContextTokens);
        Assert.Equal(0.3m, kept.CostUsd);
        Assert.Equal(2, kept.TurnCount);
        Assert.Equal(4, kept.MessageCount);
        Assert.Equal(200, kept.InputTokens);
        Assert.Equal(330, kept.TotalTokens);
        Assert.Equal(Start, kept.CreatedAt);
        Assert.Equal(Start.AddSeconds(5), kept.UpdatedAt);

        var replaced = await store.CommitTurnAsync(SessionKey.Main(), Turn("3", "c", thinking: "low") with { Model = "openrouter/openrouter/auto", ContextTokens = 2_000_000 }, Token);

        Assert.Equal("low", replaced.ThinkingLevel);
        Assert.Equal("openrouter/openrouter/auto", replaced.LastModel);
        Assert.Equal(2_000_000, replaced.ContextTokens);
        Assert.Equal(0.301m, replaced.CostUsd);
    }

    [Fact]
    public async Task Sessions_persist_across_store_instances()
    {
        using (var writer = new SessionStore(DatabasePath, _time))
        {
            await writer.CommitTurnAsync(SessionKey.Main(), Turn("hi", "hello", thinking: "medium"), Token);
        }

        using var reader = new SessionStore(DatabasePath, _time);
        var snapshot = await reader.LoadAsync(SessionKey.Main(), Token);

        Assert.Equal("medium", snapshot.Entry?.ThinkingLevel);
        Assert.Equal(2, snapshot.Messages.Count);
        Assert.Equal("hello", TranscriptMessages.TextOf(snapshot.Messages[1].Message));
    }

    [Fact]
    public async Task Sessions_are_listed_most_recently_updated_first()
    {
        var store = NewStore();
        var a = SessionKey.Explicit("main", "a");
        var b = SessionKey.Explicit("main", "b");
        await store.CommitTurnAsync(a, Turn("1", "x"), Token);
        _time.Advance(TimeSpan.FromSeconds(1));
        await store.CommitTurnAsync(b, Turn("1", "x"), Token);
        _time.Advance(TimeSpan.FromSeconds(1));
        await store.CommitTurnAsync(SessionKey.Main(), Turn("1", "x"), Token);

        Assert.Equal([SessionKey.Main(), b, a], (await store.ListAsync(Token)).Select(e => e.Key));

        _time.Advance(TimeSpan.FromSeconds(1));
        await store.CommitTurnAsync(a, Turn("2", "y"), Token);

        Assert.Equal([a, SessionKey.Main(), b], (await store.ListAsync(Token)).Select(e => e.Key));
    }

    [Fact]
    public async Task Resetting_the_main_session_gives_it_a_new_id_and_empties_it()
    {
        var store = NewStore();
        var before = await store.CommitTurnAsync(SessionKey.Main(), Turn("hi", "hello", thinking: "high"), Token);
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.True(await store.ResetAsync(SessionKey.Main(), Token));

        var snapshot = await store.LoadAsync(SessionKey.Main(), Token);
        var entry = Assert.IsType<SessionEntry>(snapshot.Entry);
        Assert.Empty(snapshot.Messages);
        Assert.NotEqual(before.SessionId, entry.SessionId);
        Assert.Matches("^[0-9a-f]{32}$", entry.SessionId);
        Assert.Null(entry.ThinkingLevel);
        Assert.Equal((0, 0, 0L, 0m), (entry.TurnCount, entry.MessageCount, entry.TotalTokens, entry.CostUsd));
        Assert.Equal(Start.AddMinutes(1), entry.UpdatedAt);

        var next = await store.CommitTurnAsync(SessionKey.Main(), Turn("again", "fresh"), Token);
        var messages = (await store.LoadAsync(SessionKey.Main(), Token)).Messages;
        Assert.Equal(entry.SessionId, next.SessionId);
        Assert.Equal(1, next.TurnCount);
        Assert.Equal([1L, 2L], messages.Select(m => m.Sequence));
        Assert.Equal([1, 1], messages.Select(m => m.Turn));
        Assert.Null(messages[0].ParentId);
    }

    [Fact]
    public async Task Resetting_an_explicit_session_keeps_its_id_and_other_sessions_untouched()
    {
        var store = NewStore();
        var key = SessionKey.Explicit("main", "keep-me");
        await store.CommitTurnAsync(key, Turn("hi", "hello", thinking: "low"), Token);
        await store.CommitTurnAsync(SessionKey.Main(), Turn("other", "session"), Token);

        Assert.True(await store.ResetAsync(key, Token));

        var reset = await store.LoadAsync(key, Token);
        Assert.Equal("keep-me", reset.Entry?.SessionId);
        Assert.Equal(Start, reset.Entry?.CreatedAt);
        Assert.Null(reset.Entry?.ThinkingLevel);
        Assert.Empty(reset.Messages);
        Assert.Equal(2, (await store.LoadAsync(SessionKey.Main(), Token)).Messages.Count);
    }

    [Fact]
    public async Task Resetting_a_session_that_never_had_a_turn_returns_false()
    {
        var store = NewStore();
        await store.CommitTurnAsync(SessionKey.Main(), Turn("hi", "hello"), Token);

        Assert.False(await store.ResetAsync(SessionKey.Explicit("main", "unknown"), Token));
        Assert.Null((await store.LoadAsync(SessionKey.Explicit("main", "unknown"), Token)).Entry);
    }

    [Fact]
    public async Task A_commit_that_fails_midway_leaves_the_session_as_it_was()
    {
        var store = NewStore();
        await store.CommitTurnAsync(SessionKey.Main(), Turn("hi", "hello", thinking: "high"), Token);
        var before = Summary(await store.LoadAsync(SessionKey.Main(), Token));
        _time.Advance(TimeSpan.FromMinutes(1));
        var failing = Turn("second", "answer", thinking: "low") with
        {
            Messages = [TranscriptMessages.User("second", _time.GetUtcNow()), UnserializableMessage()],
        };

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.CommitTurnAsync(SessionKey.Main(), failing, Token));

        Assert.Equivalent(before, Summary(await store.LoadAsync(SessionKey.Main(), Token)), strict: true);
        var next = await store.CommitTurnAsync(SessionKey.Main(), Turn("third", "ok"), Token);
        Assert.Equal(2, next.TurnCount);
        Assert.Equal([1L, 2L, 3L, 4L], (await store.LoadAsync(SessionKey.Main(), Token)).Messages.Select(m => m.Sequence));
    }

    [Fact]
    public async Task A_first_turn_that_fails_midway_creates_no_session()
    {
        var store = NewStore();
        var failing = new SessionTurnRecord { Messages = [TranscriptMessages.User("hi", Start), UnserializableMessage()] };

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.CommitTurnAsync(SessionKey.Main(), failing, Token));

        Assert.Null((await store.LoadAsync(SessionKey.Main(), Token)).Entry);
        Assert.Empty(await store.ListAsync(Token));
    }

    [Fact]
    public async Task A_commit_cancelled_inside_its_transaction_leaves_the_session_as_it_was()
    {
        var clock = new CancellingTimeProvider(_time);
        using var store = new SessionStore(DatabasePath, clock);
        await store.CommitTurnAsync(SessionKey.Main(), Turn("hi", "hello"), Token);
        var before = Summary(await store.LoadAsync(SessionKey.Main(), Token));
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Token);
        clock.CancelOnNextRead(cancellation);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            store.CommitTurnAsync(SessionKey.Main(), Turn("second", "answer", thinking: "low"), cancellation.Token));

        Assert.True(cancellation.IsCancellationRequested);
        Assert.Equivalent(before, Summary(await store.LoadAsync(SessionKey.Main(), Token)), strict: true);
    }

    [Fact]
    public async Task A_first_turn_cancelled_inside_its_transaction_leaves_no_session_and_no_tables()
    {
        var clock = new CancellingTimeProvider(_time);
        using var store = new SessionStore(DatabasePath, clock);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Token);
        clock.CancelOnNextRead(cancellation);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.CommitTurnAsync(SessionKey.Main(), Turn("hi", "hello"), cancellation.Token));

        Assert.Empty(await store.ListAsync(Token));
        using var connection = OpenDirect();
        Assert.Equal(0L, Scalar(connection, "PRAGMA user_version;"));
        Assert.Equal(0L, Scalar(connection, "SELECT COUNT(*) FROM sqlite_schema;"));
    }

    [Fact]
    public async Task A_commit_with_a_cancelled_token_writes_nothing()
    {
        var store = NewStore();
        await store.CommitTurnAsync(SessionKey.Main(), Turn("hi", "hello"), Token);
        var before = Summary(await store.LoadAsync(SessionKey.Main(), Token));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.CommitTurnAsync(SessionKey.Main(), Turn("x", "y"), cancelled.Token));

        Assert.Equivalent(before, Summary(await store.LoadAsync(SessionKey.Main(), Token)), strict: true);
    }

    [Fact]
    public async Task A_message_without_a_role_is_refused_before_anything_is_written()
    {
        var store = NewStore();
        var turn = new SessionTurnRecord { Messages = [TranscriptMessages.User("hi", Start), new JsonObject { ["content"] = "no role" }] };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.CommitTurnAsync(SessionKey.Main(), turn, Token));

        Assert.Contains("role", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(DatabasePath));
    }

    [Fact]
    public async Task A_file_that_is_not_sqlite_is_refused_with_its_path()
    {
        Directory.CreateDirectory(SessionsDirectory);
        await File.WriteAllTextAsync(DatabasePath, "{\"this\":\"is a sessions.json, not a database\"}" + new string(' ', 1000), Token);
        var store = NewStore();

        var load = await Assert.ThrowsAsync<OpenClawException>(() => store.LoadAsync(SessionKey.Main(), Token));
        var list = await Assert.ThrowsAsync<OpenClawException>(() => store.ListAsync(Token));
        var commit = await Assert.ThrowsAsync<OpenClawException>(() => store.CommitTurnAsync(SessionKey.Main(), Turn("hi", "hello"), Token));

        Assert.All([load, list, commit], error => Assert.Equal($"Session database {DatabasePath} is not a SQLite database.", error.Message));
    }

    [Fact]
    public async Task A_database_from_a_newer_version_is_refused_with_its_path()
    {
        await NewStore().CommitTurnAsync(SessionKey.Main(), Turn("hi", "hello"), Token);
        using (var connection = OpenDirect())
        {
            Scalar(connection, "PRAGMA user_version = 99;");
        }
        var store = NewStore();

        var load = await Assert.ThrowsAsync<OpenClawException>(() => store.LoadAsync(SessionKey.Main(), Token));
        var commit = await Assert.ThrowsAsync<OpenClawException>(() => store.CommitTurnAsync(SessionKey.Main(), Turn("x", "y"), Token));

        Assert.All([load, commit], error =>
        {
            Assert.Contains(DatabasePath, error.Message, StringComparison.Ordinal);
            Assert.Contains("99", error.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task An_empty_file_counts_as_a_new_database()
    {
        Directory.CreateDirectory(SessionsDirectory);
        await File.WriteAllBytesAsync(DatabasePath, [], Token);
        var store = NewStore();

        Assert.Empty(await store.ListAsync(Token));
        var entry = await store.CommitTurnAsync(SessionKey.Main(), Turn("hi", "hello"), Token);

        Assert.Equal(1, entry.TurnCount);
    }

    [Fact]
    public async Task After_dispose_the_directory_can_be_removed_and_the_store_refuses_calls()
    {
        var store = new SessionStore(DatabasePath, _time);
        await store.CommitTurnAsync(SessionKey.Main(), Turn("hi", "hello"), Token);
        await store.LoadAsync(SessionKey.Main(), Token);

        store.Dispose();
        store.Dispose();

        Directory.Delete(SessionsDirectory, recursive: true);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.LoadAsync(SessionKey.Main(), Token));
    }

    [Fact]
    public async Task A_stored_gemini_tool_loop_replays_with_its_thought_signature()
    {
        const string signature = """{"type":"reasoning.encrypted","data":"CiQB+/==","id":"tool_0","format":"google-gemini-v1","index":0}""";
        var call = new OpenRouterToolCall("tool_0", "get_current_time", """{"timezone":"UTC"}""") { ThoughtSignature = signature };
        var thinking = new ThinkingBlock("Need the time.", "reasoning_details");
        var store = NewStore();
        await store.CommitTurnAsync(SessionKey.Main(), new SessionTurnRecord
        {
            Messages =
            [
                TranscriptMessages.User("time?", Start),
                TranscriptMessages.Assistant(new OpenRouterChatResult
                {
                    Thinking = [thinking], ToolCalls = [call], ReasoningDetails = [JsonNode.Parse(signature)], StopReason = OpenRouterStopReason.ToolUse,
                }, Start),
                TranscriptMessages.ToolResult("tool_0", "get_current_time", "09:00", isError: false, Start),
                TranscriptMessages.Assistant(new OpenRouterChatResult { Text = "It is 09:00." }, Start),
            ],
        }, Token);

        var stored = (await NewStore().LoadAsync(SessionKey.Main(), Token)).Messages.Select(m => m.Message);
        var replayed = ChatMessageMapper.ToOpenRouterMessages(TranscriptMessages.ToChatMessages(stored));

        Assert.Equal([call], replayed[1].ToolCalls);
        Assert.Equal([thinking], replayed[1].Thinking);
        Assert.Equal("09:00", replayed[2].Text);
        Assert.Equal("It is 09:00.", replayed[3].Text);
    }

    private SqliteConnection OpenDirect()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static JsonObject UnserializableMessage() =>
        new() { ["role"] = "assistant", ["content"] = JsonValue.Create(new Unserializable()) };
}
