using System.Text.Json.Nodes;

namespace OpenClaw.Reliability.Tests.Concurrency;

/// <summary>What a fleet left in the state directory.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public static class StateFiles
{
    /// <summary>Every file under <paramref name="stateDir"/>, relative, '/'-separated, sorted.</summary>
    public static IReadOnlyList<string> List(string stateDir) =>
        Directory.Exists(stateDir)
            ? [.. Directory.EnumerateFiles(stateDir, "*", SearchOption.AllDirectories)
                .Select(file => Path.GetRelativePath(stateDir, file).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)]
            : [];

    /// <summary>The Unix mode of a file or directory, as octal text (e.g. <c>600</c>).</summary>
    public static string Mode(string path) =>
        Convert.ToString((int)File.GetUnixFileMode(path), 8);

    /// <summary>Parses <paramref name="path"/> as strict JSON (what the program writes); fails the test naming the file otherwise.</summary>
    public static JsonObject ParseJson(string path)
    {
        var text = File.ReadAllText(path);
        try
        {
            return JsonNode.Parse(text)!.AsObject();
        }
        catch (System.Text.Json.JsonException exception)
        {
            Assert.Fail($"{path} is not valid JSON ({exception.Message}):\n{text}");
            throw;
        }
    }
}
