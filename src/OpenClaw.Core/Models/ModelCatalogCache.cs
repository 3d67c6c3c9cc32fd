using System.Text.Json;

namespace OpenClaw.Core.Models;

/// <summary>
/// The disk copy of OpenRouter's <c>GET /models</c> at <c>&lt;stateDir&gt;/cache/openrouter-models.json</c>:
/// <c>{"fetchedAt":"&lt;ISO&gt;","baseUrl":"…","data":[…rows as OpenRouter sent them…]}</c>, written atomically.
/// </summary>
public sealed class ModelCatalogCache
{
    public ModelCatalogCache(string path, TimeProvider? timeProvider = null, TimeSpan? timeToLive = null) => throw new NotImplementedException();

    /// <summary>How long a fetched catalog counts as fresh.</summary>
    public static TimeSpan DefaultTimeToLive { get; } = TimeSpan.FromHours(24);

    public string Path => throw new NotImplementedException();

    /// <summary>The cached catalog, or null when there is none or it cannot be read (a corrupt cache is ignored, never fatal).</summary>
    public CachedModelCatalog? Load() => throw new NotImplementedException();

    /// <summary>Stores <paramref name="catalog"/> (a <c>{"data":[…]}</c> document) fetched now from <paramref name="baseUrl"/>.</summary>
    public void Save(JsonElement catalog, string baseUrl) => throw new NotImplementedException();

    /// <summary>The raw cached document's root (for seeding the capability resolver), or null.</summary>
    public JsonDocument? LoadDocument() => throw new NotImplementedException();
}
