using System.Buffers.Binary;
using System.Drawing;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenClaw.OpenRouter.AI;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Images;
using OpenClaw.OpenRouter.Tests.Support;

namespace OpenClaw.OpenRouter.Tests.AI;

/// <summary>The MEAI image generator against the emulator: options to the wire, images and usage back.</summary>
public sealed class OpenRouterImageGeneratorTests
{
    private const string Gemini = "google/gemini-3.1-flash-image-preview";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static (int Width, int Height) PngSize(ReadOnlyMemory<byte> data)
    {
        var png = data.Span;
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8].ToArray());
        Assert.Equal("IHDR", Encoding.ASCII.GetString(png.Slice(12, 4)));
        return (BinaryPrimitives.ReadInt32BigEndian(png.Slice(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.Slice(20, 4)));
    }

    private static string SentBody(ClientHarness harness) => Assert.Single(harness.ChatRequests).BodyText;

    [Fact]
    public async Task Model_count_and_geometry_properties_reach_the_wire_and_images_come_back_as_named_data_content()
    {
        await using var harness = await ClientHarness.StartAsync();
        using var generator = new OpenRouterImageGenerator(harness.Client);
        var options = new ImageGenerationOptions
        {
            ModelId = "openrouter/google/gemini-3-pro-image-preview",
            Count = 3,
            AdditionalProperties = new() { ["aspect_ratio"] = "9:16", ["resolution"] = "2K" },
        };

        var response = await generator.GenerateAsync(new ImageGenerationRequest("A lighthouse"), options, Token);

        Assert.Equal(
            """{"model":"google/gemini-3-pro-image-preview","messages":[{"role":"user","content":"A lighthouse"}],"modalities":["image","text"],"n":3,"image_config":{"aspect_ratio":"9:16","image_size":"2K"}}""",
            SentBody(harness));
        Assert.Equal(3, response.Contents.Count);
        for (var i = 0; i < 3; i++)
        {
            var image = Assert.IsType<DataContent>(response.Contents[i]);
            Assert.Equal("image/png", image.MediaType);
            Assert.Equal($"image-{i + 1}.png", image.Name);
            Assert.Equal((72, 128), PngSize(image.Data));
            Assert.IsType<OpenRouterGeneratedImage>(image.RawRepresentation);
        }
        var raw = Assert.IsType<OpenRouterImageResult>(response.RawRepresentation);
        Assert.Equal("google/gemini-3-pro-image-preview", raw.Model);
        Assert.True(raw.Images[0].Data.Span.SequenceEqual(((DataContent)response.Contents[0]).Data.Span));
    }

    [Fact]
    public async Task Usage_reports_prompt_completion_and_total_tokens_and_the_billed_cost()
    {
        await using var harness = await ClientHarness.StartAsync();
        using var generator = new OpenRouterImageGenerator(harness.Client);

        var response = await generator.GenerateAsync(new ImageGenerationRequest("A lighthouse"), cancellationToken: Token);

        var raw = Assert.IsType<OpenRouterImageResult>(response.RawRepresentation);
        var usage = Assert.IsType<UsageDetails>(response.Usage);
        Assert.Equal(raw.Usage!.PromptTokens, usage.InputTokenCount);
        Assert.Equal(raw.Usage.CompletionTokens, usage.OutputTokenCount);
        Assert.Equal(raw.Usage.PromptTokens + raw.Usage.CompletionTokens, usage.TotalTokenCount);
        Assert.True(usage.OutputTokenCount >= 1290);
        Assert.Equal((long)Math.Round(raw.Usage.Cost!.Value * 1_000_000_000_000m), usage.AdditionalCounts![OpenRouterPropertyNames.CostPicodollars]);
    }

    [Fact]
    public void Without_usage_in_the_answer_the_response_has_none()
    {
        var result = new OpenRouterImageResult
        {
            Images = [new OpenRouterGeneratedImage { Data = new byte[] { 1 }, MediaType = "image/webp", FileName = "image-1.webp" }],
            Model = Gemini,
        };

        var response = OpenRouterImageGenerator.ToResponse(result);

        Assert.Null(response.Usage);
        var image = Assert.IsType<DataContent>(Assert.Single(response.Contents));
        Assert.Equal("image/webp", image.MediaType);
        Assert.Equal("image-1.webp", image.Name);
        Assert.Same(result, response.RawRepresentation);
    }

    [Theory]
    [InlineData(1920, 1080, "16:9", "2K")]
    [InlineData(1024, 1024, "1:1", "1K")]
    [InlineData(1080, 1920, "9:16", "2K")]
    [InlineData(4096, 3072, "4:3", "4K")]
    [InlineData(2048, 2049, "2048:2049", "4K")]
    [InlineData(800, 600, "4:3", "1K")]
    [InlineData(2560, 1097, "2560:1097", "4K")]
    public void Image_size_becomes_a_reduced_aspect_ratio_and_a_resolution_class(int width, int height, string aspectRatio, string resolution)
    {
        Assert.Equal((aspectRatio, resolution), OpenRouterImageGenerator.FromSize(width, height));
    }

    [Fact]
    public void A_size_that_is_not_positive_says_nothing()
    {
        Assert.Equal((null, null), OpenRouterImageGenerator.FromSize(0, 1080));
        Assert.Equal((null, null), OpenRouterImageGenerator.FromSize(1920, -1));
    }

    [Fact]
    public async Task Image_size_derives_the_image_config_on_the_wire()
    {
        await using var harness = await ClientHarness.StartAsync();
        using var generator = new OpenRouterImageGenerator(harness.Client);

        var response = await generator.GenerateAsync(new ImageGenerationRequest("A lighthouse"), new ImageGenerationOptions { ImageSize = new Size(1920, 1080) }, Token);

        Assert.Equal(
            """{"model":"google/gemini-3.1-flash-image-preview","messages":[{"role":"user","content":"A lighthouse"}],"modalities":["image","text"],"n":1,"image_config":{"aspect_ratio":"16:9","image_size":"2K"}}""",
            SentBody(harness));
        Assert.Equal((128, 72), PngSize(((DataContent)Assert.Single(response.Contents)).Data));
    }

    [Fact]
    public void Explicit_properties_win_over_the_derived_geometry_and_json_values_are_read()
    {
        var options = new ImageGenerationOptions
        {
            ImageSize = new Size(1920, 1080),
            AdditionalProperties = new()
            {
                ["aspect_ratio"] = JsonDocument.Parse("\"21:9\"").RootElement,
                ["timeout_ms"] = JsonDocument.Parse("2500").RootElement,
            },
        };

        var request = OpenRouterImageGenerator.ToImageRequest(new ImageGenerationRequest("p"), options, Gemini);

        Assert.Equal("21:9", request.AspectRatio);
        Assert.Equal("2K", request.Resolution);
        Assert.Equal(TimeSpan.FromMilliseconds(2500), request.Timeout);
    }

    [Theory]
    [InlineData(60000)]
    [InlineData(60000L)]
    [InlineData(60000d)]
    [InlineData("60000")]
    public void Timeout_ms_accepts_numbers_and_numeric_text(object value)
    {
        var options = new ImageGenerationOptions { AdditionalProperties = new() { ["timeout_ms"] = value } };

        var request = OpenRouterImageGenerator.ToImageRequest(new ImageGenerationRequest("p"), options, Gemini);

        Assert.Equal(TimeSpan.FromMinutes(1), request.Timeout);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData("soon")]
    [InlineData(true)]
    [InlineData(double.NaN)]
    public void A_timeout_ms_that_is_not_a_positive_number_is_refused(object value)
    {
        var options = new ImageGenerationOptions { AdditionalProperties = new() { ["timeout_ms"] = value } };

        var error = Assert.Throws<ArgumentException>(() => OpenRouterImageGenerator.ToImageRequest(new ImageGenerationRequest("p"), options, Gemini));

        Assert.StartsWith("timeout_ms must be a positive number of milliseconds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_options_the_default_model_and_nothing_else_is_used()
    {
        var request = OpenRouterImageGenerator.ToImageRequest(new ImageGenerationRequest("p"), null, "openai/gpt-5.4-image-2");

        Assert.Equal("openai/gpt-5.4-image-2", request.Model);
        Assert.Null(request.Count);
        Assert.Null(request.AspectRatio);
        Assert.Null(request.Resolution);
        Assert.Null(request.Timeout);
        Assert.Empty(request.InputImages);
    }

    [Fact]
    public async Task The_default_model_given_to_the_generator_is_used_when_the_options_name_none()
    {
        await using var harness = await ClientHarness.StartAsync();
        using var generator = new OpenRouterImageGenerator(harness.Client, " openrouter/openai/gpt-5.4-image-2 ");

        var response = await generator.GenerateAsync(new ImageGenerationRequest("A lighthouse"), new ImageGenerationOptions { Count = 2 }, Token);

        Assert.Equal(
            """{"model":"openai/gpt-5.4-image-2","messages":[{"role":"user","content":"A lighthouse"}],"modalities":["image","text"],"n":2}""",
            SentBody(harness));
        Assert.Equal(2, response.Contents.Count);
        Assert.Equal("openrouter/openai/gpt-5.4-image-2", generator.DefaultModelId);
    }

    [Fact]
    public async Task Original_images_become_image_url_parts()
    {
        await using var harness = await ClientHarness.StartAsync();
        using var generator = new OpenRouterImageGenerator(harness.Client);
        var request = new ImageGenerationRequest("Make it blue",
        [
            new DataContent(new byte[] { 1, 2, 3 }, "image/png"),
            new DataContent("data:image/jpeg;base64,/9j/"),
            new UriContent(new Uri("https://example.com/cat.webp"), "image/webp"),
        ]);

        await generator.GenerateAsync(request, cancellationToken: Token);

        Assert.Equal(
            """{"model":"google/gemini-3.1-flash-image-preview","messages":[{"role":"user","content":[{"type":"text","text":"Make it blue"},""" +
            """{"type":"image_url","image_url":{"url":"data:image/png;base64,AQID"}},{"type":"image_url","image_url":{"url":"data:image/jpeg;base64,/9j/"}},""" +
            """{"type":"image_url","image_url":{"url":"https://example.com/cat.webp"}}]}],"modalities":["image","text"],"n":1}""",
            SentBody(harness));
    }

    [Fact]
    public async Task Six_original_images_are_refused_before_anything_is_sent()
    {
        await using var harness = await ClientHarness.StartAsync();
        using var generator = new OpenRouterImageGenerator(harness.Client);
        var request = new ImageGenerationRequest("p", [.. Enumerable.Range(0, 6).Select(i => new DataContent(new byte[] { (byte)i }, "image/png"))]);

        var error = await Assert.ThrowsAsync<OpenRouterInvalidRequestException>(() => generator.GenerateAsync(request, cancellationToken: Token));

        Assert.Equal("OpenRouter image model google/gemini-3.1-flash-image-preview supports at most 5 reference images.", error.Message);
        Assert.Empty(harness.Emulator.Journal.Entries);
    }

    [Fact]
    public void An_original_image_of_another_content_type_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            OpenRouterImageGenerator.ToImageRequest(new ImageGenerationRequest("p", [new TextContent("not an image")]), null, Gemini));

        Assert.StartsWith("An original image must be DataContent or UriContent, not TextContent.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_prompt_is_refused()
    {
        await using var harness = await ClientHarness.StartAsync();
        using var generator = new OpenRouterImageGenerator(harness.Client);

        var error = await Assert.ThrowsAsync<OpenRouterInvalidRequestException>(() => generator.GenerateAsync(new ImageGenerationRequest(), cancellationToken: Token));

        Assert.Equal("OpenRouter image generation needs a prompt.", error.Message);
    }

    [Fact]
    public async Task Errors_surface_as_the_clients_typed_errors()
    {
        await using var harness = await ClientHarness.StartAsync();
        using var generator = new OpenRouterImageGenerator(harness.Client);
        harness.Emulator.Faults.Enqueue("server-error", "/chat/completions");

        var error = await Assert.ThrowsAsync<OpenRouterServerException>(() => generator.GenerateAsync(new ImageGenerationRequest("p"), cancellationToken: Token));

        Assert.Equal("OpenRouter image generation failed (HTTP 500): Internal Server Error", error.Message);
    }

    [Fact]
    public async Task Metadata_and_services_name_the_provider_and_the_client()
    {
        await using var harness = await ClientHarness.StartAsync();
        using var generator = new OpenRouterImageGenerator(harness.Client);

        var metadata = Assert.IsType<ImageGeneratorMetadata>(generator.GetService(typeof(ImageGeneratorMetadata)));

        Assert.Equal("openrouter", metadata.ProviderName);
        Assert.Equal(Gemini, metadata.DefaultModelId);
        Assert.Same(harness.Client, generator.GetService(typeof(OpenRouterClient)));
        Assert.Same(generator, generator.GetService(typeof(IImageGenerator)));
        Assert.Null(generator.GetService(typeof(OpenRouterClient), "key"));
    }
}
