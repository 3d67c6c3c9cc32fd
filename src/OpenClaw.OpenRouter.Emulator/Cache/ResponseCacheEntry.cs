namespace OpenClaw.OpenRouter.Emulator.Cache;

/// <summary>A stored 200 answer: the JSON body, or each <c>data:</c> payload of a stream.</summary>
internal sealed record ResponseCacheEntry(string SourceGenerationId, DateTimeOffset StoredAt, int TtlSeconds, bool Streamed, IReadOnlyList<byte[]> Payloads);
