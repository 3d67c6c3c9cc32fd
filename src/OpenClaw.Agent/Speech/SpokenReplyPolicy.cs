using System.Text.RegularExpressions;
using OpenClaw.Core.Config;

namespace OpenClaw.Agent.Speech;

/// <summary>
/// Decides what of a reply is spoken (<c>messages.tts.auto</c>):
/// <list type="bullet">
/// <item><c>off</c> (and any mode this program does not know): nothing.</item>
/// <item><c>always</c>: the text inside <c>[[tts:text]]…[[/tts:text]]</c> blocks when the reply has any, else the whole reply
/// with <c>[[tts…]]</c> directive tokens removed.</item>
/// <item><c>tagged</c>: only the text inside <c>[[tts:text]]…[[/tts:text]]</c> blocks; a reply without one is not spoken.</item>
/// <item><c>inbound</c>: as <c>always</c>, but only when the message being answered was audio. The command line only takes
/// text, so there it never speaks.</item>
/// </list>
/// Whatever the mode, text that is empty or shorter than <see cref="MinimumLength"/> characters once trimmed is not spoken: a
/// two-word acknowledgement is not worth a voice note.
/// </summary>
public sealed partial class SpokenReplyPolicy
{
    /// <summary>The shortest text (trimmed, in UTF-16 code units as OpenClaw counts) that is spoken.</summary>
    public const int MinimumLength = 10;

    public SpokenReplyPolicy(TtsAutoMode mode)
    {
        Mode = mode;
    }

    /// <summary>The configured mode.</summary>
    public TtsAutoMode Mode { get; }

    /// <summary>The text to speak for <paramref name="reply"/>, or <see langword="null"/> when nothing is to be spoken.</summary>
    /// <param name="reply">The reply as the model wrote it.</param>
    /// <param name="inboundWasAudio">Whether the message being answered was a voice message (only <c>inbound</c> asks).</param>
    public string? TextToSpeak(string? reply, bool inboundWasAudio = false)
    {
        if (string.IsNullOrWhiteSpace(reply))
        {
            return null;
        }
        var tagged = TaggedText(reply);
        string? text = Mode.Value switch
        {
            "always" => tagged ?? StripDirectives(reply),
            "inbound" when inboundWasAudio => tagged ?? StripDirectives(reply),
            "tagged" => tagged,
            _ => null,
        };
        text = text?.Trim();
        return text is { Length: >= MinimumLength } ? text : null;
    }

    /// <summary>
    /// The text of every closed <c>[[tts:text]]…[[/tts:text]]</c> block (tags matched case-insensitively), each trimmed, blank
    /// ones dropped, joined by new lines; <see langword="null"/> when there is none.
    /// </summary>
    public static string? TaggedText(string reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var blocks = TaggedBlock().Matches(reply)
            .Select(match => StripDirectives(match.Groups["text"].Value).Trim())
            .Where(text => text.Length > 0)
            .ToList();
        return blocks.Count == 0 ? null : string.Join('\n', blocks);
    }

    /// <summary>The text without <c>[[tts]]</c>, <c>[[tts:…]]</c> and <c>[[/tts:…]]</c> tokens: those steer speech, they are not said.</summary>
    public static string StripDirectives(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Directive().Replace(text, "");
    }

    [GeneratedRegex(@"\[\[tts:text\]\](?<text>.*?)\[\[/tts:text\]\]", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex TaggedBlock();

    [GeneratedRegex(@"\[\[/?tts(?::[^\[\]]*)?\]\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Directive();
}
