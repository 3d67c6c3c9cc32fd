using OpenClaw.OpenRouter.Chat;

namespace OpenClaw.Agent.Turns;

/// <summary>Token usage and cost of one or more model calls (CLI spec §4 <c>usage</c>).</summary>
public sealed record AgentUsage
{
    /// <summary>No calls.</summary>
    public static AgentUsage Zero { get; } = new();

    public long Input { get; init; }

    public long Output { get; init; }

    public long CacheRead { get; init; }

    public long CacheWrite { get; init; }

    /// <summary>Reasoning tokens, when any call reported them.</summary>
    public long? ReasoningTokens { get; init; }

    /// <summary>input + output + cacheRead + cacheWrite.</summary>
    public long Total => Input + Output + CacheRead + CacheWrite;

    /// <summary>Cost in US dollars (sum of every call's <c>usage.cost</c>); <see langword="null"/> when no call reported a cost.</summary>
    public decimal? Cost { get; init; }

    /// <summary><c>provider-billed</c> when every cost came from OpenRouter's <c>usage.cost</c>, <c>estimated</c> when any was estimated.</summary>
    public string? CostOrigin { get; init; }

    /// <summary>One call's usage.</summary>
    public static AgentUsage From(OpenRouterUsage? usage) => throw new NotImplementedException();

    /// <summary>The sum of two usages.</summary>
    public AgentUsage Add(AgentUsage other) => throw new NotImplementedException();
}
