using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Emulator.Tests.Support;
using static OpenClaw.OpenRouter.Emulator.Tests.Support.MediaAssertions;

namespace OpenClaw.OpenRouter.Emulator.Tests.Images;

public sealed class ImagesEndpointTests
{
    private const string ImageModel = "google/gemini-3.1-flash-image-preview";
    private const string ImageOnlyModel = "black-forest-labs/flux.2-pro";
    private const int ImageTokens = 1290;

    // ---- POST /images ----

    [Fact]
    public async Task Images_answers_a_png_with_a_generation_id_and_usage()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostAsync("/images", $$"""{"model":"{{ImageModel}}","prompt":"A red square"}""");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var generationId = response.Headers.GetValues("X-Generation-Id").Single();
        Assert.StartsWith("gen-", generationId, StringComparison.Ordinal);
        var body = await EmulatorClient.JsonAsync(response);
        Assert.Equal(generationId, Str(body["id"]));
        Assert.Equal(ImageModel, Str(body["model"]));
        Assert.True(body["created"]!.GetValue<long>() > 1_700_000_000);
        var image = Assert.Single(body["data"]!.AsArray())!;
        Assert.Equal("image/png", Str(image["media_type"]));
        AssertPng(Convert.FromBase64String(Str(image["b64_json"])), 64, 64);

