namespace OpenClaw.OpenRouter.Shaping.Steps;

/// <summary>Provider spec §12.3: reasoning replay fields fixed up per model.</summary>
internal sealed class ReplaySanitiseStep : IChatPayloadStep
{
    public void Apply(ChatPayloadContext context)
    {
        // Placeholder: implemented in its own change.
    }
}
