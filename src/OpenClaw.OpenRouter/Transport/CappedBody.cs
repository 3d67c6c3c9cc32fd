namespace OpenClaw.OpenRouter.Transport;

/// <summary>Reads a response body into memory without ever holding more than a cap (media answers, error bodies).</summary>
internal static class CappedBody
{
    /// <summary>How much of an error body is read: it only feeds the message, and an endless one must not hang the caller.</summary>
    public const int MaxErrorBodyBytes = 64 * 1024;

    /// <summary>Reads at most <paramref name="maxBytes"/>; a declared or actual larger body is an overflow (nothing kept).</summary>
    public static async Task<(byte[] Body, bool Overflowed)> ReadAsync(HttpResponseMessage response, long maxBytes, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength is { } declared && declared > maxBytes)
        {
            return ([], true);
        }
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (true)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return (buffer.ToArray(), false);
            }
            if (buffer.Length + read > maxBytes)
            {
                // The caller decides whether an overflow is an error; the bytes read so far are never handed out.
                return ([], true);
            }
            buffer.Write(chunk, 0, read);
        }
    }
}
