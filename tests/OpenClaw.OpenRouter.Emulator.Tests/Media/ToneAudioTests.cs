using System.Buffers.Binary;
using OpenClaw.OpenRouter.Emulator.Media;

namespace OpenClaw.OpenRouter.Emulator.Tests.Media;

public sealed class ToneAudioTests
{
    private const int BytesPerSecond = 24000 * 2;

    [Fact]
    public void ContentTypes_MatchOpenRouter()
    {
        Assert.Equal("audio/pcm;rate=24000;channels=1", ToneAudio.PcmContentType);
        Assert.Equal("audio/mpeg", ToneAudio.Mp3ContentType);
    }

    [Theory]
    [InlineData(1000, 1.0)]
    [InlineData(2500, 2.5)]
    [InlineData(100, 0.1)]
    [InlineData(10000, 10.0)]
    public void Pcm_LengthIsSixteenBitMonoAt24kHz(int durationMs, double seconds)
    {
        Assert.Equal((int)(BytesPerSecond * seconds), ToneAudio.Pcm(durationMs).Length);
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(-5, 100)]
    [InlineData(99, 100)]
    [InlineData(10001, 10000)]
    [InlineData(int.MaxValue, 10000)]
    public void Pcm_DurationIsClamped(int requestedMs, int effectiveMs)
    {
        Assert.Equal(BytesPerSecond * effectiveMs / 1000, ToneAudio.Pcm(requestedMs).Length);
    }

    [Fact]
    public void Pcm_IsAnAudibleUnclippedTone()
    {
        var samples = ReadSamples(ToneAudio.Pcm(1000));

        var peak = samples.Max(sample => Math.Abs((int)sample));
        Assert.InRange(peak, 3000, short.MaxValue - 1);
        Assert.True(samples.Count(sample => sample != 0) > samples.Length * 9 / 10);
    }

    [Fact]
    public void Pcm_OscillatesAt440Hz()
    {
        var samples = ReadSamples(ToneAudio.Pcm(1000));

        var upwardZeroCrossings = 0;
        for (var index = 1; index < samples.Length; index++)
        {
            if (samples[index - 1] < 0 && samples[index] >= 0)
            {
                upwardZeroCrossings++;
            }
        }

        Assert.InRange(upwardZeroCrossings, 439, 441);
    }

    [Fact]
    public void Pcm_IsDeterministic()
    {
        Assert.Equal(ToneAudio.Pcm(500), ToneAudio.Pcm(500));
    }

    [Fact]
    public void Mp3_StartsWithId3TagOrFrameSync()
    {
        var mp3 = ToneAudio.Mp3();

        var startsWithId3 = mp3.AsSpan().StartsWith("ID3"u8);
        var startsWithFrameSync = mp3[0] == 0xFF && (mp3[1] & 0xE0) == 0xE0;
        Assert.True(startsWithId3 || startsWithFrameSync);
    }

    [Fact]
    public void Mp3_FirstFrameHeaderIsMpegAudioLayerIII()
    {
        var mp3 = ToneAudio.Mp3();
        var offset = LengthOfId3v2Tag(mp3);

        var header = BinaryPrimitives.ReadUInt32BigEndian(mp3.AsSpan(offset, 4));

        Assert.Equal(0x7FFu, header >> 21);
        var versionBits = (header >> 19) & 0b11;
        var layerBits = (header >> 17) & 0b11;
        var bitrateIndex = (header >> 12) & 0b1111;
        var sampleRateIndex = (header >> 10) & 0b11;
        Assert.NotEqual(0b01u, versionBits);
        Assert.Equal(0b01u, layerBits);
        Assert.InRange(bitrateIndex, 1u, 14u);
        Assert.InRange(sampleRateIndex, 0u, 2u);
    }

    [Fact]
    public void Mp3_IsSmallAndReturnsAFreshCopyEachTime()
    {
        var first = ToneAudio.Mp3();
        var second = ToneAudio.Mp3();

        Assert.InRange(first.Length, 1000, 64 * 1024);
        Assert.Equal(first, second);
        first[0] ^= 0xFF;
        Assert.NotEqual(first[0], ToneAudio.Mp3()[0]);
    }

    private static short[] ReadSamples(byte[] pcm)
    {
        var samples = new short[pcm.Length / 2];
        for (var index = 0; index < samples.Length; index++)
        {
            samples[index] = BinaryPrimitives.ReadInt16LittleEndian(pcm.AsSpan(index * 2, 2));
        }

        return samples;
    }

    private static int LengthOfId3v2Tag(byte[] mp3)
    {
        if (!mp3.AsSpan().StartsWith("ID3"u8))
        {
            return 0;
        }

        // ID3v2 size is four 7-bit "synchsafe" bytes, excluding the 10-byte header and an optional 10-byte footer.
        var size = (mp3[6] << 21) | (mp3[7] << 14) | (mp3[8] << 7) | mp3[9];
        var hasFooter = (mp3[5] & 0x10) != 0;
        return 10 + size + (hasFooter ? 10 : 0);
    }
}
