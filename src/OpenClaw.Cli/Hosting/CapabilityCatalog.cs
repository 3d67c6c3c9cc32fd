using System.Net.Http.Headers;
using System.Text.Json;
using OpenClaw.Core.Errors;
using OpenClaw.Core.Models;
using OpenClaw.OpenRouter.Models;

namespace OpenClaw.Cli.Hosting;

/// <summary>
/// The capability lookup of provider spec §6.2 as the CLI runs it: a <see cref="ModelCapabilityResolver"/> seeded from the
/// catalogs already on disk, fetching OpenRouter's public <c>/models</c> (no key, no attribution) only when they are missing
/// or stale, and keeping what it fetched on disk for the next process.
/// </summary>
public static class CapabilityCatalog
{
    /// <summary>Replaces the public catalog URL (tests and the offline demo point it at the emulator).</summary>
    public const string UrlVariable = "OPENCLAW_OPENROUTER_CATALOG_URL";

    /// <summary>Where OpenRouter publishes its model list.</summary>
    public static Uri DefaultUrl { get; } = new("https://openrouter.ai/api/v1/models");

    /// <summary>The capability catalog file, next to the <c>models list --refresh</c> cache but separate from it.</summary>
    /// <remarks>
    /// Separate because the live-catalog cache decides whether <c>models set</c> refuses an unknown model; an agent turn's
    /// background lookup must not start refusing selections the user never asked to check.
    /// </remarks>
    public const string FileName = "openrouter-capabilities.json";

    // A catalog is a few MB; a body this large is not one.
    private const int MaxCatalogBytes = 64 * 1024 * 1024;

    private static readonly Lazy<HttpMessageHandler> SharedHandler = new(() => new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    });

    /// <summary>The catalog URL: <c>$OPENCLAW_OPENROUTER_CATALOG_URL</c> when set, else <see cref="DefaultUrl"/>.</summary>
    /// <exception cref="OpenClawException">The variable is not an absolute http(s) URL.</exception>
    public static Uri ResolveUrl(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return DefaultUrl;
        }
        if (!Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new OpenClawException($"{UrlVariable} must be an absolute http(s) URL, got \"{configured}\".");
        }
        return url;
    }

    /// <summary>
    /// A resolver over <paramref name="configured"/> rows, seeded from the live-catalog cache and the capability cache (the newer
    /// wins), that fetches <paramref name="url"/> when it has to and saves the result to the capability cache.
    /// </summary>
    public static ModelCapabilityResolver CreateResolver(
        IReadOnlyList<OpenRouterModelInfo> configured, Uri url, string cacheDirectory, HttpMessageHandler? handler, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(configured);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(cacheDirectory);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var capabilityCache = new ModelCatalogCache(Path.Combine(cacheDirectory, FileName), timeProvider);
        var resolver = new ModelCapabilityResolver(configured, token => FetchAsync(url, capabilityCache, handler, token), timeProvider);
        Seed(resolver, new ModelCatalogCache(Path.Combine(cacheDirectory, "openrouter-models.json"), timeProvider));
        Seed(resolver, capabilityCache);
        return resolver;
    }

    private static void Seed(ModelCapabilityResolver resolver, ModelCatalogCache cache)
    {
        using var document = cache.LoadDocument();
        if (document is not null && cache.Read(document) is { } catalog)
        {
            resolver.ImportCatalog(document.RootElement, catalog.FetchedAt);
        }
    }

    private static async Task<JsonDocument> FetchAsync(Uri url, ModelCatalogCache cache, HttpMessageHandler? handler, CancellationToken cancellationToken)
    {
        using var client = new HttpClient(handler ?? SharedHandler.Value, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentLength > MaxCatalogBytes)
        {
            throw new InvalidDataException("The model catalog is too large.");
        }
        var body = await ReadCappedAsync(response.Content, cancellationToken).ConfigureAwait(false);
        var document = JsonDocument.Parse(body);
        if (document.RootElement.ValueKind == JsonValueKind.Object)
        {
            try
            {
                cache.Save(document.RootElement, url.AbsoluteUri);
            }
            catch (OpenClawException)
            {
                // A read-only cache directory only costs the next process a fetch; the lookup itself succeeded.
            }
        }
        return document;
    }

    /// <summary>Reads the body, failing as soon as it passes the cap: a chunked answer declares no length to check first.</summary>
    private static async Task<byte[]> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxCatalogBytes)
            {
                throw new InvalidDataException("The model catalog is too large.");
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
