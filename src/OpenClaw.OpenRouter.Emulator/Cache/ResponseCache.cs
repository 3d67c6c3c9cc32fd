using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text;

namespace OpenClaw.OpenRouter.Emulator.Cache;

/// <summary>OpenRouter's opt-in response cache: 200 answers keyed by API key, model, endpoint, streaming flag and
/// the SHA-256 of the whitespace-normalised body, kept for their TTL.</summary>
internal sealed class ResponseCache
{
    private readonly ConcurrentDictionary<string, ResponseCacheEntry> _entries = new(StringComparer.Ordinal);

    public static string Key(string apiKey, string model, string path, bool streamed, JsonObject body)
    {
        var bodyHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(body.ToJsonString())));
        return string.Join('\n', apiKey, model, path, streamed ? "stream" : "json", bodyHash);
    }

    public bool TryGet(string key, DateTimeOffset now, out ResponseCacheEntry entry)
    {
        if (_entries.TryGetValue(key, out entry!) && now < entry.StoredAt.AddSeconds(entry.TtlSeconds))
        {
            return true;
        }
        entry = null!;
        return false;
    }

    public void Store(string key, ResponseCacheEntry entry) => _entries[key] = entry;

    public void Remove(string key) => _entries.TryRemove(key, out _);
}
