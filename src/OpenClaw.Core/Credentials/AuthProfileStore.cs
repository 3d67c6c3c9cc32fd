using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenClaw.Core.Errors;
using OpenClaw.Core.Files;
using OpenClaw.Core.Json5;

namespace OpenClaw.Core.Credentials;

/// <summary>
/// The credential store <c>&lt;stateDir&gt;/agents/&lt;agent&gt;/agent/auth-profiles.json</c> (CLI spec §8.1): mode 0600 in a
/// 0700 directory, written atomically under a lock file. Documents are kept as JSON so that profiles, keys and maps this
/// program does not know (other providers, <c>lastGood</c>, <c>usageStats</c>) survive every write.
/// </summary>
public sealed class AuthProfileStore
{
    public const string DefaultProfileId = "openrouter:default";

    private const int CurrentVersion = 1;

    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        // Keys and display names are shown to people who open the file: keep "+", "<" and non-ASCII readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly AtomicWriteOptions FileOptions = new()
    {
        FileMode = AtomicWriteOptions.OwnerOnlyFile,
        DirectoryMode = AtomicWriteOptions.OwnerOnlyDirectory,
    };

    public AuthProfileStore(string path) => Path = path;

    /// <summary>The store's file.</summary>
    public string Path { get; }

    /// <summary>
    /// Reads the document; a missing file gives <c>{"version":1,"profiles":{}}</c>. A file that is not valid JSON (JSON5 is
    /// accepted) or not an object throws an <see cref="Errors.OpenClawException"/> naming <c>path:line:column</c>.
    /// </summary>
    /// <remarks>
    /// A document without <c>profiles</c> gets an empty one; <c>profiles</c> that is not an object, or a directory at
    /// <see cref="Path"/>, is an error naming the path.
    /// </remarks>
    public JsonObject Load()
    {
        if (Directory.Exists(Path))
        {
            throw new OpenClawException($"{Path}: is a directory, expected the auth profile store file.");
        }
        string text;
        try
        {
            text = File.ReadAllText(Path, Encoding.UTF8);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return NewDocument();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new OpenClawException($"Cannot read {Path}: {exception.Message}", exception);
        }

        JsonNode? root;
        try
        {
            root = Json5Reader.Parse(text, Path);
        }
        catch (Json5Exception exception)
        {
            throw new OpenClawException(exception.Message, exception);
        }
        if (root is not JsonObject document)
        {
            throw new OpenClawException($"{Path}: the auth profile store must be a JSON object, found {Describe(root)}.");
        }
        switch (document["profiles"])
        {
            case JsonObject:
                break;
            case null when !document.ContainsKey("profiles"):
                document["profiles"] = new JsonObject();
                break;
            case var profiles:
                throw new OpenClawException($"{Path}: \"profiles\" must be an object mapping profile ids to credentials, found {Describe(profiles)}.");
        }
        return document;
    }

