namespace OpenClaw.OpenRouter.Shaping.Steps;

/// <summary>Provider spec §9: trailing assistant prefill dropped for Anthropic reasoning on a verified route.</summary>
internal sealed class AnthropicPrefillDropStep : IChatPayloadStep
{
    public void Apply(ChatPayloadContext context)
    {
        // Placeholder: implemented in its own change.
    }
}
