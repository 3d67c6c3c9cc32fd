namespace OpenClaw.Agent.Sessions;

/// <summary>The session database's tables and their version (<c>PRAGMA user_version</c>).</summary>
internal static class SessionSchema
{
    /// <summary>The version this build writes and the newest it reads.</summary>
    public const int Version = 1;

    /// <summary>
    /// Version 1. Messages are keyed by session key rather than session id: an explicit id is chosen by the user and could
    /// equal another session's id, and a key is what every caller names a session by. Cost is TEXT so the decimal stays exact.
    /// Timestamps are round-trip ("O") UTC text, which sorts chronologically.
    /// </summary>
    public const string CreateScript = """
        CREATE TABLE IF NOT EXISTS sessions (
            session_key        TEXT    NOT NULL PRIMARY KEY,
            agent_id           TEXT    NOT NULL,
            explicit_id        TEXT,
            session_id         TEXT    NOT NULL,
            created_at         TEXT    NOT NULL,
            updated_at         TEXT    NOT NULL,
            thinking_level     TEXT,
            last_model         TEXT,
            turn_count         INTEGER NOT NULL DEFAULT 0,
            message_count      INTEGER NOT NULL DEFAULT 0,
            input_tokens       INTEGER NOT NULL DEFAULT 0,
            output_tokens      INTEGER NOT NULL DEFAULT 0,
            cache_read_tokens  INTEGER NOT NULL DEFAULT 0,
            cache_write_tokens INTEGER NOT NULL DEFAULT 0,
            cost_usd           TEXT    NOT NULL DEFAULT '0',
            context_tokens     INTEGER
        );
        CREATE INDEX IF NOT EXISTS sessions_by_updated_at ON sessions (updated_at DESC);
        CREATE TABLE IF NOT EXISTS messages (
            session_key TEXT    NOT NULL,
            sequence    INTEGER NOT NULL,
            turn        INTEGER NOT NULL,
            id          TEXT    NOT NULL,
            parent_id   TEXT,
            timestamp   TEXT    NOT NULL,
            role        TEXT    NOT NULL,
            message     TEXT    NOT NULL,
            PRIMARY KEY (session_key, sequence),
            UNIQUE (session_key, id)
        ) WITHOUT ROWID;
        PRAGMA user_version = 1;
        """;

    /// <summary>The <c>sessions</c> columns read into a <see cref="SessionEntry"/>, in the order the reader expects.</summary>
    public const string EntryColumns =
        "agent_id, explicit_id, session_id, created_at, updated_at, thinking_level, last_model, turn_count, message_count, "
        + "input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, cost_usd, context_tokens";
}
