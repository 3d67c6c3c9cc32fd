namespace OpenClaw.OpenRouter.Shaping;

/// <summary>One rule of request shaping. Steps run in the order of <see cref="ChatRequestPipeline"/>, each over the same context.</summary>
internal interface IChatPayloadStep
{
    void Apply(ChatPayloadContext context);
}
