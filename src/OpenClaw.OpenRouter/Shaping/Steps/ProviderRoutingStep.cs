namespace OpenClaw.OpenRouter.Shaping.Steps;

/// <summary>Provider spec §6.4: the merged <c>provider</c> routing object, on a verified route only, unless the payload has one.</summary>
internal sealed class ProviderRoutingStep : IChatPayloadStep
{
    public void Apply(ChatPayloadContext context)
    {
        if (context.Route.IsVerified && context.Provider is { Count: > 0 } provider && !context.Payload.ContainsKey("provider"))
        {
            context.Payload["provider"] = provider.DeepClone();
        }
    }
}
