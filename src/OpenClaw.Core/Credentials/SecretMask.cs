using System.Text.RegularExpressions;

namespace OpenClaw.Core.Credentials;

/// <summary>How a secret is shown: never whole (CLI spec §3.3: the first 8 characters and <c>…</c>).</summary>
public static partial class SecretMask
{
    private const int VisibleCharacters = 8;

    // Below this length the 8 visible characters would be half the secret or more.
    private const int MinimumLengthToShowPrefix = 16;

    private const string Ellipsis = "…";

    // "sk-" plus enough characters to be a credential rather than a word: OpenRouter's sk-or-v1-…, OpenAI's sk-…, Anthropic's sk-ant-….
    private const string KeyPrefix = "sk-";

    private const int MinimumKeyLength = 20;

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

    /// <summary>
    /// Whether <paramref name="text"/> has the shape of an API key (<c>sk-</c> and at least 20 characters, no white space),
    /// wherever it is written: a key stored under a name that does not say "secret" (<c>env.OPENROUTER</c>, referenced as
    /// <c>apiKey: "${OPENROUTER}"</c>) must be masked all the same.
    /// </summary>
    public static bool LooksLikeApiKey(string? text)
    {
        if (text is null || text.Length < MinimumKeyLength || !text.StartsWith(KeyPrefix, StringComparison.Ordinal))
        {
            return false;
        }
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// <paramref name="text"/> with every key-shaped token (<see cref="LooksLikeApiKey"/>) replaced by its mask: for
    /// messages that quote what the user wrote (an unknown key or flag, a refused URL, an invalid value), where a pasted
    /// key would otherwise be echoed back.
    /// </summary>
    public static string Scrub(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Contains(KeyPrefix, StringComparison.Ordinal) ? KeyToken().Replace(text, match => Mask(match.Value)) : text;
    }

    [GeneratedRegex(@"sk-[A-Za-z0-9_\-]{17,}", RegexOptions.CultureInvariant)]
    private static partial Regex KeyToken();
}
