namespace OpenClaw.Agent.Sessions;

/// <summary>
/// One writer per session: held for a whole turn (history load → model calls → commit), so a second concurrent turn on the
/// same session waits for the first and then sees its messages. A lock file per session under
/// <c>&lt;sessionsDir&gt;/locks/</c> (name derived from the key, safe for any id), released on dispose or process exit.
/// </summary>
public sealed class SessionTurnLock : IDisposable
{
    private SessionTurnLock() => throw new NotImplementedException();

    /// <summary>Waits (polling, cancellable) until the session is free or <paramref name="timeout"/> passes.</summary>
    /// <exception cref="TimeoutException">Another turn held the session for the whole timeout (message names the session key).</exception>
    public static Task<SessionTurnLock> AcquireAsync(string sessionsDirectory, SessionKey key, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public void Dispose() => throw new NotImplementedException();
}
