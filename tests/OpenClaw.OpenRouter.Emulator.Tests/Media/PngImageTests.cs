using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using OpenClaw.OpenRouter.Emulator.Media;

namespace OpenClaw.OpenRouter.Emulator.Tests.Media;

public sealed class PngImageTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void Create_StartsWithPngSignature()
    {
        var png = PngImage.Create(8, 4, seed: 1);

        Assert.Equal(PngSignature, png[..8]);
    }

    [Fact]
    public void Create_HasIhdrIdatIendChunksInOrder()
    {
        var png = PngImage.Create(8, 4, seed: 1);

        Assert.Equal(["IHDR", "IDAT", "IEND"], ReadChunks(png).Select(chunk => chunk.Type));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(64, 36)]
    [InlineData(27, 64)]
    [InlineData(256, 256)]
    public void Create_HeaderDescribesEightBitTruecolourImageOfRequestedSize(int width, int height)
    {
        var header = ReadChunks(PngImage.Create(width, height, seed: 7)).Single(chunk => chunk.Type == "IHDR").Data;

        Assert.Equal(13, header.Length);
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(0, 4)));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4, 4)));
        Assert.Equal(8, header[8]);
        Assert.Equal(2, header[9]);
        Assert.Equal(0, header[10]);
        Assert.Equal(0, header[11]);
        Assert.Equal(0, header[12]);
    }

    [Theory]
    [InlineData(1, 1, 0u)]
    [InlineData(64, 36, 42u)]
    [InlineData(300, 200, uint.MaxValue)]
    public void Create_EveryChunkCrcMatchesIndependentCrc32(int width, int height, uint seed)
    {
        var chunks = ReadChunks(PngImage.Create(width, height, seed));

        Assert.All(chunks, chunk =>
        {
            var typeAndData = Encoding.ASCII.GetBytes(chunk.Type).Concat(chunk.Data).ToArray();
            Assert.Equal(BitwiseCrc32(typeAndData), chunk.Crc);
        });
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(64, 36)]
    [InlineData(9, 64)]
    public void Create_IdatInflatesToOneFilteredScanlinePerRow(int width, int height)
    {
        var idat = ReadChunks(PngImage.Create(width, height, seed: 3)).Single(chunk => chunk.Type == "IDAT").Data;

        var scanlines = Inflate(idat);

        var stride = 1 + (3 * width);
        Assert.Equal(height * stride, scanlines.Length);
        for (var row = 0; row < height; row++)
        {
            Assert.Equal(0, scanlines[row * stride]);
        }
    }

    [Fact]
    public void Create_SameSeed_GivesIdenticalBytes()
    {
        Assert.Equal(PngImage.Create(64, 36, seed: 1234), PngImage.Create(64, 36, seed: 1234));
    }

    [Fact]
    public void Create_DifferentSeeds_GiveDifferentBytes()
    {
        var images = Enumerable.Range(0, 16)
            .Select(seed => Convert.ToHexString(PngImage.Create(16, 16, (uint)seed)))
            .ToArray();

        Assert.Equal(images.Length, images.Distinct().Count());
    }

    [Fact]
    public void Create_ImageIsNotASingleFlatColour()
    {
        var idat = ReadChunks(PngImage.Create(16, 16, seed: 5)).Single(chunk => chunk.Type == "IDAT").Data;
        var scanlines = Inflate(idat);

        var firstPixel = scanlines.AsSpan(1, 3).ToArray();
        var lastPixel = scanlines.AsSpan(scanlines.Length - 3, 3).ToArray();
        Assert.NotEqual(firstPixel, lastPixel);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    [InlineData(-1, 1)]
    [InlineData(4097, 1)]
    [InlineData(1, 4097)]
    public void Create_DimensionOutOfRange_Throws(int width, int height)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PngImage.Create(width, height, seed: 0));
    }

    [Fact]
    public void Create_AcceptsMaximumDimension()
    {
        var header = ReadChunks(PngImage.Create(4096, 1, seed: 0)).Single(chunk => chunk.Type == "IHDR").Data;

        Assert.Equal(4096, BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(0, 4)));
    }

    private static List<PngChunk> ReadChunks(byte[] png)
    {
        var chunks = new List<PngChunk>();
        var offset = PngSignature.Length;
        while (offset < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset, 4));
            var type = Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length).ToArray();
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length, 4));
            chunks.Add(new PngChunk(type, data, crc));
            offset += 12 + length;
        }

        Assert.Equal(png.Length, offset);
        return chunks;
    }

    private static byte[] Inflate(byte[] zlibData)
    {
        using var zlib = new ZLibStream(new MemoryStream(zlibData), CompressionMode.Decompress);
        using var inflated = new MemoryStream();
        zlib.CopyTo(inflated);
        return inflated.ToArray();
    }

    // Bit-at-a-time CRC-32, deliberately unlike the table-driven production code so the two check each other.
    private static uint BitwiseCrc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var value in bytes)
        {
            crc ^= value;
            for (var bit = 0; bit < 8; bit++)
            {
                var mask = 0u - (crc & 1);
                crc = (crc >> 1) ^ (0xEDB88320u & mask);
            }
        }

        return ~crc;
    }

    private sealed record PngChunk(string Type, byte[] Data, uint Crc);
}
