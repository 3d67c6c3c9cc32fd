using System.Text.Json;
using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Emulator.Tests.Support;
using static OpenClaw.OpenRouter.Emulator.Tests.Support.MediaAssertions;

namespace OpenClaw.OpenRouter.Emulator.Tests.Chat;

/// <summary>Images through chat completions, in the documented shape and in every other shape the <c>image-shape</c> fault scripts.</summary>
public sealed class ChatImageShapeTests
{
    private const string ImageModel = "google/gemini-3.1-flash-image-preview";

    private static readonly string TwoImages = EmulatorClient.ChatBody(ImageModel, "A red square", extra:
        "\"modalities\":[\"image\",\"text\"],\"n\":2,\"image_config\":{\"aspect_ratio\":\"16:9\",\"image_size\":\"2K\"}");

    private static async Task<JsonObject> MessageAsync(EmulatorClient client, string body, string? fault)
    {
        var headers = fault is null ? [] : new[] { ("X-Emulator-Fault", fault) };
        using var response = await client.SendAsync(client.Request(HttpMethod.Post, "/chat/completions", body, EmulatorClient.Key, headers));
        Assert.Equal(200, (int)response.StatusCode);
        var json = await EmulatorClient.JsonAsync(response);
        return json["choices"]![0]!["message"]!.AsObject();
    }

    [Fact]
    public async Task By_default_images_arrive_in_message_images_as_data_urls_beside_a_content_string()
    {
        await using var client = await EmulatorClient.StartAsync();

        var message = await MessageAsync(client, TwoImages, fault: null);

        Assert.Equal("Here are your 2 images.", Str(message["content"]));
        var images = message["images"]!.AsArray();
        Assert.Equal(2, images.Count);
        foreach (var image in images)
        {
            Assert.Equal("image_url", Str(image!["type"]));
            AssertPng(DecodeDataUrl(Str(image["image_url"]!["url"])), 128, 72);
        }
    }

    [Fact]
    public async Task Content_string_embeds_each_image_as_a_markdown_data_url()
    {
        await using var client = await EmulatorClient.StartAsync();
        var plain = await MessageAsync(client, TwoImages, fault: null);

        var message = await MessageAsync(client, TwoImages, "image-shape; shape=content-string");

        Assert.False(message.ContainsKey("images"));
        var urls = plain["images"]!.AsArray().Select(image => Str(image!["image_url"]!["url"])).ToList();
        Assert.Equal($"Here are your 2 images.\n![image 1]({urls[0]})\n![image 2]({urls[1]})", Str(message["content"]));
    }

    [Fact]
    public async Task Content_parts_carry_a_text_part_then_image_url_parts()
    {
        await using var client = await EmulatorClient.StartAsync();

        var message = await MessageAsync(client, TwoImages, "image-shape; shape=content-parts");

        Assert.False(message.ContainsKey("images"));
        var parts = message["content"]!.AsArray();
        Assert.Equal(3, parts.Count);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"type":"text","text":"Here are your 2 images."}"""), parts[0]));
        foreach (var part in parts.Skip(1))
        {
            Assert.Equal(["type", "image_url"], part!.AsObject().Select(p => p.Key));
            Assert.Equal("image_url", Str(part["type"]));
            AssertPng(DecodeDataUrl(Str(part["image_url"]!["url"])), 128, 72);
        }
    }

    [Fact]
    public async Task B64_json_parts_carry_bare_base64()
    {
        await using var client = await EmulatorClient.StartAsync();

        var message = await MessageAsync(client, TwoImages, "image-shape; shape=b64-json");

        Assert.False(message.ContainsKey("images"));
        var parts = message["content"]!.AsArray();
        Assert.Equal("text", Str(parts[0]!["type"]));
        Assert.Equal(2, parts.Count - 1);
        foreach (var part in parts.Skip(1))
        {
            Assert.Equal(["type", "b64_json"], part!.AsObject().Select(p => p.Key));
            Assert.Equal("b64_json", Str(part["type"]));
            AssertPng(Convert.FromBase64String(Str(part["b64_json"])), 128, 72);
        }
    }

    [Fact]
    public async Task Inline_data_parts_carry_data_and_mime_type()
    {
        await using var client = await EmulatorClient.StartAsync();

        var message = await MessageAsync(client, TwoImages, "image-shape; shape=inline-data");

        Assert.False(message.ContainsKey("images"));
        var parts = message["content"]!.AsArray();
        Assert.Equal("text", Str(parts[0]!["type"]));
        Assert.Equal(2, parts.Count - 1);
        foreach (var part in parts.Skip(1))
        {
            Assert.Equal("inline_data", Str(part!["type"]));
            var inline = part["inline_data"]!;
            Assert.Equal("image/png", Str(inline["mime_type"]));
            AssertPng(Convert.FromBase64String(Str(inline["data"])), 128, 72);
        }
    }

    [Fact]
    public async Task Image_url_camel_names_the_member_imageUrl()
    {
        await using var client = await EmulatorClient.StartAsync();

        var message = await MessageAsync(client, TwoImages, "image-shape; shape=image-url-camel");

        Assert.Equal("Here are your 2 images.", Str(message["content"]));
        var images = message["images"]!.AsArray();
        Assert.Equal(2, images.Count);
        foreach (var image in images)
        {
            Assert.Null(image!["image_url"]);
            AssertPng(DecodeDataUrl(Str(image["imageUrl"]!["url"])), 128, 72);
        }
    }

    [Fact]
    public async Task No_images_answers_the_text_alone()
    {
        await using var client = await EmulatorClient.StartAsync();

        var message = await MessageAsync(client, TwoImages, "image-shape; shape=no-images");

        Assert.Equal("Here are your 2 images.", Str(message["content"]));
        Assert.False(message.ContainsKey("images"));
    }

    [Fact]
    public async Task Malformed_makes_images_a_string()
    {
        await using var client = await EmulatorClient.StartAsync();

        var message = await MessageAsync(client, TwoImages, "image-shape; shape=malformed");

        Assert.Equal(JsonValueKind.String, message["images"]!.GetValueKind());
        Assert.Equal("oops", Str(message["images"]));
    }

    [Fact]
    public async Task An_answer_without_image_output_is_unchanged_by_the_fault()
    {
        await using var client = await EmulatorClient.StartAsync();

        var message = await MessageAsync(client, EmulatorClient.ChatBody("emulator/echo", "hello"), "image-shape; shape=content-parts");

        Assert.Equal("Echo: hello", Str(message["content"]));
        Assert.False(message.ContainsKey("images"));
    }

    [Fact]
    public async Task The_fault_can_be_queued_for_the_chat_path()
    {
        await using var client = await EmulatorClient.StartAsync();
        client.Emulator.Faults.Enqueue("image-shape; shape=b64-json", "/chat/completions");

        var faulted = await MessageAsync(client, TwoImages, fault: null);
        var next = await MessageAsync(client, TwoImages, fault: null);

        Assert.Equal(JsonValueKind.Array, faulted["content"]!.GetValueKind());
        Assert.Equal(2, next["images"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("image-shape")]
    [InlineData("image-shape; shape=sideways")]
    public async Task An_unknown_shape_fails_the_request(string fault)
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.SendAsync(client.Request(HttpMethod.Post, "/chat/completions", TwoImages, EmulatorClient.Key, ("X-Emulator-Fault", fault)));

        await EmulatorClient.AssertErrorAsync(response, 500, "Internal Server Error");
    }
}
