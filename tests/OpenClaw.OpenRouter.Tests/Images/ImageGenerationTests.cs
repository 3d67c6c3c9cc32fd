using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Emulator;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Images;
using OpenClaw.OpenRouter.Media;
using OpenClaw.OpenRouter.Tests.Support;
using static OpenClaw.OpenRouter.Tests.Images.ImageTestKit;

namespace OpenClaw.OpenRouter.Tests.Images;

/// <summary>Image generation through chat completions against the emulator: the request on the wire and the images back (provider spec §15.1).</summary>
public sealed class ImageGenerationTests
{
    private const string Categories = "cli-agent,cloud-agent,programming-app,creative-writing,writing-assistant,general-chat,personal-agent";

    [Fact]
    public async Task Gemini_sends_n_and_image_config_in_the_specs_key_order_and_gets_pngs_of_that_geometry()
    {
        await using var harness = await ClientHarness.StartAsync();

        var result = await GenerateAsync(harness, Request("openrouter/google/gemini-3.1-flash-image-preview", count: 2, aspectRatio: "16:9", resolution: "2K"));

        var entry = SingleRequest(harness);
        Assert.Equal("POST", entry.Method);
        Assert.Equal("/api/v1/chat/completions", entry.Path);
        Assert.Equal(
            """{"model":"google/gemini-3.1-flash-image-preview","messages":[{"role":"user","content":"A red square on white"}],"modalities":["image","text"],"n":2,"image_config":{"aspect_ratio":"16:9","image_size":"2K"}}""",
            entry.BodyText);
        Assert.Equal(2, result.Images.Count);
        for (var i = 0; i < 2; i++)
        {
            var image = result.Images[i];
            Assert.Equal((128, 72), PngSize(image.Data));
            Assert.Equal("image/png", image.MediaType);
            Assert.Equal($"image-{i + 1}.png", image.FileName);
            Assert.Null(image.RevisedPrompt);
        }
        Assert.False(result.Images[0].Data.Span.SequenceEqual(result.Images[1].Data.Span));
        Assert.Equal(Gemini, result.Model);
        Assert.Equal("Here are your 2 images.", result.Text);
    }

    [Fact]
    public async Task Gpt_image_gets_neither_aspect_ratio_nor_resolution()
    {
        await using var harness = await ClientHarness.StartAsync();

        var result = await GenerateAsync(harness, Request(GptImage, aspectRatio: "16:9", resolution: "4K"));

        Assert.Equal(
            """{"model":"openai/gpt-5.4-image-2","messages":[{"role":"user","content":"A red square on white"}],"modalities":["image","text"],"n":1}""",
            SingleRequest(harness).BodyText);
        Assert.Equal((64, 64), PngSize(Assert.Single(result.Images).Data));
        Assert.Equal(GptImage, result.Model);
    }

    [Theory]
    [InlineData("16:9", null, "\"image_config\":{\"aspect_ratio\":\"16:9\"}", 64, 36)]
    [InlineData(null, "4K", "\"image_config\":{\"image_size\":\"4K\"}", 256, 256)]
    [InlineData(" ", "", "", 64, 64)]
    [InlineData(null, null, "", 64, 64)]
    public async Task Image_config_carries_only_its_non_empty_members(string? aspectRatio, string? resolution, string imageConfig, int width, int height)
    {
        await using var harness = await ClientHarness.StartAsync();

        var result = await GenerateAsync(harness, Request(GeminiPro, aspectRatio: aspectRatio, resolution: resolution));

        var tail = imageConfig.Length == 0 ? "}" : "," + imageConfig + "}";
        Assert.Equal(
            """{"model":"google/gemini-3-pro-image-preview","messages":[{"role":"user","content":"A red square on white"}],"modalities":["image","text"],"n":1""" + tail,
            SingleRequest(harness).BodyText);
        Assert.Equal((width, height), PngSize(Assert.Single(result.Images).Data));
    }

