namespace OpenClaw.OpenRouter.Models;

/// <summary>A model's prices in US dollars per one million tokens (the catalog's per-token strings × 1,000,000).</summary>
public sealed record ModelPricing(decimal Input, decimal Output, decimal CacheRead, decimal CacheWrite)
{
    /// <summary>Free: every price zero (also the default when a catalog row has none).</summary>
    public static ModelPricing Free { get; } = new(0, 0, 0, 0);
}
