using System.Text;
using OpenClaw.Cli.Hosting;

namespace OpenClaw.Cli.Commands.Agent;

/// <summary>
/// The user's message for a turn: <c>-m &lt;text&gt;</c>, <c>-m -</c> (standard input) or <c>--message-file &lt;path&gt;</c>
/// (at most 4 MiB of UTF-8).
/// </summary>
public static class MessageInput
{
    /// <summary>The largest message file (and standard input) accepted.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads the message.</summary>
    /// <exception cref="CliException">Neither or both sources, an unreadable, oversized or non-UTF-8 file, or an empty message.</exception>
    public static string Read(string? message, string? messageFile, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (message is not null && messageFile is not null)
        {
            throw new CliException("Use either --message or --message-file, not both.");
        }
        var text = messageFile is not null ? ReadFile(messageFile, context.WorkingDirectory)
            : message == "-" ? ReadStandardInput(context.In, "message")
            : message ?? throw new CliException("A message is required: pass -m <text>, -m - (standard input) or --message-file <path>.");
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new CliException("The message is empty.");
        }
        return text;
    }

    private static string ReadFile(string path, string workingDirectory)
    {
        var full = Path.GetFullPath(path, workingDirectory);
        byte[] bytes;
        try
        {
            var info = new FileInfo(full);
            if (info.Exists && info.Length > MaxBytes)
            {
                throw new CliException($"Message file is larger than 4 MiB: {path}");
            }
            bytes = File.ReadAllBytes(full);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"Cannot read message file {path}: {exception.Message}");
        }
        // The file may have grown between the size check and the read.
        if (bytes.Length > MaxBytes)
        {
            throw new CliException($"Message file is larger than 4 MiB: {path}");
        }
        try
        {
            var text = StrictUtf8.GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException)
        {
            throw new CliException($"Message file is not valid UTF-8: {path}");
        }
    }

    /// <summary>Standard input up to 4 MiB; <paramref name="subject"/> names it in the error (<c>message</c>, <c>text</c>).</summary>
    /// <exception cref="CliException">More than 4 MiB.</exception>
    internal static string ReadStandardInput(TextReader input, string subject)
    {
        // Characters, not bytes, once decoded: a UTF-8 character is at least one byte, so this never accepts more than 4 MiB.
        var buffer = new char[8192];
        var text = new StringBuilder();
        int read;
        while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
        {
            text.Append(buffer, 0, read);
            if (text.Length > MaxBytes)
            {
                throw new CliException($"The {subject} on standard input is larger than 4 MiB.");
            }
        }
        return text.ToString();
    }
}
