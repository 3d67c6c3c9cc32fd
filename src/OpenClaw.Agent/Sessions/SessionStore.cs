namespace OpenClaw.Agent.Sessions;

/// <summary>
/// Sessions of one agent in a SQLite database (<c>&lt;stateDir&gt;/agents/&lt;agentId&gt;/sessions/sessions.sqlite</c>, WAL mode,
/// file 0600, directory 0700). A turn is committed whole — its messages and the entry's totals in one transaction — or not
/// at all, so a crash, a timeout or Ctrl+C mid-turn leaves the session exactly as it was.
/// </summary>
/// <remarks>
/// Tables: <c>sessions</c> (one row per key: the <see cref="SessionEntry"/> columns) and <c>messages</c> (session id, sequence,
/// turn, id, parent id, timestamp, role, message JSON). A schema version in <c>PRAGMA user_version</c>; an unknown newer
/// version or a file that is not a SQLite database is refused with an <see cref="Core.Errors.OpenClawException"/> naming the
/// path. Every connection sets <c>busy_timeout</c> so concurrent processes wait rather than fail; writes use
/// <c>BEGIN IMMEDIATE</c>. Thread-safe; each call opens its own pooled connection.
/// </remarks>
public sealed class SessionStore : IDisposable
{
    /// <summary>The database file name inside the agent's sessions directory.</summary>
    public const string FileName = "sessions.sqlite";

    /// <param name="databasePath">The database file (created with its directory on first write).</param>
    /// <param name="timeProvider">The clock for <c>createdAt</c>/<c>updatedAt</c>.</param>
    public SessionStore(string databasePath, TimeProvider? timeProvider = null) => throw new NotImplementedException();

    /// <summary>The database file.</summary>
    public string DatabasePath => throw new NotImplementedException();

    /// <summary>Loads a session; a session never used gives a snapshot with no entry and no messages (nothing is created).</summary>
    public Task<SessionSnapshot> LoadAsync(SessionKey key, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>
    /// Appends a completed turn in one transaction, creating the session on its first turn, and returns the updated entry.
    /// Message ids, parent ids, sequences and the turn number are assigned here.
    /// </summary>
    public Task<SessionEntry> CommitTurnAsync(SessionKey key, SessionTurnRecord turn, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Every session of the agent, most recently updated first. A missing database gives an empty list (nothing is created).</summary>
    public Task<IReadOnlyList<SessionEntry>> ListAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>
    /// Empties a session: deletes its messages and totals and the saved thinking level in one transaction. A main session gets
    /// a new session id; an explicit one keeps its id. Returns <see langword="false"/> when there was no such session.
    /// </summary>
    public Task<bool> ResetAsync(SessionKey key, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Releases pooled connections so the file can be moved or deleted.</summary>
    public void Dispose() => throw new NotImplementedException();
}
