using System.Text.Json.Nodes;

namespace OpenClaw.OpenRouter.Shaping.Steps;

/// <summary>Provider spec §7.1: <c>params.extraBody</c> (or <c>extra_body</c>) merged into the payload last.</summary>
internal sealed class ExtraBodyStep : IChatPayloadStep
{
    public void Apply(ChatPayloadContext context)
    {
        if (!JsonNodes.TryGetFirst(context.Params, ["extraBody", "extra_body"], out var node) || node is not JsonObject extra)
        {
            return;
        }
        foreach (var (key, value) in extra)
        {
            context.Payload[key] = value?.DeepClone();
        }
    }
}
