using System.Buffers.Binary;

namespace OpenClaw.Agent.Media;

/// <summary>
/// Recognises the image formats generation and edits deal in (PNG, JPEG, WebP, GIF) by their first bytes, and reads their
/// pixel size from the header — without decoding, so a corrupt or foreign file is refused before it is sent anywhere.
/// </summary>
public static class ImageHeader
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>
    /// <c>image/png</c>, <c>image/jpeg</c>, <c>image/webp</c> or <c>image/gif</c> from the magic bytes; <see langword="null"/>
    /// for anything else (the extension is never trusted: a renamed file is still what its bytes say).
    /// </summary>
    public static string? DetectMediaType(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith(PngSignature))
        {
            return "image/png";
        }
        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
        {
            return "image/jpeg";
        }
        if (data.Length >= 12 && data[..4].SequenceEqual("RIFF"u8) && data.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }
        if (data.StartsWith("GIF87a"u8) || data.StartsWith("GIF89a"u8))
        {
            return "image/gif";
        }
        return null;
    }

    /// <summary>The file extension (without dot) for an image media type: <c>png</c>, <c>jpg</c>, <c>webp</c>, <c>gif</c>.</summary>
    public static string? ExtensionOf(string? mediaType) => mediaType?.Trim().ToLowerInvariant() switch
    {
        "image/png" => "png",
        "image/jpeg" or "image/jpg" => "jpg",
        "image/webp" => "webp",
        "image/gif" => "gif",
        _ => null,
    };

    /// <summary>
    /// The width and height in pixels from a PNG <c>IHDR</c>, a JPEG start-of-frame marker, a WebP <c>VP8 </c>/<c>VP8L</c>/<c>VP8X</c>
    /// chunk or a GIF logical screen descriptor; false when the header is missing, truncated or not one of those.
    /// </summary>
    public static bool TryReadSize(ReadOnlySpan<byte> data, out int width, out int height)
    {
        width = 0;
        height = 0;
        var found = DetectMediaType(data) switch
        {
            "image/png" => TryPng(data, out width, out height),
            "image/jpeg" => TryJpeg(data, out width, out height),
            "image/webp" => TryWebP(data, out width, out height),
            "image/gif" => TryGif(data, out width, out height),
            _ => false,
        };
        if (!found || width <= 0 || height <= 0)
        {
            width = 0;
            height = 0;
            return false;
        }
        return true;
    }

    private static bool TryPng(ReadOnlySpan<byte> data, out int width, out int height)
    {
        width = 0;
        height = 0;
        // Signature (8), chunk length (4), "IHDR" (4), width (4), height (4).
        if (data.Length < 24 || !data.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            return false;
        }
        var w = BinaryPrimitives.ReadUInt32BigEndian(data.Slice(16, 4));
        var h = BinaryPrimitives.ReadUInt32BigEndian(data.Slice(20, 4));
        if (w > int.MaxValue || h > int.MaxValue)
        {
            return false;
        }
        width = (int)w;
        height = (int)h;
        return true;
    }

    private static bool TryJpeg(ReadOnlySpan<byte> data, out int width, out int height)
    {
        width = 0;
        height = 0;
        var position = 2;
        while (position + 4 <= data.Length)
        {
            if (data[position] != 0xFF)
            {
                return false;
            }
            var marker = data[position + 1];
            if (marker == 0xFF)
            {
                // Fill byte before a marker.
                position++;
                continue;
            }
            if (marker is 0xD8 or 0x01 || marker is >= 0xD0 and <= 0xD7)
            {
                // Markers without a length.
                position += 2;
                continue;
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(data.Slice(position + 2, 2));
            if (length < 2)
            {
                return false;
            }
            // Start of frame: C0–CF except DHT (C4), JPG (C8) and DAC (CC).
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                if (position + 9 > data.Length)
                {
                    return false;
                }
                height = BinaryPrimitives.ReadUInt16BigEndian(data.Slice(position + 5, 2));
                width = BinaryPrimitives.ReadUInt16BigEndian(data.Slice(position + 7, 2));
                return true;
            }
            if (marker is 0xD9 or 0xDA)
            {
                // End of image, or start of scan before any frame header.
                return false;
            }
            position += 2 + length;
        }
        return false;
    }

    private static bool TryWebP(ReadOnlySpan<byte> data, out int width, out int height)
    {
        width = 0;
        height = 0;
        if (data.Length < 30)
        {
            return false;
        }
        var chunk = data.Slice(12, 4);
        if (chunk.SequenceEqual("VP8 "u8))
        {
            // Frame tag (3) then the start code 9D 01 2A, then 14-bit width and height.
            if (data[23] != 0x9D || data[24] != 0x01 || data[25] != 0x2A)
            {
                return false;
            }
            width = BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(26, 2)) & 0x3FFF;
            height = BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(28, 2)) & 0x3FFF;
            return true;
        }
        if (chunk.SequenceEqual("VP8L"u8))
        {
            if (data[20] != 0x2F)
            {
                return false;
            }
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(21, 4));
            width = (int)(bits & 0x3FFF) + 1;
            height = (int)((bits >> 14) & 0x3FFF) + 1;
            return true;
        }
        if (chunk.SequenceEqual("VP8X"u8))
        {
            width = (data[24] | (data[25] << 8) | (data[26] << 16)) + 1;
            height = (data[27] | (data[28] << 8) | (data[29] << 16)) + 1;
            return true;
        }
        return false;
    }

    private static bool TryGif(ReadOnlySpan<byte> data, out int width, out int height)
    {
        width = 0;
        height = 0;
        if (data.Length < 10)
        {
            return false;
        }
        width = BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(6, 2));
        height = BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(8, 2));
        return true;
    }
}
