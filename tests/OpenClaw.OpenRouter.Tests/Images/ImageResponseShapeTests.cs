using OpenClaw.OpenRouter.Emulator;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Images;
using OpenClaw.OpenRouter.Tests.Support;
using static OpenClaw.OpenRouter.Tests.Images.ImageTestKit;

namespace OpenClaw.OpenRouter.Tests.Images;

/// <summary>Every answer shape the spec allows, served by the emulator's <c>image-shape</c> fault, gives the same images.</summary>
public sealed class ImageResponseShapeTests
{
    private static OpenRouterImageRequest TwoWide() => Request(count: 2, aspectRatio: "16:9", resolution: "2K");

    [Theory]
    [InlineData("content-string", null)]
    [InlineData("content-parts", "Here are your 2 images.")]
    [InlineData("b64-json", "Here are your 2 images.")]
    [InlineData("inline-data", "Here are your 2 images.")]
    [InlineData("image-url-camel", "Here are your 2 images.")]
    public async Task Each_shape_yields_the_same_pngs_as_message_images(string shape, string? text)
    {
        await using var harness = await ClientHarness.StartAsync();
        var expected = await GenerateAsync(harness, TwoWide());
        harness.Emulator.Faults.Enqueue($"{FaultNames.ImageShape}; shape={shape}", "/chat/completions");

        var result = await GenerateAsync(harness, TwoWide());

        Assert.Equal(2, result.Images.Count);
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal((128, 72), PngSize(result.Images[i].Data));
            Assert.True(expected.Images[i].Data.Span.SequenceEqual(result.Images[i].Data.Span), $"image {i + 1} differs");
            Assert.Equal("image/png", result.Images[i].MediaType);
            Assert.Equal($"image-{i + 1}.png", result.Images[i].FileName);
        }
        // A content string keeps its text without the embedded images.
        Assert.Equal(text ?? "Here are your 2 images.", result.Text);
        Assert.NotNull(result.Usage);
    }

    [Fact]
    public async Task An_answer_without_images_is_missing_image_data()
    {
        await using var harness = await ClientHarness.StartAsync();
        harness.Emulator.Faults.Enqueue($"{FaultNames.ImageShape}; shape=no-images", "/chat/completions");

        var error = await Assert.ThrowsAsync<OpenRouterMalformedResponseException>(() => GenerateAsync(harness, Request()));

        Assert.Equal("OpenRouter image generation response missing image data", error.Message);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task Images_that_are_not_an_array_are_malformed()
    {
        await using var harness = await ClientHarness.StartAsync();
        harness.Emulator.Faults.Enqueue($"{FaultNames.ImageShape}; shape=malformed", "/chat/completions");

        var error = await Assert.ThrowsAsync<OpenRouterMalformedResponseException>(() => GenerateAsync(harness, Request()));

        Assert.Equal("OpenRouter image generation response malformed", error.Message);
    }
}
