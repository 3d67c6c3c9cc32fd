namespace OpenClaw.OpenRouter.Emulator.Chat;

/// <summary>The token counts and the billed cost of one completion.</summary>
internal sealed record UsagePlan(
    int PromptTokens,
    int CompletionTokens,
    int ReasoningTokens,
    int CachedTokens,
    int CacheWriteTokens,
    int ImageTokens,
    decimal PromptCost,
    decimal CompletionCost)
{
    public int TotalTokens => PromptTokens + CompletionTokens;

    public decimal Cost => PromptCost + CompletionCost;

    /// <summary>What a response-cache hit reports: nothing counted, nothing billed.</summary>
    public static UsagePlan Free { get; } = new(0, 0, 0, 0, 0, 0, 0m, 0m);
}
