using System.Buffers.Binary;
using OpenClaw.OpenRouter.Emulator.Media;

namespace OpenClaw.OpenRouter.Emulator.Tests.Media;

public sealed class SampleVideoTests
{
    [Fact]
    public void Mp4_HasFtypBoxAtStart()
    {
        var mp4 = SampleVideo.Mp4();

        Assert.True(mp4.AsSpan(4, 4).SequenceEqual("ftyp"u8));
    }

    [Fact]
    public void Mp4_TopLevelBoxesSpanTheFileAndIncludeMoovBeforeMdat()
    {
        var boxTypes = ReadTopLevelBoxTypes(SampleVideo.Mp4());

        Assert.Equal("ftyp", boxTypes[0]);
        Assert.Contains("moov", boxTypes);
        Assert.Contains("mdat", boxTypes);
        Assert.True(boxTypes.IndexOf("moov") < boxTypes.IndexOf("mdat"), "moov should precede mdat (faststart).");
    }

    [Fact]
    public void WebM_StartsWithEbmlMagicAndWebmDocType()
    {
        var webm = SampleVideo.WebM();

        Assert.True(webm.AsSpan(0, 4).SequenceEqual((byte[])[0x1A, 0x45, 0xDF, 0xA3]));
        Assert.True(webm.AsSpan(0, 64).IndexOf("webm"u8) > 0);
    }

    [Fact]
    public void Videos_AreSmallAndReturnedAsFreshCopies()
    {
        var mp4 = SampleVideo.Mp4();
        var webm = SampleVideo.WebM();

        Assert.InRange(mp4.Length, 500, 30 * 1024);
        Assert.InRange(webm.Length, 500, 30 * 1024);

        mp4[0] ^= 0xFF;
        webm[0] ^= 0xFF;
        Assert.NotEqual(mp4[0], SampleVideo.Mp4()[0]);
        Assert.NotEqual(webm[0], SampleVideo.WebM()[0]);
    }

    private static List<string> ReadTopLevelBoxTypes(byte[] mp4)
    {
        var types = new List<string>();
        long offset = 0;
        while (offset + 8 <= mp4.Length)
        {
            long size = BinaryPrimitives.ReadUInt32BigEndian(mp4.AsSpan((int)offset, 4));
            types.Add(System.Text.Encoding.ASCII.GetString(mp4, (int)offset + 4, 4));
            if (size == 1)
            {
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(mp4.AsSpan((int)offset + 8, 8));
            }
            else if (size == 0)
            {
                size = mp4.Length - offset;
            }

            Assert.True(size >= 8, $"Box '{types[^1]}' at {offset} has invalid size {size}.");
            offset += size;
        }

        Assert.Equal(mp4.Length, offset);
        return types;
    }
}
