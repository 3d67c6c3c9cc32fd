using System.Text;
using System.Text.Json.Nodes;
using OpenClaw.Core.State;

namespace OpenClaw.Core.Config;

/// <summary><c>${VAR}</c> substitution in config strings (CLI spec §9).</summary>
public static class EnvSubstitution
{
    /// <summary>
    /// Replaces <c>${NAME}</c> (<c>[A-Z_][A-Z0-9_]*</c>) with the variable's value and <c>${NAME:-default}</c> with the value or
    /// the default; <c>$${NAME}</c> yields the literal <c>${NAME}</c>; anything else with <c>$</c> is kept. A missing or empty
    /// variable (without default) leaves the reference as written and calls <paramref name="missing"/> with its name.
    /// </summary>
    public static string Substitute(string value, EnvironmentVariables environment, Action<string>? missing = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(environment);
        if (!value.Contains('$', StringComparison.Ordinal))
        {
            return value;
        }
        var result = new StringBuilder(value.Length);
        var position = 0;
        while (position < value.Length)
        {
            var c = value[position];
            if (c != '$')
            {
                result.Append(c);
                position++;
                continue;
            }
            if (position + 1 < value.Length && value[position + 1] == '$' && TryReadReference(value, position + 1, out var escapedEnd, out _, out _))
            {
                // "$${NAME}" is the way to write a literal "${NAME}".
                result.Append(value, position + 1, escapedEnd - position - 1);
                position = escapedEnd;
                continue;
            }
            if (TryReadReference(value, position, out var end, out var name, out var fallback))
            {
                var resolved = environment.Get(name);
                if (!string.IsNullOrEmpty(resolved))
                {
                    result.Append(resolved);
                }
                else if (fallback is not null)
                {
                    result.Append(fallback);
                }
                else
                {
                    missing?.Invoke(name);
                    result.Append(value, position, end - position);
                }
                position = end;
                continue;
            }
            result.Append(c);
            position++;
        }
        return result.ToString();
    }

    /// <summary>Reads <c>${NAME}</c> or <c>${NAME:-default}</c> starting at the <c>$</c>; <paramref name="end"/> is just past the <c>}</c>.</summary>
    private static bool TryReadReference(string text, int dollar, out int end, out string name, out string? fallback)
    {
        end = 0;
        name = "";
        fallback = null;
        var position = dollar + 1;
        if (position >= text.Length || text[position] != '{')
        {
            return false;
        }
        position++;
        var nameStart = position;
        while (position < text.Length && IsNameChar(text[position], first: position == nameStart))
        {
            position++;
        }
        if (position == nameStart || position >= text.Length)
        {
            return false;
        }
        var nameEnd = position;
        if (text[position] == ':' && position + 1 < text.Length && text[position + 1] == '-')
        {
            var defaultStart = position + 2;
            var close = text.IndexOf('}', defaultStart);
            if (close < 0)
            {
                return false;
            }
            fallback = text[defaultStart..close];
            position = close;
        }
        if (text[position] != '}')
        {
            return false;
        }
        name = text[nameStart..nameEnd];
        end = position + 1;
        return true;
    }

    private static bool IsNameChar(char c, bool first) =>
        char.IsAsciiLetterUpper(c) || c == '_' || (!first && char.IsAsciiDigit(c));

    /// <summary>
    /// A copy of <paramref name="node"/> with every string substituted; <paramref name="warning"/> receives
    /// <c>Config (&lt;file&gt;): missing env var "&lt;VAR&gt;" at &lt;config path&gt; - feature using this value will be unavailable</c>.
    /// </summary>
    public static JsonNode? SubstituteAll(JsonNode? node, EnvironmentVariables environment, string fileDisplayPath, Action<string>? warning = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Copy(node, "", environment, fileDisplayPath, warning);
    }

    private static JsonNode? Copy(JsonNode? node, string path, EnvironmentVariables environment, string file, Action<string>? warning)
    {
        switch (node)
        {
            case JsonObject obj:
                var copiedObject = new JsonObject();
                foreach (var (key, child) in obj)
                {
                    copiedObject[key] = Copy(child, ConfigPathText.AppendKey(path, key), environment, file, warning);
                }
                return copiedObject;
            case JsonArray array:
                var copiedArray = new JsonArray();
                for (var index = 0; index < array.Count; index++)
                {
                    copiedArray.Add(Copy(array[index], ConfigPathText.AppendIndex(path, index), environment, file, warning));
                }
                return copiedArray;
            case null:
                return null;
            default:
                if (!JsonNodeValues.TryGetString(node, out var text))
                {
                    return node.DeepClone();
                }
                var substituted = Substitute(text, environment, name =>
                    warning?.Invoke($"Config ({file}): missing env var \"{name}\" at {path} - feature using this value will be unavailable"));
                return JsonValue.Create(substituted);
        }
    }
}