    [Fact]
    public async Task Without_a_model_the_default_image_model_is_used()
    {
        await using var harness = await ClientHarness.StartAsync();

        var result = await GenerateAsync(harness, Request(model: null));

        Assert.Equal(OpenRouterImageModels.DefaultModel, SingleRequest(harness).BodyJson!["model"]!.GetValue<string>());
        Assert.Equal(OpenRouterImageModels.DefaultModel, result.Model);
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData(0d, 1)]
    [InlineData(-3d, 1)]
    [InlineData(1d, 1)]
    [InlineData(2.7, 2)]
    [InlineData(4.99, 4)]
    [InlineData(9d, 4)]
    [InlineData(double.NaN, 1)]
    [InlineData(double.PositiveInfinity, 1)]
    [InlineData(double.NegativeInfinity, 1)]
    [InlineData(1e300, 4)]
    public async Task N_is_truncated_and_clamped_to_1_to_4(double? count, int n)
    {
        await using var harness = await ClientHarness.StartAsync();

        var result = await GenerateAsync(harness, Request(count: count));

        Assert.Equal(n, SingleRequest(harness).BodyJson!["n"]!.GetValue<int>());
        Assert.Equal(n, result.Images.Count);
        Assert.Equal(Enumerable.Range(1, n).Select(i => $"image-{i}.png"), result.Images.Select(image => image.FileName));
    }

    [Fact]
    public async Task Input_images_turn_the_content_into_a_text_part_and_image_url_parts()
    {
        await using var harness = await ClientHarness.StartAsync();
        var request = Request() with
        {
            Prompt = "Make it blue",
            InputImages =
            [
                OpenRouterMediaInput.FromBytes(new byte[] { 1, 2, 3 }, "image/png"),
                OpenRouterMediaInput.FromBytes(new byte[] { 0xFF, 0xD8, 0xFF }, "image/jpeg"),
                OpenRouterMediaInput.FromBytes(new byte[] { 9 }),
                OpenRouterMediaInput.FromUrl("https://example.com/cat.webp"),
                OpenRouterMediaInput.FromUrl("data:image/gif;base64,R0lGODlh"),
            ],
        };

        var result = await GenerateAsync(harness, request);

        Assert.Equal(
            """{"model":"google/gemini-3.1-flash-image-preview","messages":[{"role":"user","content":[{"type":"text","text":"Make it blue"},""" +
            """{"type":"image_url","image_url":{"url":"data:image/png;base64,AQID"}},{"type":"image_url","image_url":{"url":"data:image/jpeg;base64,/9j/"}},""" +
            """{"type":"image_url","image_url":{"url":"data:image/png;base64,CQ=="}},{"type":"image_url","image_url":{"url":"https://example.com/cat.webp"}},""" +
            """{"type":"image_url","image_url":{"url":"data:image/gif;base64,R0lGODlh"}}]}],"modalities":["image","text"],"n":1}""",
            SingleRequest(harness).BodyText);
        Assert.Single(result.Images);
    }

    [Fact]
    public async Task Six_input_images_are_refused_before_anything_is_sent()
    {
        await using var harness = await ClientHarness.StartAsync();
        var request = Request("openrouter/google/gemini-3-pro-image-preview") with
        {
            InputImages = [.. Enumerable.Range(0, 6).Select(i => OpenRouterMediaInput.FromBytes(new byte[] { (byte)i }, "image/png"))],
        };

        var error = await Assert.ThrowsAsync<OpenRouterInvalidRequestException>(() => GenerateAsync(harness, request));

        Assert.Equal("OpenRouter image model google/gemini-3-pro-image-preview supports at most 5 reference images.", error.Message);
        Assert.Empty(harness.Emulator.Journal.Entries);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_prompt_is_refused_before_anything_is_sent(string prompt)
    {
        await using var harness = await ClientHarness.StartAsync();

        var error = await Assert.ThrowsAsync<OpenRouterInvalidRequestException>(() => GenerateAsync(harness, Request() with { Prompt = prompt }));

        Assert.Equal("OpenRouter image generation needs a prompt.", error.Message);
        Assert.Empty(harness.Emulator.Journal.Entries);
    }

    [Fact]
    public async Task An_input_with_neither_bytes_nor_a_url_is_refused()
    {
        await using var harness = await ClientHarness.StartAsync();
        var request = Request() with { InputImages = [OpenRouterMediaInput.FromBytes(ReadOnlyMemory<byte>.Empty, "image/png")] };

        var error = await Assert.ThrowsAsync<OpenRouterInvalidRequestException>(() => GenerateAsync(harness, request));

        Assert.Equal("OpenRouter image generation: input image 1 has neither bytes nor a URL.", error.Message);
        Assert.Empty(harness.Emulator.Journal.Entries);
    }

    [Fact]
    public async Task Without_a_key_nothing_is_sent()
    {
        await using var harness = await ClientHarness.StartAsync(configure: options => options.ApiKey = "  ");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => GenerateAsync(harness, Request()));

        Assert.Equal("OpenRouter API key missing", error.Message);
        Assert.Empty(harness.Emulator.Journal.Entries);
    }

