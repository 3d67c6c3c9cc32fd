using OpenClaw.Agent.Turns;
using OpenClaw.OpenRouter.Chat;

namespace OpenClaw.Agent.Tests.Turns;

public sealed class AgentUsageTests
{
    [Fact]
    public void One_call_usage_takes_uncached_input_and_the_billed_cost()
    {
        var usage = AgentUsage.From(new OpenRouterUsage
        {
            PromptTokens = 1000,
            CompletionTokens = 20,
            CacheReadTokens = 600,
            CacheWriteTokens = 100,
            ReasoningTokens = 8,
            Cost = 0.0123m,
            CostOrigin = OpenRouterUsage.ProviderBilled,
        });

        Assert.Equal(300, usage.Input);
        Assert.Equal(20, usage.Output);
        Assert.Equal(600, usage.CacheRead);
        Assert.Equal(100, usage.CacheWrite);
        Assert.Equal(8, usage.ReasoningTokens);
        Assert.Equal(1020, usage.Total);
        Assert.Equal(0.0123m, usage.Cost);
        Assert.Equal("provider-billed", usage.CostOrigin);
        Assert.Equal(AgentUsage.Zero, AgentUsage.From(null));
    }

    [Fact]
    public void Sums_keep_absent_values_absent_and_one_estimate_makes_an_estimate()
    {
        var billed = new AgentUsage { Input = 10, Output = 2, Cost = 0.5m, CostOrigin = "provider-billed" };
        var estimated = new AgentUsage { Input = 1, Output = 1, ReasoningTokens = 3, Cost = 0.25m, CostOrigin = "estimated" };

        var sum = billed.Add(estimated);

        Assert.Equal(11, sum.Input);
        Assert.Equal(3, sum.Output);
        Assert.Equal(3, sum.ReasoningTokens);
        Assert.Equal(0.75m, sum.Cost);
        Assert.Equal("estimated", sum.CostOrigin);
        Assert.Null(billed.Add(AgentUsage.Zero).ReasoningTokens);
        Assert.Equal(billed, AgentUsage.Zero.Add(billed));
        Assert.Equal(billed, billed.Add(new AgentUsage()));
        Assert.Null(AgentUsage.Zero.Add(AgentUsage.Zero).Cost);
    }
}
