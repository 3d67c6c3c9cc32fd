namespace OpenClaw.OpenRouter.Chat;

/// <summary>
/// A run of model thinking text and the wire field it arrived in (<c>reasoning</c>, <c>reasoning_content</c>,
/// <c>reasoning_text</c> or <c>reasoning_details</c>), kept so a replay writes it back under the same name (provider spec §12).
/// </summary>
/// <param name="Text">The thinking text.</param>
/// <param name="SourceField">The delta field it came from.</param>
public sealed record ThinkingBlock(string Text, string SourceField)
{
    /// <summary>The field names thinking can arrive in, in the order a delta is read.</summary>
    public static IReadOnlyList<string> SourceFields { get; } = ["reasoning_details", "reasoning_content", "reasoning", "reasoning_text"];
}
