using OpenClaw.OpenRouter.Routing;

namespace OpenClaw.OpenRouter.Models;

/// <summary>Finds what is known of a model before a request is shaped (provider spec §6.1).</summary>
public interface IModelCapabilityResolver
{
    /// <summary>The capabilities of <paramref name="modelId"/> on <paramref name="route"/>; defaults when nothing is known.</summary>
    ValueTask<OpenRouterModelInfo> ResolveAsync(string modelId, OpenRouterRoute route, CancellationToken cancellationToken = default);
}
