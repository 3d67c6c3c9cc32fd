using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Transport;

namespace OpenClaw.OpenRouter.Streaming;

/// <summary>
/// Reads a chat-completion SSE stream (OpenRouter API §2.4, provider spec §14.1) into updates, folding every chunk into an
/// accumulator the caller owns, so the caller still has the partial answer when the stream fails.
/// </summary>
public static class ChatStreamReader
{
    /// <summary>
    /// Yields what each chunk added. Comment lines (<c>: OPENROUTER PROCESSING</c>) are skipped by the SSE parser; data that is not
    /// a JSON object (<c>42</c>, malformed JSON, invalid UTF-8, an escaped lone surrogate, a key given twice) is skipped, because one broken keep-alive or proxy line must not throw away an
    /// answer that is still arriving; <c>[DONE]</c> ends the stream.
    /// </summary>
    /// <exception cref="OpenRouterException">
    /// An in-band error chunk (typed by its code), a buffer limit, or a stream that ended with neither a <c>finish_reason</c> nor
    /// <c>[DONE]</c>; <see cref="OpenRouterException.PartialResult"/> holds what arrived.
    /// </exception>
    /// <exception cref="OpenRouterNetworkException">The connection broke mid-stream (<see cref="OpenRouterNetworkException.BeforeResponse"/> is false).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async IAsyncEnumerable<OpenRouterChatUpdate> ReadAsync(
        Stream sse, ChatResponseAccumulator accumulator, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sse);
        ArgumentNullException.ThrowIfNull(accumulator);

        var events = SseParser.Create(sse, ParseEvent).EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        var sawDone = false;
        try
        {
            while (true)
            {
                try
                {
                    if (!await events.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }
                }
                catch (IOException exception)
                {
                    // A read torn down by the caller's cancellation is a cancellation, not a network failure.
                    cancellationToken.ThrowIfCancellationRequested();
                    throw new OpenRouterNetworkException(exception) { BeforeResponse = false, PartialResult = accumulator.Build() };
                }
                catch (OpenRouterException exception) when (exception.PartialResult is null)
                {
                    // The idle watchdog fails inside the read: the answer so far still belongs to the caller.
                    exception.PartialResult = accumulator.Build();
                    throw;
                }

                var chunk = events.Current.Data;
                if (chunk.Done)
                {
                    sawDone = true;
                    break;
                }
                if (chunk.Document is not { } document)
                {
                    continue;
                }
                IReadOnlyList<OpenRouterChatUpdate> updates;
                using (document)
                {
                    updates = accumulator.ApplyChunk(document.RootElement);
                }
                for (var i = 0; i < updates.Count; i++)
                {
                    yield return updates[i];
                }
            }
        }
        finally
        {
            await events.DisposeAsync().ConfigureAwait(false);
        }

        if (!sawDone && !accumulator.HasFinishReason)
        {
            throw new OpenRouterException("Stream ended without finish_reason") { PartialResult = accumulator.Build() };
        }
        var rest = accumulator.Complete();
        for (var i = 0; i < rest.Count; i++)
        {
            yield return rest[i];
        }
    }

    private static SseChunk ParseEvent(string eventType, ReadOnlySpan<byte> data)
    {
        var trimmed = data.Trim(" \t\r\n"u8);
        if (trimmed.SequenceEqual("[DONE]"u8))
        {
            return new SseChunk(null, Done: true);
        }
        // JSON must be UTF-8 (RFC 8259 §8.1); JsonDocument only notices bad bytes when a string is read, deep in the accumulator,
        // so a chunk a proxy mangled is skipped here like any other malformed data.
        // So is a string that escapes half a surrogate pair (\ud800): System.Text.Json can neither read it nor write it back, and
        // the accumulator keeps some items verbatim (reasoning details, images).
        if (trimmed.IsEmpty || trimmed[0] != (byte)'{' || !StrictJson.IsReadable(trimmed))
        {
            return default;
        }
        try
        {
            // The document owns a copy: the parser reuses its buffer for the next event.
            // A key given twice is malformed too: the nodes the answer keeps (reasoning details, images) would throw when read.
            var document = JsonDocument.Parse(trimmed.ToArray(), StrictJson.Options);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return new SseChunk(document, Done: false);
            }
            document.Dispose();
            return default;
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private readonly record struct SseChunk(JsonDocument? Document, bool Done);
}
