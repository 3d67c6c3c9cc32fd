namespace OpenClaw.OpenRouter.Shaping.Steps;

/// <summary>Provider spec §10: DeepSeek V4 effort mapping and reasoning_content backfill.</summary>
internal sealed class DeepSeekV4Step : IChatPayloadStep
{
    public void Apply(ChatPayloadContext context)
    {
        // Placeholder: implemented in its own change.
    }
}
