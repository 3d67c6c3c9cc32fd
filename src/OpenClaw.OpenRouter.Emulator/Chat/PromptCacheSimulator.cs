using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text;

namespace OpenClaw.OpenRouter.Emulator.Chat;

/// <summary>Provider prompt caching as clients observe it: the prompt prefix up to the last <c>cache_control</c>
/// marker is written to the cache on first sight (<c>cache_write_tokens</c>) and read from it afterwards
/// (<c>cached_tokens</c>).</summary>
internal sealed class PromptCacheSimulator
{
    private readonly ConcurrentDictionary<string, byte> _prefixes = new(StringComparer.Ordinal);

    /// <summary>Returns (cached, written) token counts for this request.</summary>
    public (int Cached, int Written) Observe(string model, JsonArray messages, JsonArray tools)
    {
        var lastMarked = -1;
        for (var i = 0; i < messages.Count; i++)
        {
            if (UpstreamRules.CountCacheControl(messages[i]) > 0)
            {
                lastMarked = i;
            }
        }
        if (lastMarked < 0 && UpstreamRules.CountCacheControl(tools) == 0)
        {
            return (0, 0);
        }
        var prefix = new StringBuilder(model).Append('\n').Append(tools.ToJsonString());
        for (var i = 0; i <= lastMarked; i++)
        {
            prefix.Append('\n').Append(StripMarkers(messages[i]));
        }
        var tokens = TokenCount.Of(prefix.Length);
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(prefix.ToString())));
        return _prefixes.TryAdd(key, 0) ? (0, tokens) : (tokens, 0);
    }

    private static string StripMarkers(JsonNode? message)
    {
        var copy = message?.DeepClone();
        Strip(copy);
        return copy?.ToJsonString() ?? "";

        static void Strip(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    obj.Remove("cache_control");
                    foreach (var (_, value) in obj)
                    {
                        Strip(value);
                    }
                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        Strip(item);
                    }
                    break;
            }
        }
    }
}
