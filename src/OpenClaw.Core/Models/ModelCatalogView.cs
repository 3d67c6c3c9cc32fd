using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Models;

namespace OpenClaw.Core.Models;

/// <summary>
/// The model catalog as <c>models list --all</c> shows it and <c>models set</c> checks against: the bundled rows, then the
/// cached live rows, then the configured rows (<c>models.providers.openrouter.models[]</c>), one row per model, later
/// sources replacing earlier ones (provider spec §6.3: live beats bundled; §6.1: a configured row beats both), sorted by
/// id ordinally. Rows are matched by API id, so <c>openrouter/anthropic/claude-sonnet-4.6</c>,
/// <c>anthropic/claude-sonnet-4.6</c> and <c>openrouter/deepseek-v4-flash</c> find the rows they name.
/// </summary>
public sealed class ModelCatalogView
{
    private readonly Dictionary<string, OpenRouterModelInfo> _byApiId;

    /// <param name="liveRows">The live rows (e.g. <see cref="CachedModelCatalog.Models"/>), or null when there is no catalog.</param>
    /// <param name="configuredRows"><c>models.providers.openrouter.models</c> as written, or null.</param>
    /// <param name="includeBundled">
    /// Whether the bundled rows take part; they describe the canonical base URL only (§6.1), so a caller behind a custom
    /// base may leave them out.
    /// </param>
    public ModelCatalogView(IEnumerable<OpenRouterModelInfo>? liveRows, JsonArray? configuredRows, bool includeBundled = true)
    {
        _byApiId = new Dictionary<string, OpenRouterModelInfo>(StringComparer.Ordinal);
        if (includeBundled)
        {
            AddAll(BundledModels.All);
        }
        AddAll(liveRows);
        AddAll(ConfiguredModelRows.Read(configuredRows));
        Rows = [.. _byApiId.Values.OrderBy(row => row.Id, StringComparer.Ordinal)];
    }

    /// <summary>Every row, sorted by id (ordinal).</summary>
    public IReadOnlyList<OpenRouterModelInfo> Rows { get; }

    /// <summary>The row for a model id or an OpenRouter ref (compared by API id, ignoring case); null when the catalog lacks it.</summary>
    public OpenRouterModelInfo? Find(string modelIdOrRef)
    {
        ArgumentNullException.ThrowIfNull(modelIdOrRef);
        return _byApiId.GetValueOrDefault(ModelIds.ToApiId(modelIdOrRef));
    }

    /// <summary>Whether <see cref="Find"/> has a row for <paramref name="modelIdOrRef"/>.</summary>
    public bool Contains(string modelIdOrRef) => Find(modelIdOrRef) is not null;

    /// <summary>The row for a resolved ref; null when the catalog lacks it.</summary>
    public OpenRouterModelInfo? Find(ResolvedModelRef reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return _byApiId.GetValueOrDefault(reference.ApiId);
    }

    private void AddAll(IEnumerable<OpenRouterModelInfo>? rows)
    {
        if (rows is null)
        {
            return;
        }
        foreach (var row in rows)
        {
            // Keyed by API id so a row written as "openrouter/moonshotai/kimi-k2.6" replaces the catalog's "moonshotai/kimi-k2.6".
            _byApiId[ModelIds.ToApiId(row.Id)] = row;
        }
    }
}
