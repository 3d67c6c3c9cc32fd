using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using OpenClaw.OpenRouter.Account;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Models;
using OpenClaw.OpenRouter.Transport;

namespace OpenClaw.OpenRouter;

/// <summary>Account, generation and catalog reads.</summary>
public sealed partial class OpenRouterClient
{
    private static readonly TimeSpan[] GenerationRetryDelays = [TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500)];
    private static readonly TimeSpan GenerationAttemptTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LiveCatalogLifetime = TimeSpan.FromSeconds(60);

    private readonly Lock _catalogLock = new();
    private (DateTimeOffset FetchedAt, IReadOnlyList<OpenRouterModelInfo> Rows)? _liveCatalog;

    /// <summary>The key's label, limits and usage (<c>GET /key</c>); also how to check that a key works.</summary>
    public async Task<OpenRouterKeyInfo> GetKeyAsync(CancellationToken cancellationToken = default)
    {
        RequireKey();
        using var document = await GetJsonAsync(new Uri(_baseUrl + "/key"), authenticated: true, attributed: true, cancellationToken).ConfigureAwait(false);
        return OpenRouterKeyInfo.Parse(Data(document));
    }

    /// <summary>Total credits bought and used (<c>GET /credits</c>; OpenRouter may require a management key).</summary>
    public async Task<OpenRouterCredits> GetCreditsAsync(CancellationToken cancellationToken = default)
    {
        RequireKey();
        using var document = await GetJsonAsync(new Uri(_baseUrl + "/credits"), authenticated: true, attributed: true, cancellationToken).ConfigureAwait(false);
        return OpenRouterCredits.Parse(Data(document));
    }

    /// <summary>
    /// The full record of one generation (<c>GET /generation?id=</c>), with its billed <c>total_cost</c>. OpenRouter often
    /// answers 404 for a few hundred milliseconds after a completion, so a 404 is retried after 250 ms and 500 ms; each
    /// attempt has 2 s.
    /// </summary>
    public async Task<OpenRouterGeneration> GetGenerationAsync(string generationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(generationId);
        RequireKey();
        var url = new Uri(_baseUrl + "/generation?id=" + Uri.EscapeDataString(generationId));
        for (var attempt = 0; ; attempt++)
        {
            using var attemptDeadline = new CancellationTokenSource(GenerationAttemptTimeout, _transport.Time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attemptDeadline.Token);
            try
            {
                using var document = await GetJsonAsync(url, authenticated: true, attributed: true, linked.Token).ConfigureAwait(false);
                return OpenRouterGeneration.Parse(Data(document));
            }
            catch (OpenRouterNotFoundException) when (attempt < GenerationRetryDelays.Length)
            {
                await Task.Delay(GenerationRetryDelays[attempt], _transport.Time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (attemptDeadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new OpenRouterTimeoutException("OpenRouter did not return the generation within 2 s.") { Kind = OpenRouterTimeoutKind.ResponseHeaders };
            }
        }
    }

    /// <summary>
    /// The live model list (<c>GET {base}/models</c>) merged with the bundled rows, sorted by id; rows that are not chat
    /// models are skipped. Cached for 60 s. Without a key only the bundled rows are returned and nothing is sent.
    /// </summary>
    public async Task<IReadOnlyList<OpenRouterModelInfo>> ListModelsAsync(bool refresh = false, CancellationToken cancellationToken = default)
    {
        if (_apiKey is null)
        {
            return CatalogRowReader.MergeWithBundled([]);
        }
        lock (_catalogLock)
        {
            if (!refresh && _liveCatalog is { } cached && _transport.Time.GetUtcNow() - cached.FetchedAt < LiveCatalogLifetime)
            {
                return cached.Rows;
            }
        }
        using var document = await GetModelCatalogDocumentAsync(cancellationToken).ConfigureAwait(false);
        var rows = CatalogRowReader.MergeWithBundled(CatalogRowReader.ReadCatalog(document.RootElement, live: true));
        lock (_catalogLock)
        {
            _liveCatalog = (_transport.Time.GetUtcNow(), rows);
        }
        return rows;
    }

    /// <summary>
    /// The live catalog document as OpenRouter sent it (<c>GET {base}/models</c> with the key and attribution), for callers
    /// that keep their own copy, e.g. a disk cache read by <see cref="CatalogRowReader.ReadCatalog"/>. Not cached here.
    /// </summary>
    public Task<JsonDocument> GetModelCatalogDocumentAsync(CancellationToken cancellationToken = default) =>
        _apiKey is null
            ? throw new InvalidOperationException("OpenRouter API key missing")
            : GetJsonAsync(new Uri(_baseUrl + "/models"), authenticated: true, attributed: true, cancellationToken);

    /// <summary>
    /// A JSON GET. Authorization when <paramref name="authenticated"/>; the three attribution headers when
    /// <paramref name="attributed"/> and the base URL is an OpenRouter endpoint (proxies get none on these reads).
    /// </summary>
    private async Task<JsonDocument> GetJsonAsync(Uri url, bool authenticated, bool attributed, CancellationToken cancellationToken)
    {
        using var response = await _transport.SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            if (authenticated && _apiKey is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
            }
            if (attributed && _route.IsOpenRouterEndpoint && _attribution is { } attribution)
            {
                AddIfValue(request, OpenRouterAttribution.RefererHeader, attribution.Referer);
                AddIfValue(request, OpenRouterAttribution.TitleHeader, attribution.Title);
                AddIfValue(request, OpenRouterAttribution.CategoriesHeader, attribution.Categories);
            }
            return request;
        }, cancellationToken).ConfigureAwait(false);
        var body = await _transport.ReadAllAsync(response, cancellationToken).ConfigureAwait(false);
        try
        {
            if (!StrictJson.IsReadable(body))
            {
                throw new JsonException("The body is not well-formed UTF-8 JSON.");
            }
            var document = JsonDocument.Parse(body, StrictJson.Options);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                var details = ErrorResponseReader.TryReadEnvelope(body) ?? new OpenRouterErrorDetails();
                document.Dispose();
                throw OpenRouterException.Create(details with { StatusCode = (int)response.StatusCode, InBand = true });
            }
            return document;
        }
        catch (JsonException exception)
        {
            throw new OpenRouterException(string.Create(CultureInfo.InvariantCulture, $"OpenRouter returned a body that is not JSON from {url.AbsolutePath}."), exception);
        }
    }

    private static JsonElement Data(JsonDocument document) =>
        document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("data", out var data)
            ? data
            : throw new OpenRouterException("OpenRouter's answer has no \"data\" object.");

    private static void AddIfValue(HttpRequestMessage request, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }
}
