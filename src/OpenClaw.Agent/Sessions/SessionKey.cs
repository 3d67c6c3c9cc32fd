namespace OpenClaw.Agent.Sessions;

/// <summary>
/// Which conversation a turn belongs to: an agent's main session (<c>agent:&lt;agentId&gt;:main</c>) or an explicit one
/// (<c>agent:&lt;agentId&gt;:explicit:&lt;sessionId&gt;</c>, from <c>--session-id</c>). CLI spec §10.
/// </summary>
/// <param name="AgentId">The agent (<c>main</c> unless <c>--agent</c> says otherwise).</param>
/// <param name="ExplicitId">The <c>--session-id</c>, or <see langword="null"/> for the agent's main session.</param>
public readonly record struct SessionKey(string AgentId, string? ExplicitId)
{
    private const string Prefix = "agent:";
    private const string MainSuffix = "main";
    private const string ExplicitMarker = "explicit";

    /// <summary>The longest explicit session id accepted.</summary>
    public const int MaxSessionIdLength = 128;

    /// <summary>Whether this is the agent's main session (no explicit id).</summary>
    public bool IsMain => ExplicitId is null;

    /// <summary>The agent's main session.</summary>
    public static SessionKey Main(string agentId = "main")
    {
        ValidateAgentId(agentId);
        return new SessionKey(agentId, null);
    }

    /// <summary>An explicit session. Ids are 1–128 characters of <c>[A-Za-z0-9._:-]</c>, not starting with <c>.</c>.</summary>
    /// <exception cref="ArgumentException">The id is empty, too long or has other characters (message names the id and the rule).</exception>
    public static SessionKey Explicit(string agentId, string sessionId)
    {
        ValidateAgentId(agentId);
        ArgumentNullException.ThrowIfNull(sessionId);
        if (!IsValidSessionId(sessionId))
        {
            throw new ArgumentException(
                $"Invalid session id \"{sessionId}\": use 1–{MaxSessionIdLength} characters of letters, digits, '.', '_', ':' and '-', not starting with '.'.",
                nameof(sessionId));
        }
        return new SessionKey(agentId, sessionId);
    }

    /// <summary>Whether <paramref name="sessionId"/> is a valid explicit session id (see <see cref="Explicit"/>).</summary>
    public static bool IsValidSessionId(string? sessionId) =>
        sessionId is { Length: > 0 and <= MaxSessionIdLength }
        && sessionId[0] != '.'
        && sessionId.All(IsSessionIdCharacter);

    /// <summary>
    /// Parses what a user types to name a session in <c>sessions show|reset</c>: a full key (<c>agent:main:main</c>,
    /// <c>agent:main:explicit:my-id</c>), <c>main</c>, or a bare session id (an explicit session of <paramref name="agentId"/>).
    /// </summary>
    /// <exception cref="ArgumentException">Not a key or a valid id.</exception>
    public static SessionKey Parse(string text, string agentId = "main")
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed == MainSuffix)
        {
            return Main(agentId);
        }
        if (!trimmed.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return Explicit(agentId, trimmed);
        }

        // Ids may contain ':', so only the first three separators are structural.
        var parts = trimmed.Split(':', 4);
        if (parts.Length == 3 && parts[2] == MainSuffix && IsValidAgentId(parts[1]))
        {
            return Main(parts[1]);
        }
        if (parts.Length == 4 && parts[2] == ExplicitMarker && IsValidAgentId(parts[1]))
        {
            return Explicit(parts[1], parts[3]);
        }
        // A text that starts like a key but is not one is more likely a mistyped key than a session id.
        throw new ArgumentException(
            $"Invalid session key \"{trimmed}\": use agent:<agentId>:main, agent:<agentId>:explicit:<sessionId>, main, or a session id.",
            nameof(text));
    }

    /// <summary><c>agent:&lt;agentId&gt;:main</c> or <c>agent:&lt;agentId&gt;:explicit:&lt;id&gt;</c>.</summary>
    public override string ToString() =>
        ExplicitId is null ? $"{Prefix}{AgentId}:{MainSuffix}" : $"{Prefix}{AgentId}:{ExplicitMarker}:{ExplicitId}";

    private static bool IsSessionIdCharacter(char character) =>
        char.IsAsciiLetterOrDigit(character) || character is '.' or '_' or ':' or '-';

    // The agent id is a key segment, so a ':' in it would make the key ambiguous.
    private static bool IsValidAgentId(string agentId) =>
        !string.IsNullOrWhiteSpace(agentId) && !agentId.Contains(':', StringComparison.Ordinal);

    private static void ValidateAgentId(string agentId)
    {
        ArgumentNullException.ThrowIfNull(agentId);
        if (!IsValidAgentId(agentId))
        {
            throw new ArgumentException($"Invalid agent id \"{agentId}\": it must be non-empty and must not contain ':'.", nameof(agentId));
        }
    }
}
