using System.Globalization;
using System.Text.Json.Nodes;
using OpenClaw.Core.Json5;

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
    public static ConfigDocument Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(fullPath))
        {
            throw new ConfigException($"Cannot read config {fullPath}: it is a directory.");
        }
        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return new ConfigDocument(fullPath, exists: false, []);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"Cannot read config {fullPath}: {exception.Message}", exception);
        }
        return new ConfigDocument(fullPath, exists: true, Parse(text, fullPath));
    }

    /// <summary>Parses config text; errors name <paramref name="sourceName"/> with line and column.</summary>
    internal static JsonObject Parse(string text, string sourceName)
    {
        JsonNode? root;
        try
        {
            root = Json5Reader.Parse(text, sourceName);
        }
        catch (Json5Exception exception)
        {
            throw new ConfigException(exception.Message, exception);
        }
        if (root is JsonObject obj)
        {
            return obj;
        }
        var (line, column) = FirstValuePosition(text);
        throw new ConfigException(string.Create(CultureInfo.InvariantCulture, $"{sourceName}:{line}:{column}: the config must be a JSON5 object"));
    }

    /// <summary>Where the root value starts: past a byte order mark, white space and comments.</summary>
    private static (int Line, int Column) FirstValuePosition(string text)
    {
        int line = 1, column = 1, position = 0;
        void Advance()
        {
            if (text[position] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
            position++;
        }

        if (position < text.Length && text[position] == '\uFEFF')
        {
            position++;
        }
        while (position < text.Length)
        {
            var c = text[position];
            if (char.IsWhiteSpace(c))
            {
                Advance();
            }
            else if (c == '/' && position + 1 < text.Length && text[position + 1] == '/')
            {
                while (position < text.Length && text[position] != '\n')
                {
                    Advance();
                }
            }
            else if (c == '/' && position + 1 < text.Length && text[position + 1] == '*')
            {
                Advance();
                Advance();
                while (position < text.Length && !(text[position] == '*' && position + 1 < text.Length && text[position + 1] == '/'))
                {
                    Advance();
                }
                if (position < text.Length)
                {
                    Advance();
                    Advance();
                }
            }
            else
            {
                break;
            }
        }
        return (line, column);
    }
}
