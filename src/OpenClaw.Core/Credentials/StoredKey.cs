namespace OpenClaw.Core.Credentials;

/// <summary>How a stored API key string is read: trimmed, with <c>undefined</c> meaning "no key".</summary>
internal static class StoredKey
{
    // Scripts that expand an unset JavaScript variable pass the word "undefined"; the current release stores it as an empty key.
    private const string Undefined = "undefined";

    /// <summary>The key as it should be stored and used; empty when there is none.</summary>
    public static string Normalize(string key)
    {
        var trimmed = key.Trim();
        return trimmed == Undefined ? "" : trimmed;
    }
}
