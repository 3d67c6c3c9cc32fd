using OpenClaw.Core.Errors;

namespace OpenClaw.Agent.Turns;

/// <summary>The whole-turn deadline passed: <c>Agent turn timed out after &lt;N&gt; s; the session is unchanged.</c></summary>
public sealed class AgentTurnTimeoutException : OpenClawException
{
    public AgentTurnTimeoutException(TimeSpan timeout, Exception innerException)
        : base(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Agent turn timed out after {timeout.TotalSeconds:0.###} s; the session is unchanged."), innerException) =>
        Timeout = timeout;

    /// <summary>The deadline that passed.</summary>
    public TimeSpan Timeout { get; }
}
