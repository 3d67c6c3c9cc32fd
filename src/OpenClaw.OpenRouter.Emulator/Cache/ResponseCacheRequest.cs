using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace OpenClaw.OpenRouter.Emulator.Cache;

/// <summary>What a request's <c>X-OpenRouter-Cache*</c> headers ask of the response cache.</summary>
internal sealed record ResponseCacheRequest(bool Enabled, bool Clear, int TtlSeconds)
{
    public const int DefaultTtlSeconds = 300;

    public static ResponseCacheRequest From(IHeaderDictionary headers)
    {
        var enabled = string.Equals(headers["X-OpenRouter-Cache"].ToString().Trim(), "true", StringComparison.OrdinalIgnoreCase);
        var clear = string.Equals(headers["X-OpenRouter-Cache-Clear"].ToString().Trim(), "true", StringComparison.OrdinalIgnoreCase);
        return new ResponseCacheRequest(enabled, enabled && clear, ParseTtl(headers["X-OpenRouter-Cache-TTL"].ToString()));
    }

    /// <summary>OpenRouter reads the leading digits (<c>60abc</c> → 60, <c>1.5</c> → 1), ignores anything else, and clamps to 1–86400.</summary>
    public static int ParseTtl(string header)
    {
        var text = header.Trim();
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }
        if (digits == 0)
        {
            return DefaultTtlSeconds;
        }
        return long.TryParse(text.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? (int)Math.Clamp(seconds, 1, 86_400)
            : 86_400;
    }
}
