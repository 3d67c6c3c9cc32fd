namespace OpenClaw.OpenRouter.Shaping.Steps;

/// <summary>Provider spec §7.2: tool-call ids cut at | and sanitised; Mistral 9-character ids.</summary>
internal sealed class ToolCallIdStep : IChatPayloadStep
{
    public void Apply(ChatPayloadContext context)
    {
        // Placeholder: implemented in its own change.
    }
}