    /// <summary>
    /// Reads the document under the store's lock, lets <paramref name="edit"/> change it, and writes it back atomically
    /// (0600, directory 0700) when <paramref name="edit"/> returns true. Returns whether the file was written.
    /// </summary>
    /// <remarks>Temporary files left by writers that were killed mid-write are removed either way.</remarks>
    public bool Update(Func<JsonObject, bool> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var fullPath = System.IO.Path.GetFullPath(Path);
        // The lock file lives next to the store, so the (private) directory must exist before the lock can be taken.
        AtomicFile.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!, AtomicWriteOptions.OwnerOnlyDirectory);
        using var storeLock = FileLock.Acquire(fullPath + ".lock");
        // A writer killed mid-write leaves a temporary copy of the keys: it goes now, even if this update changes nothing.
        AtomicFile.RemoveAbandonedTemporaries(fullPath);
        var document = Load();
        if (!edit(document))
        {
            // Nothing to write, but the store still holds the key: a mode loosened since (chmod 644) is put back.
            TightenModes(fullPath);
            return false;
        }
        if (!document.ContainsKey("version"))
        {
            document.Insert(0, "version", CurrentVersion);
        }
        var json = document.ToJsonString(WriteOptions) + "\n";
        AtomicFile.Write(fullPath, Encoding.UTF8.GetBytes(json), FileOptions);
        TightenModes(fullPath);
        return true;
    }

    /// <summary>The store 0600 and its directory 0700 even when they existed with looser modes (a write only sets the file's).</summary>
    private static void TightenModes(string fullPath)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        try
        {
            if (File.Exists(fullPath) && File.GetUnixFileMode(fullPath) != AtomicWriteOptions.OwnerOnlyFile)
            {
                File.SetUnixFileMode(fullPath, AtomicWriteOptions.OwnerOnlyFile);
            }
            var directory = System.IO.Path.GetDirectoryName(fullPath)!;
            if (File.GetUnixFileMode(directory) != AtomicWriteOptions.OwnerOnlyDirectory)
            {
                File.SetUnixFileMode(directory, AtomicWriteOptions.OwnerOnlyDirectory);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Not our file to change (another owner): doctor reports the mode.
        }
    }

    /// <summary>
    /// Sets <paramref name="profileId"/> to <c>{"type":"api_key","provider":"openrouter","key":…}</c>, keeping the profile's
    /// other fields (displayName, metadata) and every other profile. Returns false when nothing changed.
    /// </summary>
    /// <remarks>
    /// An existing api_key profile keeps its fields and position; its <c>keyRef</c>, if any, is replaced by <c>key</c>. A
    /// profile of another type (oauth, token) is replaced whole. The key is trimmed, and the literal <c>undefined</c> (what
    /// scripts pass for an unset variable) is stored as an empty key.
    /// </remarks>
    public static bool SetApiKey(JsonObject document, string profileId, string key)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentException.ThrowIfNullOrWhiteSpace(profileId);
        ArgumentNullException.ThrowIfNull(key);
        return SetCredential(document, profileId, "key", JsonValue.Create(StoredKey.Normalize(key))!, "keyRef");
    }

    /// <summary>
    /// Sets <paramref name="profileId"/> to an api_key profile that refers to an environment variable
    /// (<c>keyRef:{source:"env",provider:"default",id:…}</c>) instead of holding the key.
    /// </summary>
    /// <remarks>Like <see cref="SetApiKey"/>: other fields are kept, a <c>key</c> is replaced by the <c>keyRef</c>.</remarks>
    public static bool SetApiKeyReference(JsonObject document, string profileId, string environmentVariable)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentException.ThrowIfNullOrWhiteSpace(profileId);
        ArgumentException.ThrowIfNullOrWhiteSpace(environmentVariable);
        var reference = new JsonObject
        {
            ["source"] = "env",
            ["provider"] = "default",
            ["id"] = environmentVariable.Trim(),
        };
        return SetCredential(document, profileId, "keyRef", reference, "key");
    }

    private static JsonObject NewDocument() => new()
    {
        ["version"] = CurrentVersion,
        ["profiles"] = new JsonObject(),
    };

    private static bool SetCredential(JsonObject document, string profileId, string field, JsonNode value, string replacedField)
    {
        var profiles = ProfilesOf(document);
        if (profiles[profileId] is JsonObject profile && profile["type"] is JsonValue type && type.GetValueKind() == JsonValueKind.String
            && type.GetValue<string>() == "api_key")
        {
            var alreadySet = !profile.ContainsKey(replacedField)
                && JsonNode.DeepEquals(profile["provider"], JsonValue.Create("openrouter"))
                && JsonNode.DeepEquals(profile[field], value);
            if (alreadySet)
            {
                return false;
            }
            profile["provider"] = "openrouter";
            var replacedIndex = profile.IndexOf(replacedField);
            if (profile.ContainsKey(field) || replacedIndex < 0)
            {
                profile[field] = value;
                profile.Remove(replacedField);
            }
            else
            {
                // key ↔ keyRef: the new field takes the old one's place, so the file diff stays one line.
                profile.RemoveAt(replacedIndex);
                profile.Insert(replacedIndex, field, value);
            }
            return true;
        }
        profiles[profileId] = new JsonObject
        {
            ["type"] = "api_key",
            ["provider"] = "openrouter",
            [field] = value,
        };
        return true;
    }

    private static JsonObject ProfilesOf(JsonObject document)
    {
        switch (document["profiles"])
        {
            case JsonObject profiles:
                return profiles;
            case null when !document.ContainsKey("profiles"):
                var created = new JsonObject();
                document["profiles"] = created;
                return created;
            default:
                throw new OpenClawException("The auth profile store's \"profiles\" must be an object.");
        }
    }

    private static string Describe(JsonNode? node) => Config.JsonNodeValues.KindName(node) switch
    {
        "null" => "null",
        var kind and ("array" or "object") => "an " + kind,
        var kind => "a " + kind,
    };
}
