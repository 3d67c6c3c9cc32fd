using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace OpenClaw.OpenRouter.Emulator.Account;

/// <summary>The records <c>GET /generation?id=</c> answers, each visible only to the key that made it.</summary>
internal sealed class GenerationStore
{
    private readonly ConcurrentDictionary<string, (string ApiKey, JsonObject Record)> _records = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _looked = new(StringComparer.Ordinal);

    public void Add(string apiKey, JsonObject record)
        => _records[record["id"]!.GetValue<string>()] = (apiKey, record);

    public JsonObject? Find(string apiKey, string id)
        => _records.TryGetValue(id, out var entry) && entry.ApiKey == apiKey ? (JsonObject)entry.Record.DeepClone() : null;

    /// <summary>True the first time an id is looked up (OpenRouter often 404s right after a completion).</summary>
    public bool IsFirstLookup(string id) => _looked.TryAdd(id, 0);
}
