using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using OpenClaw.OpenRouter.Chat;

namespace OpenClaw.OpenRouter.AI;

/// <summary>
/// A cache key for a chat call computed from the request exactly as it goes on the wire (.NET ecosystem spec, trap 6).
/// </summary>
/// <remarks>
/// MEAI's <c>DistributedCachingChatClient</c> hashes messages and options as MEAI sees them: it skips
/// <c>RawRepresentationFactory</c>, so two calls that differ only in <c>provider</c> routing or response-cache settings share
/// a key, while <c>AdditionalProperties</c> that never reach the wire split keys. This key is the SHA-256 of the endpoint URL,
/// every header but <c>Authorization</c> (names lower-cased, in the order sent) and the exact body bytes — everything that can
/// change the answer and nothing else. The API key is left out: it is a secret and does not change the answer.
/// </remarks>
public static class OpenRouterChatCacheKey
{
    // Bumped whenever the hashed layout changes, so old cache entries stop matching.
    private const string Version = "openrouter-chat-cache-key/1";

    /// <summary>The key of a prepared request: 64 lower-case hex digits.</summary>
    public static string Compute(PreparedChatRequest prepared)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, Encoding.UTF8.GetBytes(Version));
        Append(hash, Encoding.UTF8.GetBytes(prepared.Endpoint.AbsoluteUri));
        foreach (var (name, value) in prepared.Headers)
        {
            if (string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            Append(hash, Encoding.UTF8.GetBytes(name.ToLowerInvariant()));
            Append(hash, Encoding.UTF8.GetBytes(value));
        }
        Append(hash, prepared.BodyUtf8.Span);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    // Length-prefixed, so no two different field sequences hash the same bytes.
    private static void Append(IncrementalHash hash, ReadOnlySpan<byte> field)
    {
        Span<byte> length = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(length, field.Length);
        hash.AppendData(length);
        hash.AppendData(field);
    }
}
