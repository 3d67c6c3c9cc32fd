namespace OpenClaw.Core.Credentials;

/// <summary>How a secret is shown: never whole (CLI spec §3.3: the first 8 characters and <c>…</c>).</summary>
public static class SecretMask
{
    private const int VisibleCharacters = 8;

    // Below this length the 8 visible characters would be half the secret or more.
    private const int MinimumLengthToShowPrefix = 16;

    private const string Ellipsis = "…";

    /// <summary>The masked form, e.g. <c>sk-or-v1…</c>; a secret too short to show 8 characters safely is only <c>…</c>.</summary>
    /// <remarks>Null or empty (no secret at all) is <c>-</c>, the placeholder the status tables use for "none".</remarks>
    public static string Mask(string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return "-";
        }
        if (secret.Length < MinimumLengthToShowPrefix)
        {
            return Ellipsis;
        }
        var visible = VisibleCharacters;
        // Never show half of a surrogate pair: the result must stay valid UTF-16.
        if (char.IsHighSurrogate(secret[visible - 1]))
        {
            visible--;
        }
        return string.Concat(secret.AsSpan(0, visible), Ellipsis);
    }
}
