using System.Buffers.Binary;
using System.IO.Compression;

namespace OpenClaw.OpenRouter.Emulator.Media;

/// <summary>
/// Writes small, deterministic truecolour PNG images: a diagonal gradient between two colours derived from a seed.
/// </summary>
internal static class PngImage
{
    public const int MaxDimension = 4096;

    private const int BytesPerPixel = 3;
    private const byte BitDepth = 8;
    private const byte ColourTypeTruecolour = 2;
    private const byte FilterTypeNone = 0;

    private static readonly uint[] CrcTable = BuildCrcTable();

    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static byte[] Create(int width, int height, uint seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, MaxDimension);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, MaxDimension);

        using var png = new MemoryStream();
        png.Write(Signature);
        WriteChunk(png, "IHDR"u8, CreateHeader(width, height));
        WriteChunk(png, "IDAT"u8, Deflate(CreateScanlines(width, height, seed)));
        WriteChunk(png, "IEND"u8, []);
        return png.ToArray();
    }

    private static byte[] CreateHeader(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(0, 4), width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4, 4), height);
        header[8] = BitDepth;
        header[9] = ColourTypeTruecolour;
        // Bytes 10..12 stay zero: deflate compression, adaptive filtering, no interlace.
        return header;
    }

    private static byte[] CreateScanlines(int width, int height, uint seed)
    {
        var (startRed, startGreen, startBlue) = ColourFrom(Mix(seed));
        var (endRed, endGreen, endBlue) = ColourFrom(Mix(seed ^ 0xA5A5A5A5u));

        var stride = 1 + (width * BytesPerPixel);
        var scanlines = new byte[height * stride];
        // Guards the 1x1 image, where the gradient has no extent.
        var gradientLength = Math.Max(1, width + height - 2);

        for (var y = 0; y < height; y++)
        {
            var row = scanlines.AsSpan(y * stride, stride);
            row[0] = FilterTypeNone;
            for (var x = 0; x < width; x++)
            {
                var position = x + y;
                var pixel = row.Slice(1 + (x * BytesPerPixel), BytesPerPixel);
                pixel[0] = Interpolate(startRed, endRed, position, gradientLength);
                pixel[1] = Interpolate(startGreen, endGreen, position, gradientLength);
                pixel[2] = Interpolate(startBlue, endBlue, position, gradientLength);
            }
        }

        return scanlines;
    }

    private static byte Interpolate(byte start, byte end, int position, int length) =>
        (byte)(start + (((end - start) * position) / length));

    private static (byte Red, byte Green, byte Blue) ColourFrom(uint value) =>
        ((byte)(value >> 16), (byte)(value >> 8), (byte)value);

    // MurmurHash3's finaliser is a bijection on 32-bit values, so neighbouring seeds spread to unrelated colours.
    private static uint Mix(uint value)
    {
        value ^= value >> 16;
        value *= 0x85EBCA6Bu;
        value ^= value >> 13;
        value *= 0xC2B2AE35u;
        value ^= value >> 16;
        return value;
    }

    private static byte[] Deflate(byte[] data)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return compressed.ToArray();
    }

    private static void WriteChunk(Stream png, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> field = stackalloc byte[4];

        BinaryPrimitives.WriteInt32BigEndian(field, data.Length);
        png.Write(field);
        png.Write(type);
        png.Write(data);

        var crc = UpdateCrc(UpdateCrc(0xFFFFFFFFu, type), data) ^ 0xFFFFFFFFu;
        BinaryPrimitives.WriteUInt32BigEndian(field, crc);
        png.Write(field);
    }

    private static uint UpdateCrc(uint crc, ReadOnlySpan<byte> bytes)
    {
        foreach (var value in bytes)
        {
            crc = CrcTable[(crc ^ value) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    private static uint[] BuildCrcTable()
    {
        const uint reversedPolynomial = 0xEDB88320u;
        var table = new uint[256];
        for (uint index = 0; index < table.Length; index++)
        {
            var entry = index;
            for (var bit = 0; bit < 8; bit++)
            {
                entry = (entry & 1) != 0 ? reversedPolynomial ^ (entry >> 1) : entry >> 1;
            }

            table[index] = entry;
        }

        return table;
    }
}