        // "A red square" is 12 characters: 3 prompt tokens at $0.0000005, one image of 1290 tokens at the $0.000003 completion price.
        var usage = body["usage"]!;
        Assert.Equal(3, Int(usage["prompt_tokens"]));
        Assert.Equal(ImageTokens, Int(usage["completion_tokens"]));
        Assert.Equal(3 + ImageTokens, Int(usage["total_tokens"]));
        Assert.Equal(0.0038715m, Dec(usage["cost"]));
        Assert.False(Bool(usage["is_byok"]));
    }

    [Theory]
    [InlineData("16:9", "2K", 128, 72)]
    [InlineData("9:16", "1K", 36, 64)]
    [InlineData("1:1", "4K", 256, 256)]
    [InlineData("21:9", null, 64, 27)]
    [InlineData(null, "2K", 128, 128)]
    [InlineData("4:3", "4K", 256, 192)]
    public async Task Images_size_follows_aspect_ratio_and_resolution(string? aspectRatio, string? resolution, int width, int height)
    {
        await using var client = await EmulatorClient.StartAsync();
        var request = new JsonObject { ["model"] = ImageModel, ["prompt"] = "A landscape" };
        if (aspectRatio is not null)
        {
            request["aspect_ratio"] = aspectRatio;
        }
        if (resolution is not null)
        {
            request["resolution"] = resolution;
        }

        using var response = await client.PostAsync("/images", request.ToJsonString());

        Assert.Equal(200, (int)response.StatusCode);
        var image = Assert.Single((await EmulatorClient.JsonAsync(response))["data"]!.AsArray())!;
        AssertPng(Convert.FromBase64String(Str(image["b64_json"])), width, height);
    }

    [Fact]
    public async Task Images_n_2_gives_two_different_images_billed_as_two()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostAsync("/images", $$"""{"model":"{{ImageModel}}","prompt":"A red square","n":2,"aspect_ratio":"16:9","resolution":"2K"}""");

        Assert.Equal(200, (int)response.StatusCode);
        var body = await EmulatorClient.JsonAsync(response);
        var images = body["data"]!.AsArray().Select(i => Convert.FromBase64String(Str(i!["b64_json"]))).ToList();
        Assert.Equal(2, images.Count);
        Assert.All(images, png => AssertPng(png, 128, 72));
        Assert.NotEqual(images[0], images[1]);
        Assert.Equal(2 * ImageTokens, Int(body["usage"]!["completion_tokens"]));
        Assert.Equal(0.0077415m, Dec(body["usage"]!["cost"]));
    }

    [Fact]
    public async Task Images_n_10_is_the_maximum()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostAsync("/images", $$"""{"model":"{{ImageModel}}","prompt":"Many","n":10}""");

        Assert.Equal(200, (int)response.StatusCode);
        var images = (await EmulatorClient.JsonAsync(response))["data"]!.AsArray().Select(i => Str(i!["b64_json"])).ToList();
        Assert.Equal(10, images.Count);
        Assert.Equal(10, images.Distinct().Count());
    }

    [Fact]
    public async Task Images_accepts_well_formed_input_references()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostAsync("/images",
            $$$"""{"model":"{{{ImageModel}}}","prompt":"Make it blue","input_references":[{"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}}]}""");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Single((await EmulatorClient.JsonAsync(response))["data"]!.AsArray());
    }

    [Fact]
    public async Task Images_works_with_an_image_only_model()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostAsync("/images", $$"""{"model":"{{ImageOnlyModel}}","prompt":"A cube"}""");

        Assert.Equal(200, (int)response.StatusCode);
        var body = await EmulatorClient.JsonAsync(response);
        Assert.Equal(ImageOnlyModel, Str(body["model"]));
        AssertPng(Convert.FromBase64String(Str(body["data"]![0]!["b64_json"])), 64, 64);
    }

    [Fact]
    public async Task Images_call_is_billed_and_recorded_as_a_generation()
    {
        await using var client = await EmulatorClient.StartAsync();
        using var response = await client.PostAsync("/images", $$"""{"model":"{{ImageModel}}","prompt":"A red square"}""");
        var body = await EmulatorClient.JsonAsync(response);
        var cost = Dec(body["usage"]!["cost"]);

        using var generation = await client.GetAsync("/generation?id=" + Str(body["id"]));
        using var key = await client.GetAsync("/key");

        var record = (await EmulatorClient.JsonAsync(generation))["data"]!;
        Assert.Equal(cost, Dec(record["total_cost"]));
        Assert.Equal(ImageModel, Str(record["model"]));
        Assert.Equal(cost, Dec((await EmulatorClient.JsonAsync(key))["data"]!["usage"]));
    }

    [Theory]
    [InlineData("""{"model":"google/gemini-3.1-flash-image-preview"}""", 400, "Invalid request parameters: \"prompt\" is required.")]
    [InlineData("""{"model":"google/gemini-3.1-flash-image-preview","prompt":""}""", 400, "Invalid request parameters: \"prompt\" is required.")]
    [InlineData("""{"prompt":"A cat"}""", 400, "Invalid request parameters: \"model\" is required.")]
    [InlineData("""{"model":"acme/imaginary","prompt":"A cat"}""", 400, "acme/imaginary is not a valid model ID")]
    [InlineData("""{"model":"openai/gpt-5.5","prompt":"A cat"}""", 404, "No endpoints found that support the requested output modalities: image")]
    [InlineData("""{"model":"google/gemini-3.1-flash-image-preview","prompt":"A cat","n":0}""", 400, "Invalid request parameters: \"n\" must be an integer from 1 to 10.")]
    [InlineData("""{"model":"google/gemini-3.1-flash-image-preview","prompt":"A cat","n":11}""", 400, "Invalid request parameters: \"n\" must be an integer from 1 to 10.")]
    [InlineData("""{"model":"google/gemini-3.1-flash-image-preview","prompt":"A cat","n":1.5}""", 400, "Invalid request parameters: \"n\" must be an integer from 1 to 10.")]
    [InlineData("""{"model":"google/gemini-3.1-flash-image-preview","prompt":"A cat","n":"2"}""", 400, "Invalid request parameters: \"n\" must be an integer from 1 to 10.")]
    [InlineData("""{"model":"google/gemini-3.1-flash-image-preview","prompt":"A cat","aspect_ratio":"wide"}""", 400, "Invalid request parameters: aspect_ratio \"wide\" is not supported.")]
    [InlineData("""{"model":"google/gemini-3.1-flash-image-preview","prompt":"A cat","resolution":"8K"}""", 400, "Invalid request parameters: resolution must be one of 1K, 2K, 4K (got \"8K\").")]
    [InlineData("""{"model":"google/gemini-3.1-flash-image-preview","prompt":"A cat","input_references":"data:image/png;base64,AAAA"}""", 400, "Invalid request parameters: input_references must be [{type:\"image_url\", image_url:{url}}].")]
    [InlineData("""{"model":"google/gemini-3.1-flash-image-preview","prompt":"A cat","input_references":[{"type":"image_url","url":"https://example.com/a.png"}]}""", 400, "Invalid request parameters: input_references must be [{type:\"image_url\", image_url:{url}}].")]
    [InlineData("""{"model":"google/gemini-3.1-flash-image-preview","prompt":"A cat","input_references":[{"type":"image_url","image_url":{"url":""}}]}""", 400, "Invalid request parameters: input_references must be [{type:\"image_url\", image_url:{url}}].")]
    public async Task Images_rejects_bad_input_with_OpenRouters_envelope(string json, int status, string message)
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostAsync("/images", json);

        var error = await EmulatorClient.AssertErrorAsync(response, status, message);
        Assert.Equal("user_emulator", Str(error["user_id"]));
        Assert.False(response.Headers.Contains("X-Generation-Id"));
    }

    [Fact]
    public async Task Images_rejected_call_is_not_billed()
    {
        await using var client = await EmulatorClient.StartAsync();
        using var rejected = await client.PostAsync("/images", $$"""{"model":"{{ImageModel}}","prompt":"A cat","n":11}""");
        Assert.Equal(400, (int)rejected.StatusCode);

        using var key = await client.GetAsync("/key");

        Assert.Equal(0m, Dec((await EmulatorClient.JsonAsync(key))["data"]!["usage"]));
    }

    [Theory]
    [InlineData("{\"model\":")]
    [InlineData("{\"model\":\"google/gemini-3.1-flash-image-preview\",\"prompt\":\"A cat\",}")]
    public async Task Images_with_a_malformed_json_body_is_400(string json)
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostAsync("/images", json);

        Assert.Equal(400, (int)response.StatusCode);
        var error = await EmulatorClient.JsonAsync(response);
        Assert.Equal(400, Int(error["error"]!["code"]));
        Assert.StartsWith("Invalid JSON in request body: ", Str(error["error"]!["message"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"A cat\"")]
    public async Task Images_with_a_body_that_is_not_an_object_is_400(string json)
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostAsync("/images", json);

        await EmulatorClient.AssertErrorAsync(response, 400, "Invalid request: the body must be a JSON object.");
    }

    // ---- images through chat completions ----

    [Fact]
    public async Task Chat_with_image_modalities_returns_data_url_images()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody(ImageModel, "A red square on white",
            extra: "\"modalities\":[\"image\",\"text\"],\"image_config\":{\"aspect_ratio\":\"9:16\"},\"n\":2"));

        Assert.Equal(200, (int)response.StatusCode);
        var body = await EmulatorClient.JsonAsync(response);
        var message = body["choices"]![0]!["message"]!;
        Assert.Equal("assistant", Str(message["role"]));
        var images = message["images"]!.AsArray();
        Assert.Equal(2, images.Count);
        var pngs = new List<byte[]>();
        foreach (var image in images)
        {
            Assert.Equal("image_url", Str(image!["type"]));
            var png = DecodeDataUrl(Str(image["image_url"]!["url"]));
            AssertPng(png, 36, 64);
            pngs.Add(png);
        }
        Assert.NotEqual(pngs[0], pngs[1]);
        Assert.Equal("stop", Str(body["choices"]![0]!["finish_reason"]));
        Assert.Equal(2 * ImageTokens, Int(body["usage"]!["completion_tokens_details"]!["image_tokens"]));
        Assert.True(Int(body["usage"]!["completion_tokens"]) >= 2 * ImageTokens);
        Assert.True(Dec(body["usage"]!["cost"]) > 0m);
    }

    [Fact]
    public async Task Chat_image_config_image_size_sets_the_resolution()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody(ImageModel, "A wide view",
            extra: "\"modalities\":[\"image\",\"text\"],\"image_config\":{\"aspect_ratio\":\"16:9\",\"image_size\":\"2K\"}"));

        var body = await EmulatorClient.JsonAsync(response);
        var image = Assert.Single(body["choices"]![0]!["message"]!["images"]!.AsArray())!;
        AssertPng(DecodeDataUrl(Str(image["image_url"]!["url"])), 128, 72);
        Assert.Equal(ImageTokens, Int(body["usage"]!["completion_tokens_details"]!["image_tokens"]));
    }

    [Fact]
    public async Task Chat_image_only_model_rejects_image_and_text_modalities()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody(ImageOnlyModel, "A cube",
            extra: "\"modalities\":[\"image\",\"text\"]"));

        await EmulatorClient.AssertErrorAsync(response, 404, "No endpoints found that support the requested output modalities: image, text");
    }

    [Fact]
    public async Task Chat_image_only_model_works_with_image_modality_alone()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody(ImageOnlyModel, "A cube",
            extra: "\"modalities\":[\"image\"]"));

        Assert.Equal(200, (int)response.StatusCode);
        var body = await EmulatorClient.JsonAsync(response);
        var image = Assert.Single(body["choices"]![0]!["message"]!["images"]!.AsArray())!;
        AssertPng(DecodeDataUrl(Str(image["image_url"]!["url"])), 64, 64);
        Assert.Equal(ImageTokens, Int(body["usage"]!["completion_tokens_details"]!["image_tokens"]));
    }

    [Theory]
    [InlineData("openai/gpt-5.5")]
    [InlineData("emulator/echo")]
    public async Task Chat_image_modality_on_a_text_only_model_is_404(string model)
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody(model, "Draw a cat",
            extra: "\"modalities\":[\"image\"]"));

        await EmulatorClient.AssertErrorAsync(response, 404, "No endpoints found that support the requested output modalities: image");
    }

    [Fact]
    public async Task Chat_image_model_without_image_modality_answers_text_only()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody(ImageModel, "hello"));

        Assert.Equal(200, (int)response.StatusCode);
        var body = await EmulatorClient.JsonAsync(response);
        var message = body["choices"]![0]!["message"]!.AsObject();
        Assert.Equal("Echo: hello", Str(message["content"]));
        Assert.False(message.ContainsKey("images"));
        Assert.Equal(0, Int(body["usage"]!["completion_tokens_details"]!["image_tokens"]));
    }

    [Theory]
    [InlineData("""{"aspect_ratio":"wide"}""", "Invalid request parameters: image_config.aspect_ratio \"wide\" is not a valid aspect ratio.")]
    [InlineData("""{"image_size":"8K"}""", "Invalid request parameters: image_config.image_size must be one of 1K, 2K, 4K (got \"8K\").")]
    public async Task Chat_with_a_bad_image_config_is_400(string imageConfig, string message)
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody(ImageModel, "A cat",
            extra: "\"modalities\":[\"image\",\"text\"],\"image_config\":" + imageConfig));

        await EmulatorClient.AssertErrorAsync(response, 400, message);
    }

    [Fact]
    public async Task Chat_image_generation_streams_the_images()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody(ImageModel, "A red square", stream: true,
            extra: "\"modalities\":[\"image\",\"text\"]"));

        Assert.Equal(200, (int)response.StatusCode);
        var transcript = await SseTranscript.ReadAsync(response);
        Assert.True(transcript.EndsWithDone);
        var urls = transcript.Deltas
            .Where(d => d["images"] is JsonArray)
            .SelectMany(d => d["images"]!.AsArray())
            .Select(i => Str(i!["image_url"]!["url"]))
            .ToList();
        var url = Assert.Single(urls);
        AssertPng(DecodeDataUrl(url), 64, 64);
    }
}
