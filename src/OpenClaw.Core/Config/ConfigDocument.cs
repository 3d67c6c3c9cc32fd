using System.Text.Json.Nodes;

namespace OpenClaw.Core.Config;

/// <summary>The config file as authored: JSON5 read into nodes, before any <c>${VAR}</c> substitution.</summary>
public sealed class ConfigDocument
{
    public ConfigDocument(string path, bool exists, JsonObject root)
    {
        Path = path;
        Exists = exists;
        Root = root;
    }

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <summary>False when there is no file yet (the defaults apply; <see cref="Root"/> is empty).</summary>
    public bool Exists { get; }

    /// <summary>The document's root object.</summary>
    public JsonObject Root { get; }

    /// <summary>
    /// Reads <paramref name="path"/>. Missing → an empty document. A directory, an unreadable file, JSON5 errors
    /// (<c>path:line:column: reason</c>) or a root that is not an object → <see cref="ConfigException"/>.
    /// </summary>
    public static ConfigDocument Load(string path) => throw new NotImplementedException();
}
