using System.Globalization;
using System.Text.Json.Nodes;
using OpenClaw.Cli.Hosting;
using OpenClaw.Core.Models;
using OpenClaw.OpenRouter.Models;

namespace OpenClaw.Cli.Commands.Models;

/// <summary>
/// Checks a model against what is known offline: the bundled rows, <c>models.providers.openrouter.models[]</c> and the
/// cached live catalog. With a cached catalog an unknown model is refused; without one it is accepted with a note
/// (OpenRouter resolves models dynamically, CLI spec §3.2).
/// </summary>
public static class ModelCatalogCheck
{
    public static ModelCatalogCheckResult Check(LocalState state, ResolvedModelRef model)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(model);
        if (BundledModels.Find(model.ApiId) is not null || IsConfiguredRow(state, model.ApiId))
        {
            return ModelCatalogCheckResult.Found;
        }
        if (state.CatalogCache.Load() is not { } cached)
        {
            return ModelCatalogCheckResult.NotChecked;
        }
        if (cached.Models.Any(row => string.Equals(ModelIds.ToApiId(row.Id), model.ApiId, StringComparison.Ordinal)))
        {
            return ModelCatalogCheckResult.Found;
        }
        var fetched = cached.FetchedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        throw new CliException(
            $"Invalid model: {model.CanonicalRef} is not in the OpenRouter model catalog (fetched {fetched}). Check the id, or run openclaw models list --all --refresh to update the catalog.");
    }

    private static bool IsConfiguredRow(LocalState state, string apiId) =>
        state.Config.OpenRouter.Models?.Any(row => row?["id"] is JsonValue id && id.TryGetValue<string>(out var text)
            && string.Equals(ModelIds.ToApiId(text), apiId, StringComparison.Ordinal)) == true;
}
