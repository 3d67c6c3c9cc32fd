using System.Data;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using OpenClaw.Agent.Transcript;
using OpenClaw.Core.Errors;
using OpenClaw.Core.Files;

namespace OpenClaw.Agent.Sessions;

/// <summary>
/// Sessions of one agent in a SQLite database (<c>&lt;stateDir&gt;/agents/&lt;agentId&gt;/sessions/sessions.sqlite</c>, WAL mode,
/// file 0600, directory 0700). A turn is committed whole — its messages and the entry's totals in one transaction — or not
/// at all, so a crash, a timeout or Ctrl+C mid-turn leaves the session exactly as it was.
/// </summary>
/// <remarks>
/// Tables: <c>sessions</c> (one row per session key: the <see cref="SessionEntry"/> columns) and <c>messages</c> (session key,
/// sequence, turn, id, parent id, timestamp, role, message JSON). A schema version in <c>PRAGMA user_version</c>; an unknown
/// newer version or a file that is not a SQLite database is refused with an <see cref="OpenClawException"/> naming the
/// path. Every connection sets <c>busy_timeout</c> so concurrent processes wait rather than fail; writes use
/// <c>BEGIN IMMEDIATE</c>. Thread-safe; each call opens its own pooled connection. Other SQLite errors surface as an
/// <see cref="OpenClawException"/> naming the path too.
/// </remarks>
public sealed class SessionStore : IDisposable
{
    /// <summary>The database file name inside the agent's sessions directory.</summary>
    public const string FileName = "sessions.sqlite";

    /// <summary>How long a connection waits for another writer before giving up.</summary>
    public static TimeSpan BusyTimeout { get; } = TimeSpan.FromSeconds(10);

    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    private readonly string _connectionString;
    private readonly TimeProvider _timeProvider;
    private volatile bool _walEnabled;
    private int _disposed;

