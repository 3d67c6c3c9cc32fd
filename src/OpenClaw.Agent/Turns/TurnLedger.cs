using OpenClaw.OpenRouter.Chat;

namespace OpenClaw.Agent.Turns;

/// <summary>
/// What a turn has spent so far, across every candidate: each completed model call's usage (a failed candidate's calls were
/// billed too), the number of calls made, and the last completed call.
/// </summary>
internal sealed class TurnLedger
{
    /// <summary>Every call's usage, summed.</summary>
    public AgentUsage Total { get; private set; } = AgentUsage.Zero;

    /// <summary>The last completed call's usage.</summary>
    public AgentUsage LastCall { get; private set; } = AgentUsage.Zero;

    /// <summary>Model calls made: completed ones and failed ones.</summary>
    public int Calls { get; private set; }

    /// <summary>A call that completed (whatever its stop reason).</summary>
    public void Completed(OpenRouterChatResult result)
    {
        Calls++;
        LastCall = AgentUsage.From(result.Usage);
        Total = Total.Add(LastCall);
    }

    /// <summary>A call that failed; the usage of its partial answer counts when OpenRouter reported one.</summary>
    public void Failed(OpenRouterChatResult? partial)
    {
        Calls++;
        if (partial?.Usage is { } usage)
        {
            Total = Total.Add(AgentUsage.From(usage));
        }
    }
}
