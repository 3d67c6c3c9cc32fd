using System.Globalization;
using System.Text;

namespace OpenClaw.Core.Config;

/// <summary>
/// Writes key paths the way <see cref="ConfigPath.Parse"/> reads them, so a path shown in an issue can be pasted into
/// <c>config get</c>: plain keys joined with dots, other keys as <c>["…"]</c>, array items as <c>[n]</c>.
/// </summary>
internal static class ConfigPathText
{
    public static string AppendKey(string parent, string key)
    {
        if (IsBareKey(key))
        {
            return parent.Length == 0 ? key : $"{parent}.{key}";
        }
        var quoted = new StringBuilder(parent, parent.Length + key.Length + 4).Append("[\"");
        foreach (var c in key)
        {
            if (c is '"' or '\\')
            {
                quoted.Append('\\');
            }
            quoted.Append(c);
        }
        return quoted.Append("\"]").ToString();
    }

    public static string AppendIndex(string parent, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{parent}[{index}]");

    /// <summary>Keys that need no quoting; <c>:</c> and <c>-</c> are common in profile ids and header names.</summary>
    public static bool IsBareKey(string key)
    {
        if (key.Length == 0)
        {
            return false;
        }
        foreach (var c in key)
        {
            if (!IsBareKeyChar(c))
            {
                return false;
            }
        }
        return true;
    }

    public static bool IsBareKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '$' or ':' or '-';
}
