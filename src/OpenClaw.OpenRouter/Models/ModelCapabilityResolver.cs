using System.Text.Json;
using OpenClaw.OpenRouter.Routing;

namespace OpenClaw.OpenRouter.Models;

/// <summary>
/// Resolves what is known of a model (provider spec §6.1). First hit wins: a configured row; a bundled row, only on a route
/// whose base URL is canonical; the unauthenticated capability lookup (§6.2); the defaults. The result carries the API id
/// as its id, and Hunter Alpha is never reasoning-capable.
/// </summary>
/// <remarks>
/// <para>
/// The capability catalog is held in memory. A lookup waits for a refresh, shared by all concurrent callers, when the catalog
/// is missing or older than the cache duration, or when the id is unknown and the catalog is at least
/// <see cref="RetryDelay"/> old (new models appear without a fetch per unknown id). Each lookup waits for at most that one
/// fetch, then answers from what it has: the new catalog, the previous one when the fetch failed, else the defaults.
/// </para>
/// <para>
/// A failed fetch — any exception, the <see cref="FetchTimeout"/> included — is not retried until <see cref="RetryDelay"/>
/// has passed, so an unreachable catalog costs one attempt per minute instead of one per request. Cancelling a caller's token
/// abandons only that caller's wait; the shared fetch carries on for the others.
/// </para>
/// <para>Thread-safe.</para>
/// </remarks>
public sealed class ModelCapabilityResolver : IModelCapabilityResolver
{
    private readonly Dictionary<string, OpenRouterModelInfo> _configured = new(StringComparer.Ordinal);
    private readonly Func<CancellationToken, Task<JsonDocument>>? _fetchCatalog;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _cacheDuration;
    private readonly Lock _gate = new();
    private Snapshot? _snapshot;
    private Task? _refresh;
    private DateTimeOffset? _failedAt;

