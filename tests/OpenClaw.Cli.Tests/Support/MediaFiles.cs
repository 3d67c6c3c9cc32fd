using System.Buffers.Binary;

namespace OpenClaw.Cli.Tests.Support;

/// <summary>Checks that files the media commands write are what they claim to be.</summary>
public static class MediaFiles
{
    /// <summary>The PNG signature, then an IHDR chunk: returns its width and height.</summary>
    public static (int Width, int Height) PngSize(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.AsSpan().StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), $"{path} has no PNG signature");
        Assert.Equal("IHDR"u8.ToArray(), bytes[12..16]);
        return ((int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(16)), (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(20)));
    }

    /// <summary>An ISO media file: its first box is <c>ftyp</c>.</summary>
    public static void AssertMp4(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length >= 8, $"{path} is too short to be an MP4");
        Assert.Equal("ftyp"u8.ToArray(), bytes[4..8]);
    }

    /// <summary>A small PNG to use as an input image.</summary>
    public static byte[] TinyPng(int width = 2, int height = 2)
    {
        var bytes = new byte[8 + 25 + 12];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(8), 13);
        "IHDR"u8.CopyTo(bytes.AsSpan(12));
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(16), (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(20), (uint)height);
        bytes[24] = 8;
        bytes[25] = 6;
        "IEND"u8.CopyTo(bytes.AsSpan(8 + 25 + 4));
        return bytes;
    }

    /// <summary>Waits (without a fixed sleep) until <paramref name="condition"/> holds, for at most 30 s.</summary>
    public static async Task WaitForAsync(Func<bool> condition)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5), deadline.Token);
        }
    }
}
