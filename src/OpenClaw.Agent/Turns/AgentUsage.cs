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
    public static AgentUsage From(OpenRouterUsage? usage) => usage is null
        ? Zero
        : new AgentUsage
        {
            Input = usage.InputTokens,
            Output = usage.OutputTokens,
            CacheRead = usage.CacheReadTokens,
            CacheWrite = usage.CacheWriteTokens,
            ReasoningTokens = usage.ReasoningTokens,
            Cost = usage.Cost,
            CostOrigin = usage.Cost is null ? null : usage.CostOrigin,
        };

    /// <summary>The sum of two usages.</summary>
    public AgentUsage Add(AgentUsage other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new AgentUsage
        {
            Input = Input + other.Input,
            Output = Output + other.Output,
            CacheRead = CacheRead + other.CacheRead,
            CacheWrite = CacheWrite + other.CacheWrite,
            ReasoningTokens = ReasoningTokens is null && other.ReasoningTokens is null ? null : (ReasoningTokens ?? 0) + (other.ReasoningTokens ?? 0),
            Cost = Cost is null && other.Cost is null ? null : (Cost ?? 0) + (other.Cost ?? 0),
            CostOrigin = CombineOrigins(CostOrigin, other.CostOrigin),
        };
    }

    /// <summary>One estimate makes the whole sum an estimate; calls without a cost say nothing about it.</summary>
    private static string? CombineOrigins(string? left, string? right) =>
        left is null ? right
        : right is null ? left
        : left == right ? left
        : OpenRouterUsage.Estimated;
}
