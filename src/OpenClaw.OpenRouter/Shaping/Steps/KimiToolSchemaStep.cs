namespace OpenClaw.OpenRouter.Shaping.Steps;

/// <summary>Provider spec §13: Kimi tool-schema anyOf normalisation.</summary>
internal sealed class KimiToolSchemaStep : IChatPayloadStep
{
    public void Apply(ChatPayloadContext context)
    {
        // Placeholder: implemented in its own change.
    }
}
