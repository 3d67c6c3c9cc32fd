using System.Buffers.Binary;
using System.Text;
using OpenClaw.OpenRouter.Emulator;
using OpenClaw.OpenRouter.Images;
using OpenClaw.OpenRouter.Tests.Support;

namespace OpenClaw.OpenRouter.Tests.Images;

/// <summary>What the image tests share: model ids, a PNG reader, and the one chat request a generation sends.</summary>
internal static class ImageTestKit
{
    public const string Gemini = "google/gemini-3.1-flash-image-preview";
    public const string GeminiPro = "google/gemini-3-pro-image-preview";
    public const string GptImage = "openai/gpt-5.4-image-2";
    public const string Prompt = "A red square on white";

    /// <summary>The emulator answers this many completion tokens per image.</summary>
    public const int ImageTokens = 1290;

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Asserts a PNG (signature, then an IHDR chunk) and returns its size.</summary>
    public static (int Width, int Height) PngSize(ReadOnlyMemory<byte> data)
    {
        var png = data.Span;
        Assert.True(png.Length >= 33, $"A PNG needs at least 33 bytes; got {png.Length}.");
        Assert.Equal(PngSignature, png[..8].ToArray());
        Assert.Equal("IHDR", Encoding.ASCII.GetString(png.Slice(12, 4)));
        return (BinaryPrimitives.ReadInt32BigEndian(png.Slice(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.Slice(20, 4)));
    }

    /// <summary>The one chat request the emulator received.</summary>
    public static JournalEntry SingleRequest(ClientHarness harness) => Assert.Single(harness.ChatRequests);

    public static OpenRouterImageRequest Request(string? model = Gemini, double? count = null, string? aspectRatio = null, string? resolution = null) =>
        new() { Prompt = Prompt, Model = model, Count = count, AspectRatio = aspectRatio, Resolution = resolution };

    public static Task<OpenRouterImageResult> GenerateAsync(ClientHarness harness, OpenRouterImageRequest request) =>
        harness.Client.GenerateImagesAsync(request, TestContext.Current.CancellationToken);
}
