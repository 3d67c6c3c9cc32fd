using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Distributed;

namespace OpenClaw.OpenRouter.Tests.AI;

/// <summary>A dictionary-backed <see cref="IDistributedCache"/> that counts hits, so tests can tell a cached answer from a sent one.</summary>
internal sealed class InMemoryDistributedCache : IDistributedCache
{
    private readonly ConcurrentDictionary<string, byte[]> _entries = new(StringComparer.Ordinal);
    private int _hits;

    public int Hits => Volatile.Read(ref _hits);

    public IReadOnlyCollection<string> Keys => [.. _entries.Keys];

    public byte[]? Get(string key)
    {
        if (_entries.TryGetValue(key, out var value))
        {
            Interlocked.Increment(ref _hits);
            return value;
        }
        return null;
    }

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => Task.FromResult(Get(key));

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => _entries[key] = value;

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        Set(key, value, options);
        return Task.CompletedTask;
    }

    public void Refresh(string key)
    {
    }

    public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

    public void Remove(string key) => _entries.TryRemove(key, out _);

    public Task RemoveAsync(string key, CancellationToken token = default)
    {
        Remove(key);
        return Task.CompletedTask;
    }
}
