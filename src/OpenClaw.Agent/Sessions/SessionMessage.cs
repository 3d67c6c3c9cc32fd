using System.Text.Json.Nodes;

namespace OpenClaw.Agent.Sessions;

/// <summary>
/// One stored transcript entry (CLI spec §10: <c>{type:"message", id, parentId, timestamp, message}</c>).
/// <see cref="Message"/> is the transcript message object built by <see cref="Transcript.TranscriptMessages"/>.
/// </summary>
/// <param name="Sequence">Position in the session, from 1, gapless.</param>
/// <param name="Turn">The turn that committed it, from 1.</param>
/// <param name="Id">The entry id (8 hex digits, unique in the session).</param>
/// <param name="ParentId">The previous entry's id (<see langword="null"/> for the first).</param>
/// <param name="Timestamp">When the message was produced.</param>
/// <param name="Message">The message: <c>{role, content:[…], …}</c>.</param>
public sealed record SessionMessage(long Sequence, int Turn, string Id, string? ParentId, DateTimeOffset Timestamp, JsonObject Message);
