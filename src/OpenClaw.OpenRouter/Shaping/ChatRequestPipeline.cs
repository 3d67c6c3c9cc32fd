using OpenClaw.OpenRouter.Shaping.Steps;

namespace OpenClaw.OpenRouter.Shaping;

/// <summary>
/// The order of the shaping rules. Message-stage steps rewrite typed messages, rendering produces the wire body, patches
/// then adjust it for the model family and route, and the headers come last (they read the merged params).
/// </summary>
internal static class ChatRequestPipeline
{
    public static IReadOnlyList<IChatPayloadStep> Steps { get; } =
    [
        // Typed messages.
        new ToolCallIdStep(),
        new GeminiThoughtSignatureStep(),

        // The body, keys in the order of provider spec §7.1.
        new RenderMessagesStep(),
        new BodySkeletonStep(),
        new ReasoningStep(),
        new ProviderRoutingStep(),
        new ExtraBodyStep(),

        // Patches.
        new OpenAiOnlyFieldsStep(),
        new ReplaySanitiseStep(),
        new KimiToolSchemaStep(),
        new AnthropicCacheControlStep(),
        new AnthropicPrefillDropStep(),
        new DeepSeekV4Step(),

        new HeadersStep(),
    ];

    public static void Run(ChatPayloadContext context)
    {
        foreach (var step in Steps)
        {
            step.Apply(context);
        }
    }
}
