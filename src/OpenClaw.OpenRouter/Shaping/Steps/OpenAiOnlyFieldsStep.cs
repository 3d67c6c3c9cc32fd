namespace OpenClaw.OpenRouter.Shaping.Steps;

/// <summary>Provider spec §11: OpenAI-only shaping never forwarded.</summary>
internal sealed class OpenAiOnlyFieldsStep : IChatPayloadStep
{
    public void Apply(ChatPayloadContext context)
    {
        // Placeholder: implemented in its own change.
    }
}
