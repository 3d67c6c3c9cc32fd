using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Emulator.Tests.Support;
using static OpenClaw.OpenRouter.Emulator.Tests.Support.MediaAssertions;

namespace OpenClaw.OpenRouter.Emulator.Tests.Catalog;

public sealed class CatalogEndpointsTests
{
    private static readonly string[] ChatModels =
    [
        "openrouter/auto",
        "anthropic/claude-sonnet-4.6",
        "deepseek/deepseek-v4-flash",
        "deepseek/deepseek-v4-pro",
        "google/gemini-3.1-pro-preview",
        "openai/gpt-5.5",
        "moonshotai/kimi-k2.6",
        "moonshotai/kimi-k2.5",
    ];

    // ---- GET /models: auth and filters ----

    [Fact]
    public async Task Models_needs_no_key()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.GetAsync("/models", key: null);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty((await EmulatorClient.JsonAsync(response))["data"]!.AsArray());
    }

    [Fact]
    public async Task Models_default_filter_returns_only_text_output_rows()
    {
        await using var client = await EmulatorClient.StartAsync();

        var rows = await ModelsAsync(client, "/models");

        Assert.All(rows, row => Assert.Contains("text", Strings(row["architecture"]!["output_modalities"])));
        var ids = rows.Select(row => Str(row["id"])).ToList();
        Assert.DoesNotContain("google/veo-3.1-fast", ids);
        Assert.DoesNotContain("hexgrad/kokoro-82m", ids);
        Assert.DoesNotContain("black-forest-labs/flux.2-pro", ids);
        Assert.Contains("openai/gpt-5.5", ids);
        Assert.Contains("google/gemini-3.1-flash-image-preview", ids); // outputs image and text
    }

    [Fact]
    public async Task Models_text_filter_equals_the_default()
    {
        await using var client = await EmulatorClient.StartAsync();

        var unfiltered = await ModelsAsync(client, "/models");
        var text = await ModelsAsync(client, "/models?output_modalities=text");

        Assert.Equal(unfiltered.Select(r => Str(r["id"])), text.Select(r => Str(r["id"])));
    }

    [Fact]
    public async Task Models_all_returns_every_row()
    {
        await using var client = await EmulatorClient.StartAsync();

        var rows = await ModelsAsync(client, "/models?output_modalities=all");

        var ids = rows.Select(row => Str(row["id"])).ToList();
        Assert.Equal(ModelCatalog.Bundled.Ids.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Assert.Contains("google/veo-3.1-fast", ids);
        Assert.Contains("hexgrad/kokoro-82m", ids);
        Assert.Contains("black-forest-labs/flux.2-pro", ids);
    }

    [Fact]
    public async Task Models_image_filter_returns_the_image_output_rows()
    {
        await using var client = await EmulatorClient.StartAsync();

        var rows = await ModelsAsync(client, "/models?output_modalities=image");

        Assert.All(rows, row => Assert.Contains("image", Strings(row["architecture"]!["output_modalities"])));
        var ids = rows.Select(row => Str(row["id"])).ToList();
        Assert.Contains("google/gemini-3.1-flash-image-preview", ids);
        Assert.Contains("black-forest-labs/flux.2-pro", ids);
        Assert.DoesNotContain("openai/gpt-5.5", ids);
        Assert.DoesNotContain("google/veo-3.1-fast", ids);
    }

    [Fact]
    public async Task Models_video_filter_returns_the_video_rows()
    {
        await using var client = await EmulatorClient.StartAsync();

        var rows = await ModelsAsync(client, "/models?output_modalities=video");

        var row = Assert.Single(rows);
        Assert.Equal("google/veo-3.1-fast", Str(row["id"]));
        Assert.Equal(["video"], Strings(row["architecture"]!["output_modalities"]));
    }

    [Fact]
    public async Task Models_speech_filter_returns_the_speech_rows_with_their_voices()
    {
        await using var client = await EmulatorClient.StartAsync();

        var rows = await ModelsAsync(client, "/models?output_modalities=speech");

        Assert.All(rows, row => Assert.Equal(["speech"], Strings(row["architecture"]!["output_modalities"])));
        var ids = rows.Select(row => Str(row["id"])).ToList();
        Assert.Contains("hexgrad/kokoro-82m", ids);
        Assert.Contains("elevenlabs/eleven-turbo-v2", ids);
        var kokoro = rows.Single(row => Str(row["id"]) == "hexgrad/kokoro-82m");
        Assert.Contains("af_alloy", Strings(kokoro["supported_voices"]));
        Assert.DoesNotContain("alloy", Strings(kokoro["supported_voices"]));
        var eleven = rows.Single(row => Str(row["id"]) == "elevenlabs/eleven-turbo-v2");
        Assert.True(eleven.ContainsKey("supported_voices"));
        Assert.Null(eleven["supported_voices"]);
    }

    [Fact]
    public async Task Models_filter_accepts_a_comma_list()
    {
        await using var client = await EmulatorClient.StartAsync();

        var rows = await ModelsAsync(client, "/models?output_modalities=video,speech");

        var ids = rows.Select(row => Str(row["id"])).ToList();
        Assert.Contains("google/veo-3.1-fast", ids);
        Assert.Contains("hexgrad/kokoro-82m", ids);
        Assert.DoesNotContain("openai/gpt-5.5", ids);
    }

    // ---- GET /models: the rows clients read ----

    [Theory]
    [InlineData("openrouter/auto")]
    [InlineData("anthropic/claude-sonnet-4.6")]
    [InlineData("deepseek/deepseek-v4-flash")]
    [InlineData("deepseek/deepseek-v4-pro")]
    [InlineData("google/gemini-3.1-pro-preview")]
    [InlineData("openai/gpt-5.5")]
    [InlineData("moonshotai/kimi-k2.6")]
    [InlineData("moonshotai/kimi-k2.5")]
    [InlineData("x-ai/")]
    [InlineData("mistralai/")]
    [InlineData("google/gemini-3.1-flash-image-preview")]
    [InlineData("google/veo-3.1-fast")]
    [InlineData("hexgrad/kokoro-82m")]
    public async Task Named_model_is_listed_with_the_fields_clients_read(string idOrAuthor)
    {
        await using var client = await EmulatorClient.StartAsync();
        var rows = await ModelsAsync(client, "/models?output_modalities=all");

        var row = idOrAuthor.EndsWith('/')
            ? rows.First(r => Str(r["id"]).StartsWith(idOrAuthor, StringComparison.Ordinal) && Strings(r["architecture"]!["output_modalities"]).Contains("text"))
            : rows.Single(r => Str(r["id"]) == idOrAuthor);

        Assert.False(string.IsNullOrWhiteSpace(Str(row["name"])));
        Assert.Equal(JsonValueKind.Number, row["context_length"]!.GetValueKind());
        Assert.NotEmpty(Strings(row["architecture"]!["input_modalities"]));
        Assert.NotEmpty(Strings(row["architecture"]!["output_modalities"]));
        foreach (var price in (string[])["prompt", "completion"])
        {
            var value = row["pricing"]![price]!;
            Assert.Equal(JsonValueKind.String, value.GetValueKind());
            Assert.True(decimal.TryParse(value.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out _), $"pricing.{price} is not a number: {value}");
        }
        Assert.Equal(JsonValueKind.Array, row["supported_parameters"]!.GetValueKind());
        Assert.All(row["supported_parameters"]!.AsArray(), p => Assert.Equal(JsonValueKind.String, p!.GetValueKind()));
        var topProvider = Assert.IsType<JsonObject>(row["top_provider"]);
        Assert.True(topProvider.ContainsKey("context_length"));
        Assert.True(topProvider.ContainsKey("max_completion_tokens"));
    }

    [Fact]
    public async Task Chat_models_take_text_in_and_give_text_out_with_tools()
    {
        await using var client = await EmulatorClient.StartAsync();
        var rows = await ModelsAsync(client, "/models");

        foreach (var id in ChatModels)
        {
            var row = rows.Single(r => Str(r["id"]) == id);
            Assert.Contains("text", Strings(row["architecture"]!["input_modalities"]));
            Assert.Contains("text", Strings(row["architecture"]!["output_modalities"]));
            Assert.Contains("tools", Strings(row["supported_parameters"]));
        }
    }

    [Fact]
    public async Task Claude_row_has_optional_reasoning_with_effort_levels()
    {
        var reasoning = await ReasoningOfAsync("anthropic/claude-sonnet-4.6");

        Assert.False(Bool(reasoning!["mandatory"]));
        Assert.Equal(["max", "xhigh", "high", "medium", "low", "minimal"], Strings(reasoning["supported_efforts"]));
    }

    [Fact]
    public async Task DeepSeek_v4_flash_row_supports_only_xhigh_and_high()
    {
        var reasoning = await ReasoningOfAsync("deepseek/deepseek-v4-flash");

        Assert.False(Bool(reasoning!["mandatory"]));
        Assert.Equal(["xhigh", "high"], Strings(reasoning["supported_efforts"]));
    }

    [Fact]
    public async Task Gemini_3_1_pro_row_has_mandatory_reasoning()
    {
        var reasoning = await ReasoningOfAsync("google/gemini-3.1-pro-preview");

        Assert.True(Bool(reasoning!["mandatory"]));
        Assert.NotEmpty(Strings(reasoning["supported_efforts"]));
    }

    [Fact]
    public async Task XAi_row_has_binary_reasoning_with_no_effort_levels()
    {
        await using var client = await EmulatorClient.StartAsync();
        var rows = await ModelsAsync(client, "/models");
        var row = rows.First(r => Str(r["id"]).StartsWith("x-ai/", StringComparison.Ordinal));

        var reasoning = Assert.IsType<JsonObject>(row["reasoning"]);

        Assert.False(Bool(reasoning["mandatory"]));
        Assert.Empty(reasoning["supported_efforts"]!.AsArray());
        Assert.Contains("reasoning", Strings(row["supported_parameters"]));
    }

    [Theory]
    [InlineData("moonshotai/kimi-k2.6")]
    [InlineData("openrouter/auto")]
    public async Task Row_without_a_reasoning_object(string id)
    {
        await using var client = await EmulatorClient.StartAsync();
        var rows = await ModelsAsync(client, "/models");

        var row = rows.Single(r => Str(r["id"]) == id);

        Assert.False(row.ContainsKey("reasoning"), $"{id} should have no \"reasoning\" object.");
    }

    // ---- swapping the catalog ----

    [Fact]
    public async Task Catalog_swapped_in_process_drops_the_model_from_models_and_chat()
    {
        await using var client = await EmulatorClient.StartAsync();
        client.Emulator.Catalog = client.Emulator.Catalog.Without("openai/gpt-5.5");

        var ids = (await ModelsAsync(client, "/models?output_modalities=all")).Select(r => Str(r["id"])).ToList();
        using var chat = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody("openai/gpt-5.5", "hi"));

        Assert.DoesNotContain("openai/gpt-5.5", ids);
        Assert.Contains("anthropic/claude-sonnet-4.6", ids);
        await EmulatorClient.AssertErrorAsync(chat, 400, "openai/gpt-5.5 is not a valid model ID");
    }

    [Fact]
    public async Task Catalog_swapped_in_process_can_add_a_row()
    {
        await using var client = await EmulatorClient.StartAsync();
        var row = client.Emulator.Catalog.Find("emulator/echo")!;
        row["id"] = "acme/new-model";
        row["name"] = "Acme: New Model";
        client.Emulator.Catalog = client.Emulator.Catalog.With(row);

        var rows = await ModelsAsync(client, "/models");
        using var chat = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody("acme/new-model", "hi"));

        Assert.Equal("Acme: New Model", Str(rows.Single(r => Str(r["id"]) == "acme/new-model")["name"]));
        Assert.Equal(200, (int)chat.StatusCode);
        Assert.Equal("acme/new-model", Str((await EmulatorClient.JsonAsync(chat))["model"]));
    }

    [Fact]
    public async Task Catalog_replaced_over_http_then_restored()
    {
        await using var client = await EmulatorClient.StartAsync();
        var row = client.Emulator.Catalog.Find("emulator/echo")!;
        row["id"] = "acme/only";
        var document = new JsonObject { ["data"] = new JsonArray(row) }.ToJsonString();

        using var put = await SendAdminAsync(client, HttpMethod.Put, "/__emulator/catalog", document);
        Assert.Equal(204, (int)put.StatusCode);
        var replaced = await ModelsAsync(client, "/models?output_modalities=all");
        using var gone = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody("openai/gpt-5.5", "hi"));
        using var only = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody("acme/only", "hi"));

        Assert.Equal(["acme/only"], replaced.Select(r => Str(r["id"])));
        await EmulatorClient.AssertErrorAsync(gone, 400, "openai/gpt-5.5 is not a valid model ID");
        Assert.Equal(200, (int)only.StatusCode);

        using var delete = await SendAdminAsync(client, HttpMethod.Delete, "/__emulator/catalog");
        Assert.Equal(204, (int)delete.StatusCode);
        var restored = (await ModelsAsync(client, "/models?output_modalities=all")).Select(r => Str(r["id"])).ToList();
        using var back = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody("openai/gpt-5.5", "hi"));

        Assert.Equal(ModelCatalog.Bundled.Ids.Order(StringComparer.Ordinal), restored.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("acme/only", restored);
        Assert.Equal(200, (int)back.StatusCode);
    }

    [Fact]
    public async Task Catalog_restored_over_http_returns_to_the_catalog_the_emulator_started_with()
    {
        var start = ModelCatalog.Bundled.Without("moonshotai/kimi-k2.5");
        await using var client = await EmulatorClient.StartAsync(new EmulatorOptions { Catalog = start });
        client.Emulator.Catalog = start.Without("openai/gpt-5.5");

        using var delete = await SendAdminAsync(client, HttpMethod.Delete, "/__emulator/catalog");

        Assert.Equal(204, (int)delete.StatusCode);
        var ids = (await ModelsAsync(client, "/models?output_modalities=all")).Select(r => Str(r["id"])).ToList();
        Assert.Contains("openai/gpt-5.5", ids);
        Assert.DoesNotContain("moonshotai/kimi-k2.5", ids);
    }

    [Theory]
    [InlineData("{\"models\":[]}", "Invalid catalog: A catalog must be {\"data\":[…]} or an array of model rows.")]
    [InlineData("42", "Invalid catalog: A catalog must be {\"data\":[…]} or an array of model rows.")]
    [InlineData("not json", null)]
    [InlineData("", null)]
    public async Task Catalog_replaced_over_http_with_an_invalid_body_is_400_and_keeps_the_catalog(string body, string? message)
    {
        await using var client = await EmulatorClient.StartAsync();

        using var put = await SendAdminAsync(client, HttpMethod.Put, "/__emulator/catalog", body);

        Assert.Equal(400, (int)put.StatusCode);
        var error = await EmulatorClient.JsonAsync(put);
        Assert.Equal(400, Int(error["error"]!["code"]));
        if (message is null)
        {
            Assert.StartsWith("Invalid catalog: ", Str(error["error"]!["message"]), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(message, Str(error["error"]!["message"]));
        }
        Assert.Contains("openai/gpt-5.5", (await ModelsAsync(client, "/models")).Select(r => Str(r["id"])));
    }

    [Fact]
    public async Task Catalog_replaced_over_http_serves_a_row_with_a_non_string_id_but_keeps_it_uncallable()
    {
        await using var client = await EmulatorClient.StartAsync();
        var good = client.Emulator.Catalog.Find("emulator/echo")!;
        good["id"] = "acme/good";
        var document = new JsonObject { ["data"] = new JsonArray(new JsonObject { ["id"] = 42, ["name"] = "Numeric id" }, good) }.ToJsonString();

        using var put = await SendAdminAsync(client, HttpMethod.Put, "/__emulator/catalog", document);

        // Neither a 500 nor a half-applied catalog: the hostile row is served for clients to skip, the good one works.
        Assert.Equal(204, (int)put.StatusCode);
        var rows = await ModelsAsync(client, "/models?output_modalities=all");
        Assert.Equal(2, rows.Count);
        Assert.Equal(42, Int(rows[0]["id"]));
        Assert.Equal("acme/good", Str(rows[1]["id"]));
        Assert.Equal(["acme/good"], (await ModelsAsync(client, "/models")).Select(r => Str(r["id"])));
        using var chat = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody("acme/good", "hi"));
        Assert.Equal(200, (int)chat.StatusCode);
        using var numeric = await client.PostAsync("/chat/completions", "{\"model\":42,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        await EmulatorClient.AssertErrorAsync(numeric, 400, "Invalid request parameters: \"model\" is required and must be a string.");
    }

    // ---- GET /videos/models and GET /images/models ----

    [Fact]
    public async Task Video_models_lists_veo_with_its_capabilities()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.GetAsync("/videos/models");

        Assert.Equal(200, (int)response.StatusCode);
        var rows = (await EmulatorClient.JsonAsync(response))["data"]!.AsArray();
        var veo = rows.Single(r => Str(r!["id"]) == "google/veo-3.1-fast")!;
        Assert.Equal("google/veo-3.1-fast", Str(veo["canonical_slug"]));
        Assert.False(string.IsNullOrWhiteSpace(Str(veo["name"])));
        Assert.Equal(JsonValueKind.Number, veo["created"]!.GetValueKind());
        Assert.Equal([4, 6, 8], veo["supported_durations"]!.AsArray().Select(d => d!.GetValue<int>()));
        Assert.Equal(["720p", "1080p"], Strings(veo["supported_resolutions"]));
        Assert.Equal(["16:9", "9:16"], Strings(veo["supported_aspect_ratios"]));
        Assert.Equal(["1280x720", "720x1280", "1920x1080", "1080x1920"], Strings(veo["supported_sizes"]));
        Assert.Equal(["first_frame", "last_frame"], Strings(veo["supported_frame_images"]));
        Assert.True(Bool(veo["generate_audio"]));
        Assert.True(Bool(veo["seed"]));
        Assert.Equal("0.15", Str(veo["pricing_skus"]!["video_per_second"]));
        Assert.Equal("0.25", Str(veo["pricing_skus"]!["video_with_audio_per_second"]));
        Assert.Contains("negative_prompt", Strings(veo["allowed_passthrough_parameters"]));
    }

    [Fact]
    public async Task Image_models_lists_the_image_output_rows()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.GetAsync("/images/models");

        Assert.Equal(200, (int)response.StatusCode);
        var rows = (await EmulatorClient.JsonAsync(response))["data"]!.AsArray().Select(r => r!.AsObject()).ToList();
        var ids = rows.Select(r => Str(r["id"])).ToList();
        Assert.Contains("google/gemini-3.1-flash-image-preview", ids);
        Assert.Contains("black-forest-labs/flux.2-pro", ids);
        Assert.DoesNotContain("openai/gpt-5.5", ids);
        Assert.DoesNotContain("google/veo-3.1-fast", ids);
        Assert.All(rows, row =>
        {
            Assert.Contains("image", Strings(row["output_modalities"]));
            Assert.Contains("16:9", Strings(row["supported_aspect_ratios"]));
            Assert.Equal(["1K", "2K", "4K"], Strings(row["supported_resolutions"]));
        });
        var flux = rows.Single(r => Str(r["id"]) == "black-forest-labs/flux.2-pro");
        Assert.Equal(["image"], Strings(flux["output_modalities"]));
    }

    private static async Task<List<JsonObject>> ModelsAsync(EmulatorClient client, string path)
    {
        using var response = await client.GetAsync(path, key: null);
        Assert.Equal(200, (int)response.StatusCode);
        return [.. (await EmulatorClient.JsonAsync(response))["data"]!.AsArray().Select(row => row!.AsObject())];
    }

    private static async Task<JsonObject?> ReasoningOfAsync(string id)
    {
        await using var client = await EmulatorClient.StartAsync();
        var row = (await ModelsAsync(client, "/models")).Single(r => Str(r["id"]) == id);
        return Assert.IsType<JsonObject>(row["reasoning"]);
    }

    private static Task<HttpResponseMessage> SendAdminAsync(EmulatorClient client, HttpMethod method, string path, string? body = null)
    {
        var request = new HttpRequestMessage(method, new Uri(client.Emulator.Origin, path));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        return client.SendAsync(request);
    }
}