    /// <param name="configured">Configured rows (<c>models.providers.openrouter.models[]</c>), matched by API id; the first of duplicates wins.</param>
    /// <param name="fetchCatalog">
    /// Reads the public catalog (<c>GET https://openrouter.ai/api/v1/models</c>, canonical whatever the base URL, without
    /// authorization or attribution headers). <see langword="null"/> disables the lookup; <see cref="ImportCatalog"/> still works.
    /// The token is cancelled after <see cref="FetchTimeout"/>. The returned document is disposed by the resolver.
    /// </param>
    /// <param name="timeProvider">The clock for the cache duration, retry delay and fetch timeout. Defaults to <see cref="TimeProvider.System"/>.</param>
    /// <param name="cacheDuration">How long a fetched catalog is used before it is fetched again. Defaults to <see cref="DefaultCacheDuration"/>.</param>
    public ModelCapabilityResolver(
        IReadOnlyList<OpenRouterModelInfo>? configured = null,
        Func<CancellationToken, Task<JsonDocument>>? fetchCatalog = null,
        TimeProvider? timeProvider = null,
        TimeSpan? cacheDuration = null)
    {
        if (cacheDuration is { } duration)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero, nameof(cacheDuration));
        }
        foreach (var row in configured ?? [])
        {
            ArgumentNullException.ThrowIfNull(row, nameof(configured));
            _configured.TryAdd(ModelIds.ToApiId(row.Id), row);
        }
        _fetchCatalog = fetchCatalog;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _cacheDuration = cacheDuration ?? DefaultCacheDuration;
    }

    /// <summary>How long a fetched catalog is used by default: one hour.</summary>
    public static TimeSpan DefaultCacheDuration { get; } = TimeSpan.FromHours(1);

    /// <summary>The least time between fetches after a failure, and between fetches triggered by unknown ids: 60 seconds.</summary>
    public static TimeSpan RetryDelay { get; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one catalog fetch may take (§6.2): 10 seconds.</summary>
    public static TimeSpan FetchTimeout { get; } = TimeSpan.FromSeconds(10);

    /// <inheritdoc/>
    public ValueTask<OpenRouterModelInfo> ResolveAsync(string modelId, OpenRouterRoute route, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        ArgumentNullException.ThrowIfNull(route);
        var apiId = ModelIds.ToApiId(modelId);
        var known = _configured.GetValueOrDefault(apiId) ?? (BundledModels.AppliesTo(route) ? BundledModels.Find(apiId) : null);
        return known is not null
            ? ValueTask.FromResult(Normalise(known, modelId, apiId))
            : ResolveThroughLookupAsync(modelId, apiId, cancellationToken);
    }

    /// <summary>
    /// Seeds the capability catalog from a <c>{"data":[…]}</c> document, e.g. a disk cache written by an earlier run. It
    /// replaces the catalog in memory unless that one is newer. A document older than the cache duration is used until the
    /// next lookup refreshes it.
    /// </summary>
    /// <param name="catalog">The document's root; it is copied, so it may be disposed afterwards.</param>
    /// <param name="fetchedAt">When the document was fetched; now when <see langword="null"/>.</param>
    /// <returns><see langword="false"/> (and nothing changed) when the document has no <c>data</c> array.</returns>
    public bool ImportCatalog(JsonElement catalog, DateTimeOffset? fetchedAt = null)
    {
        if (Snapshot.Read(catalog, fetchedAt ?? _timeProvider.GetUtcNow()) is not { } snapshot)
        {
            return false;
        }
        lock (_gate)
        {
            if (_snapshot is null || _snapshot.FetchedAt <= snapshot.FetchedAt)
            {
                _snapshot = snapshot;
            }
        }
        return true;
    }

    private async ValueTask<OpenRouterModelInfo> ResolveThroughLookupAsync(string modelId, string apiId, CancellationToken cancellationToken)
    {
        var found = await LookupAsync(apiId, cancellationToken).ConfigureAwait(false);
        return Normalise(found ?? OpenRouterModelInfo.Unknown(modelId.Trim()), modelId, apiId);
    }

    private async ValueTask<OpenRouterModelInfo?> LookupAsync(string apiId, CancellationToken cancellationToken)
    {
        var seen = Volatile.Read(ref _snapshot);
        var hit = seen?.Find(apiId);
        if (_fetchCatalog is null)
        {
            return hit;
        }
        var now = _timeProvider.GetUtcNow();
        var stale = seen is null
            || now - seen.FetchedAt >= _cacheDuration
            || (hit is null && now - seen.FetchedAt >= RetryDelay);
        if (!stale)
        {
            return hit;
        }
        await BeginRefresh(seen, now).WaitAsync(cancellationToken).ConfigureAwait(false);
        return Volatile.Read(ref _snapshot)?.Find(apiId);
    }

    /// <summary>The in-flight refresh, a new one, or a completed task when none is due (another caller already refreshed, or a recent failure).</summary>
    private Task BeginRefresh(Snapshot? seen, DateTimeOffset now)
    {
        TaskCompletionSource done;
        lock (_gate)
        {
            if (_refresh is not null)
            {
                return _refresh;
            }
            if (!ReferenceEquals(_snapshot, seen) || (_failedAt is { } failed && now - failed < RetryDelay))
            {
                return Task.CompletedTask;
            }
            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _refresh = done.Task;
        }
        // Started outside the lock: the delegate may complete synchronously and must not run while it is held.
        _ = RefreshAsync(done);
        return done.Task;
    }

    /// <summary>Never throws: every outcome is recorded in the resolver's state and then <paramref name="done"/> completes.</summary>
    private async Task RefreshAsync(TaskCompletionSource done)
    {
        try
        {
            // The fetch is shared, so no caller's token may cancel it; only the resolver's own timeout does.
            using var timeout = new CancellationTokenSource(FetchTimeout, _timeProvider);
            using var document = await _fetchCatalog!(timeout.Token).ConfigureAwait(false);
            var snapshot = Snapshot.Read(document.RootElement, _timeProvider.GetUtcNow())
                ?? throw new InvalidDataException("The model catalog has no data array.");
            lock (_gate)
            {
                _snapshot = snapshot;
                _failedAt = null;
            }
        }
#pragma warning disable CA1031 // A lookup failure of any kind must fall back to defaults, never fail the chat request.
        catch (Exception)
#pragma warning restore CA1031
        {
            lock (_gate)
            {
                _failedAt = _timeProvider.GetUtcNow();
            }
        }
        finally
        {
            lock (_gate)
            {
                _refresh = null;
            }
            done.SetResult();
        }
    }

    private static OpenRouterModelInfo Normalise(OpenRouterModelInfo info, string modelId, string apiId) =>
        info with { Id = apiId, Reasoning = info.Reasoning && !ModelFamily.IsHunterAlpha(modelId) };

    private sealed class Snapshot(Dictionary<string, OpenRouterModelInfo> rows, DateTimeOffset fetchedAt)
    {
        public DateTimeOffset FetchedAt { get; } = fetchedAt;

        public static Snapshot? Read(JsonElement catalog, DateTimeOffset fetchedAt)
        {
            if (JsonValues.Array(catalog, "data") is null)
            {
                return null;
            }
            var rows = new Dictionary<string, OpenRouterModelInfo>(StringComparer.Ordinal);
            foreach (var row in CatalogRowReader.ReadCatalog(catalog, live: false))
            {
                rows.TryAdd(ModelIds.ToApiId(row.Id), row);
            }
            return new Snapshot(rows, fetchedAt);
        }

        /// <summary>By API id, then without a <c>:variant</c> suffix (<c>…:nitro</c>, <c>…:free</c>) so variants share their base row.</summary>
        public OpenRouterModelInfo? Find(string apiId)
        {
            if (rows.TryGetValue(apiId, out var row))
            {
                return row;
            }
            var colon = apiId.LastIndexOf(':');
            return colon > apiId.LastIndexOf('/') + 1 && rows.TryGetValue(apiId[..colon], out var baseRow) ? baseRow : null;
        }
    }
}
