using OpenClaw.OpenRouter.Routing;

namespace OpenClaw.OpenRouter.Models;

/// <summary>Configured rows only, then defaults. A stand-in until the catalog-backed resolver is wired.</summary>
internal sealed class ConfiguredModelsResolver(IReadOnlyList<OpenRouterModelInfo> configured) : IModelCapabilityResolver
{
    public ValueTask<OpenRouterModelInfo> ResolveAsync(string modelId, OpenRouterRoute route, CancellationToken cancellationToken = default)
    {
        var apiId = ModelIds.ToApiId(modelId);
        var row = configured.FirstOrDefault(model => ModelIds.ToApiId(model.Id) == apiId);
        return ValueTask.FromResult(row ?? OpenRouterModelInfo.Unknown(modelId));
    }
}
