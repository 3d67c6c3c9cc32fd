using System.Text;
using OpenClaw.Core.Errors;

namespace OpenClaw.Agent.Prompt;

/// <summary>
/// The system prompt of an agent turn: a short default, replaced by the workspace's <c>AGENTS.md</c> and <c>SOUL.md</c> when
/// present (both, in that order, separated by a blank line; empty files are ignored; each read capped at 256 KiB with a
/// truncation note). A file that cannot be read is an <see cref="Core.Errors.OpenClawException"/> naming it.
/// </summary>
public static class SystemPrompt
{
    /// <summary>The built-in prompt used when the workspace has neither file.</summary>
    public const string Default =
        "You are OpenClaw, a personal assistant running in the user's terminal. Answer directly and concisely. " +
        "Use the tools you are given when they help, and say so when you cannot do something.";

    /// <summary>The most of each file that goes into the prompt.</summary>
    public const int MaxFileBytes = 256 * 1024;

    /// <summary>The workspace files read, in prompt order.</summary>
    public static IReadOnlyList<string> FileNames { get; } = ["AGENTS.md", "SOUL.md"];

    /// <summary>The prompt for <paramref name="workspace"/> (a missing directory means the default).</summary>
    public static string Build(string workspace)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workspace);
        if (!Directory.Exists(workspace))
        {
            return Default;
        }
        var parts = new List<string>(FileNames.Count);
        foreach (var name in FileNames)
        {
            var path = Path.Combine(workspace, name);
            if (!File.Exists(path))
            {
                continue;
            }
            var text = ReadCapped(path, name);
            if (!string.IsNullOrWhiteSpace(text))
            {
                parts.Add(text.TrimEnd());
            }
        }
        return parts.Count == 0 ? Default : string.Join("\n\n", parts);
    }

    private static string ReadCapped(string path, string name)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            // One byte more than the cap tells a file of exactly 256 KiB from a longer one without trusting Length.
            var buffer = new byte[MaxFileBytes + 1];
            var read = 0;
            while (read < buffer.Length)
            {
                var count = stream.Read(buffer, read, buffer.Length - read);
                if (count == 0)
                {
                    break;
                }
                read += count;
            }
            var truncated = read > MaxFileBytes;
            var length = truncated ? CharBoundary(buffer, MaxFileBytes) : read;
            var start = length >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
            var text = Encoding.UTF8.GetString(buffer, start, length - start);
            return truncated
                ? text.TrimEnd() + $"\n\n[{name} truncated: only its first {MaxFileBytes / 1024} KiB are included.]"
                : text;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            throw new OpenClawException($"Cannot read the workspace file {path}: {exception.Message}", exception);
        }
    }

    /// <summary>The largest length ≤ <paramref name="limit"/> that does not cut a UTF-8 sequence in two.</summary>
    private static int CharBoundary(byte[] buffer, int limit)
    {
        var end = limit;
        // Back off over continuation bytes (10xxxxxx) to the lead byte of the cut sequence, and drop that sequence.
        while (end > 0 && (buffer[end] & 0xC0) == 0x80)
        {
            end--;
        }
        return end;
    }
}
