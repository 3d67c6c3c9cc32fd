namespace OpenClaw.Agent.Sessions;

/// <summary>A session as stored: its entry (<see langword="null"/> when it has never had a turn) and its messages in order.</summary>
public sealed record SessionSnapshot(SessionKey Key, SessionEntry? Entry, IReadOnlyList<SessionMessage> Messages);
