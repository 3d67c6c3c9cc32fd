using System.Text.Json.Nodes;

namespace OpenClaw.Core.Credentials;

/// <summary>
/// The credential store <c>&lt;stateDir&gt;/agents/&lt;agent&gt;/agent/auth-profiles.json</c> (CLI spec §8.1): mode 0600 in a
/// 0700 directory, written atomically under a lock file. Documents are kept as JSON so that profiles, keys and maps this
/// program does not know (other providers, <c>lastGood</c>, <c>usageStats</c>) survive every write.
/// </summary>
public sealed class AuthProfileStore
{
    public const string DefaultProfileId = "openrouter:default";

    public AuthProfileStore(string path) => Path = path;

    /// <summary>The store's file.</summary>
    public string Path { get; }

    /// <summary>
    /// Reads the document; a missing file gives <c>{"version":1,"profiles":{}}</c>. A file that is not valid JSON (JSON5 is
    /// accepted) or not an object throws an <see cref="Errors.OpenClawException"/> naming <c>path:line:column</c>.
    /// </summary>
    public JsonObject Load() => throw new NotImplementedException();

    /// <summary>
    /// Reads the document under the store's lock, lets <paramref name="edit"/> change it, and writes it back atomically
    /// (0600, directory 0700) when <paramref name="edit"/> returns true. Returns whether the file was written.
    /// </summary>
    public bool Update(Func<JsonObject, bool> edit) => throw new NotImplementedException();

    /// <summary>
    /// Sets <paramref name="profileId"/> to <c>{"type":"api_key","provider":"openrouter","key":…}</c>, keeping the profile's
    /// other fields (displayName, metadata) and every other profile. Returns false when nothing changed.
    /// </summary>
    public static bool SetApiKey(JsonObject document, string profileId, string key) => throw new NotImplementedException();

    /// <summary>
    /// Sets <paramref name="profileId"/> to an api_key profile that refers to an environment variable
    /// (<c>keyRef:{source:"env",provider:"default",id:…}</c>) instead of holding the key.
    /// </summary>
    public static bool SetApiKeyReference(JsonObject document, string profileId, string environmentVariable) => throw new NotImplementedException();
}
