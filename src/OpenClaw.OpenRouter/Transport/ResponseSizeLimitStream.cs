using System.Globalization;
using OpenClaw.OpenRouter.Errors;

namespace OpenClaw.OpenRouter.Transport;

/// <summary>
/// A read-only response stream that fails once more than the cap has been read, so a server that never stops sending (an
/// endless stream, an endless line, a 10 GB body) costs at most the cap in bytes read and nothing in memory beyond what the
/// reader above keeps.
/// </summary>
internal sealed class ResponseSizeLimitStream : ReadOnlyWrapperStream
{
    private readonly long _maxBytes;
    private long _read;

    public ResponseSizeLimitStream(Stream inner, long maxBytes)
        : base(inner)
    {
        _maxBytes = maxBytes;
    }

    /// <summary>The error for an answer over <paramref name="maxBytes"/>.</summary>
    public static OpenRouterMalformedResponseException TooLarge(long maxBytes) => new(string.Create(CultureInfo.InvariantCulture,
        $"OpenRouter's answer is larger than {maxBytes} bytes (OpenRouterClientOptions.MaxResponseBytes); the rest was not read."));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // Ask for one byte more than the cap allows, so an answer of exactly the cap still ends cleanly.
        var allowed = (int)Math.Min(buffer.Length, _maxBytes - _read + 1);
        var read = await Inner.ReadAsync(buffer[..allowed], cancellationToken).ConfigureAwait(false);
        _read += read;
        if (_read > _maxBytes)
        {
            throw TooLarge(_maxBytes);
        }
        return read;
    }
}
