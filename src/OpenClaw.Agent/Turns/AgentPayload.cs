namespace OpenClaw.Agent.Turns;

/// <summary>One reply block (CLI spec §4 <c>payloads[]</c>).</summary>
/// <param name="Text">The text.</param>
/// <param name="MediaUrl">A media file (a spoken reply, a generated image), or <see langword="null"/>.</param>
public sealed record AgentPayload(string Text, string? MediaUrl = null)
{
    /// <summary>The payload added after a reply cut at the output token limit.</summary>
    public const string TruncationNotice = "⚠️ Reply truncated at the model's output token limit. The text above is partial — ask to continue it.";
}