    /// <param name="databasePath">The database file (created with its directory on first write).</param>
    /// <param name="timeProvider">The clock for <c>createdAt</c>/<c>updatedAt</c>.</param>
    public SessionStore(string databasePath, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
        _timeProvider = timeProvider ?? TimeProvider.System;
        // ReadWrite, never Create: the store creates the file itself so it gets mode 0600 before SQLite writes a byte, and
        // reads of a missing database must not leave an empty one behind.
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = true,
        }.ToString();
    }

    /// <summary>The database file.</summary>
    public string DatabasePath { get; }

    /// <summary>Loads a session; a session never used gives a snapshot with no entry and no messages (nothing is created).</summary>
    public async Task<SessionSnapshot> LoadAsync(SessionKey key, CancellationToken cancellationToken = default)
    {
        ValidateKey(key);
        ThrowIfDisposed();
        var empty = new SessionSnapshot(key, null, []);
        if (!File.Exists(DatabasePath))
        {
            return empty;
        }
        return await RunAsync(async connection =>
        {
            // One read transaction, so the entry and the messages come from the same committed state.
            await using var transaction = connection.BeginTransaction(deferred: true);
            if (!await HasTablesAsync(connection, transaction, cancellationToken).ConfigureAwait(false))
            {
                return empty;
            }
            var entry = await ReadEntryAsync(connection, transaction, key, cancellationToken).ConfigureAwait(false);
            if (entry is null)
            {
                return empty;
            }
            var messages = new List<SessionMessage>(entry.MessageCount);
            await using var command = Command(connection, transaction,
                "SELECT sequence, turn, id, parent_id, timestamp, message FROM messages WHERE session_key = $key ORDER BY sequence",
                ("$key", key.ToString()));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                messages.Add(new SessionMessage(
                    reader.GetInt64(0),
                    reader.GetInt32(1),
                    reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    ParseTimestamp(reader.GetString(4)),
                    ParseMessage(reader.GetString(5))));
            }
            return new SessionSnapshot(key, entry, messages);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Appends a completed turn in one transaction, creating the session on its first turn, and returns the updated entry.
    /// Message ids, parent ids, sequences and the turn number are assigned here.
    /// </summary>
    /// <remarks>
    /// Each message must have a string <c>role</c>. A message's <c>timestamp</c> (ISO-8601) is used as its stored timestamp;
    /// without one the commit time is. A message that cannot be serialized fails the whole commit; nothing is written.
    /// </remarks>
    /// <exception cref="ArgumentException">A message has no <c>role</c>.</exception>
    public async Task<SessionEntry> CommitTurnAsync(SessionKey key, SessionTurnRecord turn, CancellationToken cancellationToken = default)
    {
        ValidateKey(key);
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(turn.Messages);
        ThrowIfDisposed();
        var roles = turn.Messages.Select(RoleOf).ToArray();
        cancellationToken.ThrowIfCancellationRequested();
        EnsureDatabaseFile();

        return await RunAsync(async connection =>
        {
            await EnableWalAsync(connection, cancellationToken).ConfigureAwait(false);
            await using var transaction = (SqliteTransaction)await connection
                .BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken).ConfigureAwait(false);
            await EnsureTablesAsync(connection, transaction, cancellationToken).ConfigureAwait(false);

            var now = _timeProvider.GetUtcNow();
            var entry = await ReadEntryAsync(connection, transaction, key, cancellationToken).ConfigureAwait(false);
            if (entry is null)
            {
                entry = new SessionEntry { Key = key, SessionId = key.ExplicitId ?? NewMainSessionId(), CreatedAt = now, UpdatedAt = now };
                await InsertEntryAsync(connection, transaction, entry, cancellationToken).ConfigureAwait(false);
            }

            var (sequence, parentId) = await LastMessageAsync(connection, transaction, key, cancellationToken).ConfigureAwait(false);
            var turnNumber = entry.TurnCount + 1;
            var newIds = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < turn.Messages.Count; i++)
            {
                var message = turn.Messages[i];
                var json = TranscriptJson.Serialize(message);
                var id = await NewMessageIdAsync(connection, transaction, key, newIds, cancellationToken).ConfigureAwait(false);
                sequence++;
                await using var insert = Command(connection, transaction,
                    """
                    INSERT INTO messages (session_key, sequence, turn, id, parent_id, timestamp, role, message)
                    VALUES ($key, $sequence, $turn, $id, $parent, $timestamp, $role, $message)
                    """,
                    ("$key", key.ToString()), ("$sequence", sequence), ("$turn", turnNumber), ("$id", id), ("$parent", parentId),
                    ("$timestamp", FormatTimestamp(TranscriptJson.TimestampOf(message) ?? now)), ("$role", roles[i]), ("$message", json));
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                parentId = id;
            }

            var updated = entry with
            {
                UpdatedAt = now,
                ThinkingLevel = turn.SaveThinkingLevel ?? entry.ThinkingLevel,
                LastModel = turn.Model ?? entry.LastModel,
                ContextTokens = turn.ContextTokens ?? entry.ContextTokens,
                TurnCount = turnNumber,
                MessageCount = entry.MessageCount + turn.Messages.Count,
                InputTokens = entry.InputTokens + turn.InputTokens,
                OutputTokens = entry.OutputTokens + turn.OutputTokens,
                CacheReadTokens = entry.CacheReadTokens + turn.CacheReadTokens,
                CacheWriteTokens = entry.CacheWriteTokens + turn.CacheWriteTokens,
                CostUsd = entry.CostUsd + turn.CostUsd,
            };
            await UpdateEntryAsync(connection, transaction, updated, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return updated;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every session of the agent, most recently updated first. A missing database gives an empty list (nothing is created).</summary>
    public async Task<IReadOnlyList<SessionEntry>> ListAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        if (!File.Exists(DatabasePath))
        {
            return [];
        }
        return await RunAsync<IReadOnlyList<SessionEntry>>(async connection =>
        {
            await using var transaction = connection.BeginTransaction(deferred: true);
            if (!await HasTablesAsync(connection, transaction, cancellationToken).ConfigureAwait(false))
            {
                return [];
            }
            var entries = new List<SessionEntry>();
            await using var command = Command(connection, transaction,
                $"SELECT {SessionSchema.EntryColumns} FROM sessions ORDER BY updated_at DESC, session_key");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                entries.Add(ReadEntry(reader));
            }
            return entries;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Empties a session: deletes its messages and totals and the saved thinking level in one transaction. A main session gets
    /// a new session id; an explicit one keeps its id. Returns <see langword="false"/> when there was no such session.
    /// </summary>
    /// <remarks>
    /// Turn and message counts, token and cost totals, the last model and its context window are cleared and
    /// <c>updatedAt</c> is the reset time; a main session's <c>createdAt</c> is the reset time too (it is a new session), an
    /// explicit one keeps its own. A missing database is not created.
    /// </remarks>
    public async Task<bool> ResetAsync(SessionKey key, CancellationToken cancellationToken = default)
    {
        ValidateKey(key);
        ThrowIfDisposed();
        if (!File.Exists(DatabasePath))
        {
            return false;
        }
        return await RunAsync(async connection =>
        {
            await using var transaction = (SqliteTransaction)await connection
                .BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken).ConfigureAwait(false);
            if (!await HasTablesAsync(connection, transaction, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
            var entry = await ReadEntryAsync(connection, transaction, key, cancellationToken).ConfigureAwait(false);
            if (entry is null)
            {
                return false;
            }
            await using (var delete = Command(connection, transaction, "DELETE FROM messages WHERE session_key = $key", ("$key", key.ToString())))
            {
                await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            var now = _timeProvider.GetUtcNow();
            var emptied = new SessionEntry
            {
                Key = key,
                SessionId = key.IsMain ? NewMainSessionId() : entry.SessionId,
                CreatedAt = key.IsMain ? now : entry.CreatedAt,
                UpdatedAt = now,
            };
            await UpdateEntryAsync(connection, transaction, emptied, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Releases pooled connections so the file can be moved or deleted.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private static string NewMainSessionId() => Guid.NewGuid().ToString("N");

    private static void ValidateKey(SessionKey key)
    {
        if (string.IsNullOrEmpty(key.AgentId))
        {
            throw new ArgumentException("The session key has no agent id.", nameof(key));
        }
    }

    private static string RoleOf(JsonObject message, int index)
    {
        if (message is null)
        {
            throw new ArgumentException($"Turn message {index} is null.", nameof(message));
        }
        return TranscriptJson.AsString(message["role"]) is { Length: > 0 } role
            ? role
            : throw new ArgumentException($"Turn message {index} has no \"role\".", nameof(message));
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

    /// <summary>Creates the directory (0700) and an empty database file (0600) unless the file exists.</summary>
    private void EnsureDatabaseFile()
    {
        if (File.Exists(DatabasePath))
        {
            return;
        }
        AtomicFile.CreateDirectory(Path.GetDirectoryName(DatabasePath)!, AtomicWriteOptions.OwnerOnlyDirectory);
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.ReadWrite };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = AtomicWriteOptions.OwnerOnlyFile;
            }
            using var stream = new FileStream(DatabasePath, options);
            if (!OperatingSystem.IsWindows())
            {
                // The create mode is filtered by the umask; the database holds conversations and must be owner-only.
                File.SetUnixFileMode(stream.SafeFileHandle, AtomicWriteOptions.OwnerOnlyFile);
            }
        }
        catch (IOException) when (File.Exists(DatabasePath))
        {
            // Another process or task created it first; SQLite initialises an empty file on its first write either way.
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new OpenClawException($"Cannot create session database {DatabasePath}: {exception.Message}", exception);
        }
    }

    /// <summary>Opens a connection, runs <paramref name="action"/> on it and turns SQLite failures into user-facing errors.</summary>
    private async Task<T> RunAsync<T>(Func<SqliteConnection, Task<T>> action, CancellationToken cancellationToken)
    {
        try
        {
            var connection = new SqliteConnection(_connectionString);
            await using (connection.ConfigureAwait(false))
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using (var pragma = Command(connection, null,
                    $"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds};"))
                {
                    await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                return await action(connection).ConfigureAwait(false);
            }
        }
        catch (SqliteException exception) when (cancellationToken.IsCancellationRequested)
        {
            // An interrupted statement is the cancellation the caller asked for, not a database problem.
            throw new OperationCanceledException(exception.Message, exception, cancellationToken);
        }
        catch (SqliteException exception)
        {
            throw Translate(exception);
        }
    }

    private OpenClawException Translate(SqliteException exception) => exception.SqliteErrorCode switch
    {
        SqliteNotADatabase => new OpenClawException($"Session database {DatabasePath} is not a SQLite database.", exception),
        SqliteCorrupt => new OpenClawException($"Session database {DatabasePath} is corrupt.", exception),
        SqliteBusy or SqliteLocked => new OpenClawException(
            $"Session database {DatabasePath} is busy: another openclaw process kept it locked for more than {BusyTimeout.TotalSeconds:0} seconds.",
            exception),
        _ => new OpenClawException($"Session database {DatabasePath}: {exception.Message}", exception),
    };

    private async Task EnableWalAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // WAL is a property of the file, so once per store is enough; readers then never block the writer or each other.
        if (_walEnabled)
        {
            return;
        }
        await using var command = Command(connection, null, "PRAGMA journal_mode = WAL;");
        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        _walEnabled = true;
    }

    /// <summary>Inside a write transaction: creates the tables of a new database, refuses a newer schema.</summary>
    private async Task EnsureTablesAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        if (await SchemaVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false) == 0)
        {
            await using var create = Command(connection, transaction, SessionSchema.CreateScript);
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Whether the tables exist (schema version set); refuses a newer schema.</summary>
    private async Task<bool> HasTablesAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken) =>
        await SchemaVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false) != 0;

    private async Task<long> SchemaVersionAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, "PRAGMA user_version;");
        var version = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        if (version > SessionSchema.Version)
        {
            throw new OpenClawException(
                $"Session database {DatabasePath} has schema version {version}, newer than this openclaw supports ({SessionSchema.Version}). Upgrade openclaw.");
        }
        return version;
    }

    private static async Task<SessionEntry?> ReadEntryAsync(SqliteConnection connection, SqliteTransaction transaction, SessionKey key,
        CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction,
            $"SELECT {SessionSchema.EntryColumns} FROM sessions WHERE session_key = $key", ("$key", key.ToString()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadEntry(reader) : null;
    }

    private static SessionEntry ReadEntry(SqliteDataReader reader) => new()
    {
        Key = new SessionKey(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)),
        SessionId = reader.GetString(2),
        CreatedAt = ParseTimestamp(reader.GetString(3)),
        UpdatedAt = ParseTimestamp(reader.GetString(4)),
        ThinkingLevel = reader.IsDBNull(5) ? null : reader.GetString(5),
        LastModel = reader.IsDBNull(6) ? null : reader.GetString(6),
        TurnCount = reader.GetInt32(7),
        MessageCount = reader.GetInt32(8),
        InputTokens = reader.GetInt64(9),
        OutputTokens = reader.GetInt64(10),
        CacheReadTokens = reader.GetInt64(11),
        CacheWriteTokens = reader.GetInt64(12),
        CostUsd = decimal.Parse(reader.GetString(13), NumberStyles.Number, CultureInfo.InvariantCulture),
        ContextTokens = reader.IsDBNull(14) ? null : reader.GetInt32(14),
    };

    private static async Task InsertEntryAsync(SqliteConnection connection, SqliteTransaction transaction, SessionEntry entry,
        CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction,
            """
            INSERT INTO sessions (session_key, agent_id, explicit_id, session_id, created_at, updated_at)
            VALUES ($key, $agent, $explicit, $sessionId, $createdAt, $updatedAt)
            """,
            ("$key", entry.Key.ToString()), ("$agent", entry.Key.AgentId), ("$explicit", entry.Key.ExplicitId),
            ("$sessionId", entry.SessionId), ("$createdAt", FormatTimestamp(entry.CreatedAt)), ("$updatedAt", FormatTimestamp(entry.UpdatedAt)));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task UpdateEntryAsync(SqliteConnection connection, SqliteTransaction transaction, SessionEntry entry,
        CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction,
            """
            UPDATE sessions SET
                session_id = $sessionId, created_at = $createdAt, updated_at = $updatedAt, thinking_level = $thinking,
                last_model = $model, turn_count = $turns, message_count = $messages, input_tokens = $input,
                output_tokens = $output, cache_read_tokens = $cacheRead, cache_write_tokens = $cacheWrite, cost_usd = $cost,
                context_tokens = $context
            WHERE session_key = $key
            """,
            ("$key", entry.Key.ToString()), ("$sessionId", entry.SessionId), ("$createdAt", FormatTimestamp(entry.CreatedAt)),
            ("$updatedAt", FormatTimestamp(entry.UpdatedAt)), ("$thinking", entry.ThinkingLevel), ("$model", entry.LastModel),
            ("$turns", entry.TurnCount), ("$messages", entry.MessageCount), ("$input", entry.InputTokens),
            ("$output", entry.OutputTokens), ("$cacheRead", entry.CacheReadTokens), ("$cacheWrite", entry.CacheWriteTokens),
            ("$cost", entry.CostUsd.ToString(CultureInfo.InvariantCulture)), ("$context", entry.ContextTokens));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<(long Sequence, string? Id)> LastMessageAsync(SqliteConnection connection, SqliteTransaction transaction,
        SessionKey key, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction,
            "SELECT sequence, id FROM messages WHERE session_key = $key ORDER BY sequence DESC LIMIT 1", ("$key", key.ToString()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? (reader.GetInt64(0), reader.GetString(1)) : (0, null);
    }

    /// <summary>8 lowercase hex digits not used in the session yet (nor earlier in this commit).</summary>
    private static async Task<string> NewMessageIdAsync(SqliteConnection connection, SqliteTransaction transaction, SessionKey key,
        HashSet<string> newIds, CancellationToken cancellationToken)
    {
        while (true)
        {
            var id = RandomNumberGenerator.GetHexString(8, lowercase: true);
            if (newIds.Contains(id))
            {
                continue;
            }
            await using var command = Command(connection, transaction,
                "SELECT EXISTS (SELECT 1 FROM messages WHERE session_key = $key AND id = $id)", ("$key", key.ToString()), ("$id", id));
            var taken = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) != 0;
            if (!taken)
            {
                newIds.Add(id);
                return id;
            }
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql,
        params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return command;
    }

    private static string FormatTimestamp(DateTimeOffset timestamp) =>
        timestamp.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTimestamp(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private JsonObject ParseMessage(string json)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject
                ?? throw new OpenClawException($"Session database {DatabasePath} holds a message that is not a JSON object.");
        }
        catch (JsonException exception)
        {
            throw new OpenClawException($"Session database {DatabasePath} holds a message that is not valid JSON: {exception.Message}", exception);
        }
    }
}