    [Theory]
    [InlineData(TestRoute.Canonical, "https://openrouter.ai/api/v1/chat/completions", true)]
    [InlineData(TestRoute.OtherOpenRouterHost, "https://eu.openrouter.ai/api/v1/chat/completions", true)]
    [InlineData(TestRoute.Custom, "https://proxy.example.com/v1/chat/completions", false)]
    [InlineData(TestRoute.Local, null, false)]
    public async Task Headers_carry_the_key_json_and_attribution_with_categories_only_on_an_OpenRouter_endpoint(TestRoute route, string? url, bool categories)
    {
        await using var harness = await ClientHarness.StartAsync(route);

        await GenerateAsync(harness, Request());

        var entry = SingleRequest(harness);
        Assert.Equal(url ?? harness.Emulator.BaseUrl.AbsoluteUri.TrimEnd('/') + "/chat/completions", Assert.Single(harness.Handler.Requested).AbsoluteUri);
        Assert.Equal("Bearer " + ApiKeyRegistry.DefaultKey, entry.Header("Authorization"));
        Assert.Equal("application/json", entry.Header("Content-Type"));
        Assert.Equal("https://openclaw.ai", entry.Header("HTTP-Referer"));
        Assert.Equal("OpenClaw", entry.Header("X-OpenRouter-Title"));
        Assert.Equal(categories ? Categories : null, entry.Header("X-OpenRouter-Categories"));
        Assert.Null(entry.Header("X-Title"));
    }

    [Fact]
    public async Task Configured_headers_go_along_and_no_attribution_is_sent_when_none_is_configured()
    {
        await using var harness = await ClientHarness.StartAsync(configure: options =>
        {
            options.Attribution = null;
            options.Headers["X-Custom"] = "yes";
        });

        await GenerateAsync(harness, Request());

        var entry = SingleRequest(harness);
        Assert.Equal("yes", entry.Header("X-Custom"));
        Assert.Equal("Bearer " + ApiKeyRegistry.DefaultKey, entry.Header("Authorization"));
        Assert.Null(entry.Header("HTTP-Referer"));
        Assert.Null(entry.Header("X-OpenRouter-Title"));
        Assert.Null(entry.Header("X-OpenRouter-Categories"));
    }

    [Fact]
    public async Task The_result_carries_the_generation_id_provider_and_billed_usage_that_the_generation_record_confirms()
    {
        await using var harness = await ClientHarness.StartAsync();

        var result = await GenerateAsync(harness, Request(count: 2));

        Assert.StartsWith("gen-", result.Id, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(result.Provider));
        var usage = Assert.IsType<OpenRouterUsage>(result.Usage);
        Assert.Equal(OpenRouterUsage.ProviderBilled, usage.CostOrigin);
        Assert.True(usage.Cost > 0);
        Assert.True(usage.CompletionTokens >= 2 * ImageTokens);
        Assert.Equal(ImageTokens * 2L, usage.Raw!["completion_tokens_details"]!["image_tokens"]!.GetValue<long>());
        var generation = await harness.Client.GetGenerationAsync(result.Id!, TestContext.Current.CancellationToken);
        Assert.Equal(usage.Cost, generation.TotalCost);
        Assert.Equal(usage.PromptTokens, generation.TokensPrompt);
        Assert.Equal(usage.CompletionTokens, generation.TokensCompletion);
        Assert.Equal(result.Provider, generation.ProviderName);
    }

    [Fact]
    public async Task The_same_prompt_draws_the_same_pixels()
    {
        await using var harness = await ClientHarness.StartAsync();

        var first = await GenerateAsync(harness, Request());
        var second = await GenerateAsync(harness, Request());

        Assert.True(first.Images[0].Data.Span.SequenceEqual(second.Images[0].Data.Span));
        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public async Task Without_an_injected_handler_the_guard_refuses_a_loopback_base_url()
    {
        await using var harness = await ClientHarness.StartAsync(TestRoute.Local, options => options.Handler = null);

        var error = await Assert.ThrowsAsync<OpenRouterBlockedNetworkException>(() => GenerateAsync(harness, Request()));

        Assert.Equal(OpenRouterBlockedNetworkException.BlockedMessage, error.Message);
        Assert.Empty(harness.Emulator.Journal.Entries);
    }
}
