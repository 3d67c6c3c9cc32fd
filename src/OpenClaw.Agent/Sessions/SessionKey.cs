namespace OpenClaw.Agent.Sessions;

/// <summary>
/// Which conversation a turn belongs to: an agent's main session (<c>agent:&lt;agentId&gt;:main</c>) or an explicit one
/// (<c>agent:&lt;agentId&gt;:explicit:&lt;sessionId&gt;</c>, from <c>--session-id</c>). CLI spec §10.
/// </summary>
/// <param name="AgentId">The agent (<c>main</c> unless <c>--agent</c> says otherwise).</param>
/// <param name="ExplicitId">The <c>--session-id</c>, or <see langword="null"/> for the agent's main session.</param>
public readonly record struct SessionKey(string AgentId, string? ExplicitId)
{
    /// <summary>The agent's main session.</summary>
    public static SessionKey Main(string agentId = "main") => throw new NotImplementedException();

    /// <summary>An explicit session. Ids are 1–128 characters of <c>[A-Za-z0-9._:-]</c>, not starting with <c>.</c>.</summary>
    /// <exception cref="ArgumentException">The id is empty, too long or has other characters (message names the id and the rule).</exception>
    public static SessionKey Explicit(string agentId, string sessionId) => throw new NotImplementedException();

    /// <summary>
    /// Parses what a user types to name a session in <c>sessions show|reset</c>: a full key (<c>agent:main:main</c>,
    /// <c>agent:main:explicit:my-id</c>), <c>main</c>, or a bare session id (an explicit session of <paramref name="agentId"/>).
    /// </summary>
    /// <exception cref="ArgumentException">Not a key or a valid id.</exception>
    public static SessionKey Parse(string text, string agentId = "main") => throw new NotImplementedException();

    /// <summary><c>agent:&lt;agentId&gt;:main</c> or <c>agent:&lt;agentId&gt;:explicit:&lt;id&gt;</c>.</summary>
    public override string ToString() => throw new NotImplementedException();
}
