namespace OpenClaw.OpenRouter.Shaping.Steps;

/// <summary>Provider spec §12.4: thought signatures from earlier turns dropped for Gemini ids unless plain base64.</summary>
internal sealed class GeminiThoughtSignatureStep : IChatPayloadStep
{
    public void Apply(ChatPayloadContext context)
    {
        // Placeholder: implemented in its own change.
    }
}
