using System.Buffers.Binary;
using System.Text;
using System.Text.Json.Nodes;

namespace OpenClaw.OpenRouter.Emulator.Tests.Support;

/// <summary>Checks of media bytes as a client would receive them: PNG headers, data URLs, MP4 boxes, WebM magic, MP3 frames,
/// plus a few JSON reads the endpoint tests share.</summary>
internal static class MediaAssertions
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] EbmlMagic = [0x1A, 0x45, 0xDF, 0xA3];

    // Layer III bitrates in kbps by bitrate index; index 0 is "free format", 15 is invalid.
    private static readonly int[] Mpeg1Layer3Kbps = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 0];
    private static readonly int[] Mpeg2Layer3Kbps = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 0];

    /// <summary>Asserts the PNG signature and an IHDR first chunk, and returns the image size it declares.</summary>
    public static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.True(png.Length >= 33, $"A PNG needs at least 33 bytes; got {png.Length}.");
        Assert.Equal(PngSignature, png[..8]);
        Assert.Equal(13, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(8, 4)));
        Assert.Equal("IHDR", Encoding.ASCII.GetString(png, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    public static void AssertPng(byte[] png, int width, int height)
        => Assert.Equal((width, height), PngSize(png));

    /// <summary>Decodes a <c>data:&lt;mediaType&gt;;base64,…</c> URL, asserting its prefix.</summary>
    public static byte[] DecodeDataUrl(string url, string mediaType = "image/png")
    {
        var prefix = $"data:{mediaType};base64,";
        Assert.StartsWith(prefix, url, StringComparison.Ordinal);
        return Convert.FromBase64String(url[prefix.Length..]);
    }

    /// <summary>Asserts an ISO base media file: the first box is a sane <c>ftyp</c>.</summary>
    public static void AssertMp4(byte[] mp4)
    {
        Assert.True(mp4.Length >= 16, $"An MP4 needs at least 16 bytes; got {mp4.Length}.");
        Assert.Equal("ftyp", Encoding.ASCII.GetString(mp4, 4, 4));
        var size = BinaryPrimitives.ReadUInt32BigEndian(mp4.AsSpan(0, 4));
        Assert.InRange(size, 16u, (uint)mp4.Length);
    }

    /// <summary>Asserts the EBML magic number WebM (Matroska) files start with, and the <c>webm</c> doc type.</summary>
    public static void AssertWebM(byte[] webm)
    {
        Assert.True(webm.Length >= 32, $"A WebM needs at least 32 bytes; got {webm.Length}.");
        Assert.Equal(EbmlMagic, webm[..4]);
        Assert.True(webm.AsSpan(0, Math.Min(64, webm.Length)).IndexOf("webm"u8) > 0, "The EBML header should name the webm doc type.");
    }

    /// <summary>Walks the MPEG audio layer III frames from the start of <paramref name="mp3"/> (after an optional ID3v2 tag),
    /// asserting every frame header, and returns the number of frames.</summary>
    public static int AssertMp3(byte[] mp3)
    {
        var offset = 0;
        if (mp3.Length >= 10 && mp3.AsSpan(0, 3).SequenceEqual("ID3"u8))
        {
            offset = 10 + ((mp3[6] & 0x7F) << 21 | (mp3[7] & 0x7F) << 14 | (mp3[8] & 0x7F) << 7 | (mp3[9] & 0x7F));
        }
        var frames = 0;
        while (offset < mp3.Length)
        {
            if (mp3.Length - offset == 128 && mp3.AsSpan(offset, 3).SequenceEqual("TAG"u8))
            {
                break; // ID3v1 trailer
            }
            Assert.True(offset + 4 <= mp3.Length, $"{mp3.Length - offset} stray bytes after the last frame.");
            var length = Mp3FrameLength(mp3.AsSpan(offset, 4), offset);
            Assert.True(offset + length <= mp3.Length, $"The frame at {offset} ({length} bytes) runs past the end of the file ({mp3.Length} bytes).");
            offset += length;
            frames++;
        }
        Assert.True(frames >= 2, $"Expected several MP3 frames; found {frames}.");
        return frames;
    }

    /// <summary>Reads the whole body as a stream, counting bytes and keeping the first <paramref name="keep"/> of them.</summary>
    public static async Task<(long Length, byte[] Head)> ReadCountingAsync(HttpResponseMessage response, int keep = 64)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        var head = new List<byte>(keep);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, TestContext.Current.CancellationToken)) > 0)
        {
            for (var i = 0; i < read && head.Count < keep; i++)
            {
                head.Add(buffer[i]);
            }
            total += read;
        }
        return (total, [.. head]);
    }

    public static string Str(JsonNode? node) => node!.GetValue<string>();

    public static decimal Dec(JsonNode? node) => node!.GetValue<decimal>();

    public static int Int(JsonNode? node) => node!.GetValue<int>();

    public static bool Bool(JsonNode? node) => node!.GetValue<bool>();

    public static List<string> Strings(JsonNode? node) => [.. node!.AsArray().Select(item => item!.GetValue<string>())];

    private static int Mp3FrameLength(ReadOnlySpan<byte> header, int offset)
    {
        Assert.True(header[0] == 0xFF && (header[1] & 0xE0) == 0xE0, $"No MPEG frame sync at byte {offset} ({header[0]:X2} {header[1]:X2}).");
        var version = (header[1] >> 3) & 0b11; // 00 MPEG-2.5, 01 reserved, 10 MPEG-2, 11 MPEG-1
        var layer = (header[1] >> 1) & 0b11; // 01 layer III
        Assert.NotEqual(0b01, version);
        Assert.Equal(0b01, layer);
        var bitrateIndex = header[2] >> 4;
        var sampleRateIndex = (header[2] >> 2) & 0b11;
        var padding = (header[2] >> 1) & 1;
        Assert.InRange(bitrateIndex, 1, 14);
        Assert.InRange(sampleRateIndex, 0, 2);
        int[] sampleRates = version switch
        {
            0b11 => [44100, 48000, 32000],
            0b10 => [22050, 24000, 16000],
            _ => [11025, 12000, 8000],
        };
        var kbps = version == 0b11 ? Mpeg1Layer3Kbps[bitrateIndex] : Mpeg2Layer3Kbps[bitrateIndex];
        var samplesPerFrame = version == 0b11 ? 1152 : 576;
        return (samplesPerFrame / 8 * kbps * 1000 / sampleRates[sampleRateIndex]) + padding;
    }
}
