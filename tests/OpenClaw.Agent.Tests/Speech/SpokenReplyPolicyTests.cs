using OpenClaw.Agent.Speech;
using OpenClaw.Core.Config;

namespace OpenClaw.Agent.Tests.Speech;

/// <summary>What of a reply is spoken, per <c>messages.tts.auto</c>.</summary>
public sealed class SpokenReplyPolicyTests
{
    private static readonly SpokenReplyPolicy Always = new(TtsAutoMode.Always);
    private static readonly SpokenReplyPolicy Tagged = new(TtsAutoMode.Tagged);
    private static readonly SpokenReplyPolicy Off = new(TtsAutoMode.Off);
    private static readonly SpokenReplyPolicy Inbound = new(TtsAutoMode.Inbound);

    [Fact]
    public void Always_speaks_the_whole_reply_trimmed()
    {
        Assert.Equal("Echo: Hello there", Always.TextToSpeak("  Echo: Hello there\n"));
    }

    [Fact]
    public void Off_never_speaks()
    {
        Assert.Null(Off.TextToSpeak("A reply long enough to speak."));
        Assert.Null(new SpokenReplyPolicy(default).TextToSpeak("A reply long enough to speak."));
        Assert.Null(new SpokenReplyPolicy(new TtsAutoMode("sometimes")).TextToSpeak("A reply long enough to speak."));
    }

    [Fact]
    public void Inbound_speaks_only_in_answer_to_audio_which_the_command_line_never_sends()
    {
        Assert.Null(Inbound.TextToSpeak("A reply long enough to speak."));
        Assert.Equal("A reply long enough to speak.", Inbound.TextToSpeak("A reply long enough to speak.", inboundWasAudio: true));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("Echo: Hi")]
    [InlineData("  123456789  ")]
    public void Empty_and_short_replies_are_not_spoken(string? reply)
    {
        Assert.Null(Always.TextToSpeak(reply));
        Assert.Null(Inbound.TextToSpeak(reply, inboundWasAudio: true));
    }

    [Fact]
    public void Ten_characters_are_enough()
    {
        Assert.Equal("1234567890", Always.TextToSpeak("1234567890"));
    }

    [Fact]
    public void Tagged_speaks_only_the_tagged_text()
    {
        Assert.Equal("Only this part is spoken",
            Tagged.TextToSpeak("Here is the answer. [[tts:text]] Only this part is spoken [[/tts:text]] And more text."));
    }

    [Fact]
    public void Tagged_joins_several_blocks_and_ignores_case()
    {
        Assert.Equal("First spoken block\nSecond spoken block",
            Tagged.TextToSpeak("a [[tts:text]]First spoken block[[/tts:text]] b [[TTS:TEXT]]Second spoken block[[/TTS:TEXT]] c"));
    }

    [Theory]
    [InlineData("A long reply without any tags at all.")]
    [InlineData("An unclosed [[tts:text]] block is not a block.")]
    [InlineData("[[tts:text]]short[[/tts:text]] and a long untagged tail")]
    [InlineData("[[tts:text]]   [[/tts:text]]")]
    public void Tagged_without_a_usable_block_speaks_nothing(string reply) =>
        Assert.Null(Tagged.TextToSpeak(reply));

    [Fact]
    public void Always_prefers_the_tagged_text_and_never_says_a_directive()
    {
        Assert.Equal("Say exactly this sentence", Always.TextToSpeak("Shown text. [[tts:text]]Say exactly this sentence[[/tts:text]]"));
        Assert.Equal("Shown reply with a voice directive.", Always.TextToSpeak("[[tts:voice=af_bella]]Shown reply with a voice directive.[[tts]]"));
    }

    [Fact]
    public void Directives_are_stripped()
    {
        Assert.Equal("a  b  c", SpokenReplyPolicy.StripDirectives("a [[tts]] b [[tts:model=x voice=y]] c[[/tts:text]]"));
        Assert.Null(SpokenReplyPolicy.TaggedText("no blocks"));
    }
}
