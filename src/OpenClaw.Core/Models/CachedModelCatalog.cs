using OpenClaw.OpenRouter.Models;

namespace OpenClaw.Core.Models;

/// <summary>The live catalog as last fetched and kept on disk.</summary>
/// <param name="Models">The live rows (§6.3 reading), not yet merged with the bundled rows.</param>
/// <param name="FetchedAt">When it was fetched.</param>
/// <param name="BaseUrl">The base URL it was fetched from.</param>
/// <param name="IsFresh">Younger than the cache's time to live.</param>
public sealed record CachedModelCatalog(IReadOnlyList<OpenRouterModelInfo> Models, DateTimeOffset FetchedAt, string BaseUrl, bool IsFresh);
