namespace OpenClaw.Cli.Rendering;

/// <summary>The few ANSI styles the streaming output uses, applied only when colour is on.</summary>
public static class Ansi
{
    private const string DimOn = "\u001b[2m";
    private const string DimOff = "\u001b[22m";

    /// <summary><paramref name="text"/> dimmed (SGR 2) when <paramref name="color"/> is set, else as is.</summary>
    public static string Dim(string text, bool color) => color && text.Length > 0 ? DimOn + text + DimOff : text;
}
