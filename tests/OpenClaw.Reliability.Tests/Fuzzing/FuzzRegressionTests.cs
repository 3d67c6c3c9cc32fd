using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using OpenClaw.OpenRouter.AI;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Images;
using OpenClaw.OpenRouter.Videos;
using OpenClaw.OpenRouter.Streaming;

namespace OpenClaw.Reliability.Tests.Fuzzing;

/// <summary>The smallest inputs of the bugs the fuzz tests found, kept as plain tests.</summary>
public sealed class FuzzRegressionTests
{
    [Fact]
    public async Task A_chunk_with_invalid_UTF8_in_a_string_is_skipped_like_other_malformed_data()
    {
        // A flipped bit turned "l" of "length" into 0xB8: JsonDocument parsed it, and reading the string threw InvalidOperationException.
        var sse = Concat(
            "data: {\"choices\":[{\"delta\":{\"content\":\"ok\"}}]}\n\n",
            "data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"", new byte[] { 0xB8 }, "ength\"}]}\n\n",
            "data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
        var accumulator = new ChatResponseAccumulator("fuzz/model");

        await foreach (var _ in ChatStreamReader.ReadAsync(new MemoryStream(sse), accumulator, TestContext.Current.CancellationToken))
        {
        }

        Assert.Equal("ok", accumulator.Build().Text);
        Assert.Equal(OpenRouterFinishReason.Stop, accumulator.Build().FinishReason);
    }

    [Fact]
    public void An_image_whose_data_URL_MEAI_cannot_read_is_left_out_of_the_MEAI_update_instead_of_throwing()
    {
        // "data:x" made DataContent throw UriFormatException out of the streaming MEAI mapping.
        var update = new OpenRouterChatUpdate
        {
            Text = "here",
            Images = [new JsonObject { ["image_url"] = new JsonObject { ["url"] = "data:x" } }, new JsonObject { ["url"] = "data:image/png;base64,iVBORw==" }],
        };

        var mapped = ChatResponseMapper.ToChatResponseUpdate(update);

        Assert.Equal("here", mapped.Text);
        var image = Assert.Single(mapped.Contents.OfType<DataContent>());
        Assert.Equal("image/png", image.MediaType);
        Assert.Equal(2, ((OpenRouterChatUpdate)mapped.RawRepresentation!).Images!.Count);
    }

    [Fact]
    public void Image_items_that_are_not_objects_or_whose_image_url_is_not_an_object_are_left_out_of_the_MEAI_update()
    {
        // An array item made image?["image_url"] throw InvalidOperationException ("The node must be of type 'JsonObject'").
        var update = new OpenRouterChatUpdate { Images = [new JsonArray(), JsonValue.Create("data:image/png;base64,iVBORw=="), new JsonObject { ["image_url"] = new JsonArray(1) }] };

        var mapped = ChatResponseMapper.ToChatResponseUpdate(update);

        Assert.Empty(mapped.Contents);
    }

    [Fact]
    public void Usage_with_a_cost_beyond_decimal_or_picodollar_range_maps_without_overflow()
    {
        // cost 79228162514264337593543950336 rounded up past decimal.MaxValue ((decimal)double threw OverflowException), and a
        // cost of 1e20 dollars overflowed decimal when multiplied into picodollars.
        var accumulator = new ChatResponseAccumulator("fuzz/model");
        using var chunk = JsonDocument.Parse("""{"usage":{"prompt_tokens":1,"cost":79228162514264337593543950336}}""");
        accumulator.ApplyChunk(chunk.RootElement);
        Assert.Null(accumulator.Build().Usage!.Cost);

        var details = ChatResponseMapper.ToUsageDetails(new OpenRouterUsage { Cost = 100_000_000_000_000_000_000m });

        Assert.False(details.AdditionalCounts?.ContainsKey(OpenRouterPropertyNames.CostPicodollars) ?? false);
    }

    [Fact]
    public async Task A_chunk_with_a_key_given_twice_or_an_escaped_lone_surrogate_is_skipped_like_other_malformed_data()
    {
        // A duplicated key made the verbatim reasoning-detail node throw ArgumentException when MEAI read it; a lone surrogate made
        // writing it back throw InvalidOperationException.
        var sse = Encoding.UTF8.GetBytes(string.Concat(
            "data: {\"choices\":[{\"delta\":{\"reasoning_details\":[{\"type\":\"reasoning.text\",\"text\":\"a\",\"text\":\"b\"}]}}]}\n\n",
            "data: {\"choices\":[{\"delta\":{\"reasoning_details\":[\"\\ud800\"]}}]}\n\n",
            "data: {\"choices\":[{\"delta\":{\"content\":\"ok\"},\"finish_reason\":\"stop\"}]}\n\n"));
        var accumulator = new ChatResponseAccumulator("fuzz/model");
        var updates = new List<OpenRouterChatUpdate>();

        await foreach (var update in ChatStreamReader.ReadAsync(new MemoryStream(sse), accumulator, TestContext.Current.CancellationToken))
        {
            updates.Add(update);
        }

        Assert.Equal("ok", accumulator.Build().Text);
        Assert.Empty(accumulator.Build().ReasoningDetails);
        Assert.Equal("ok", updates.Select(ChatResponseMapper.ToChatResponseUpdate).ToChatResponse().Text);
    }

    [Fact]
    public void A_string_with_an_escaped_lone_surrogate_is_read_with_a_replacement_character()
    {
        // "\ud83d" (half an emoji) made JsonElement.GetString throw InvalidOperationException out of ApplyChunk.
        var accumulator = new ChatResponseAccumulator("fuzz/model");
        using var first = JsonDocument.Parse("""{"choices":[{"delta":{"content":"a\ud83d","reasoning":"\udc00b\u0075"}}]}""");
        using var second = JsonDocument.Parse("""{"choices":[{"delta":{"tool_calls":[{"index":0,"id":"c\ud800","function":{"name":"f","arguments":"{\"k\":\"\udfff\"}"}}]},"finish_reason":"tool_calls"}]}""");

        accumulator.ApplyChunk(first.RootElement);
        accumulator.ApplyChunk(second.RootElement);

        var result = accumulator.Build();
        Assert.Equal("a\uFFFD", result.Text);
        Assert.Equal("\uFFFDbu", Assert.Single(result.Thinking).Text);
        Assert.Equal(new OpenRouterToolCall("c\uFFFD", "f", "{\"k\":\"\uFFFD\"}"), Assert.Single(result.ToolCalls));
    }

    [Fact]
    public void An_in_band_error_with_a_retry_wait_no_TimeSpan_can_hold_is_still_the_typed_error()
    {
        // retry_after_seconds 1e300 made TimeSpan.FromSeconds throw OverflowException instead of the rate-limit error.
        var accumulator = new ChatResponseAccumulator("fuzz/model");
        using var chunk = JsonDocument.Parse("""{"error":{"code":429,"message":"slow","metadata":{"retry_after_seconds":1e300}}}""");

        var exception = Assert.Throws<OpenRouterRateLimitException>(() => accumulator.ApplyChunk(chunk.RootElement));

        Assert.Equal("slow", exception.ErrorMessage);
        Assert.Null(exception.Details.RetryAfter);
    }

    [Theory]
    [InlineData("""{"choices":[{"message":{"images":[{"image_url":{"url":"data:image/png;base64,iVBORw==\ud800"}}]}}]}""")]
    [InlineData("""{"\udc00":1,"choices":[]}""")]
    public void An_image_answer_with_an_unreadable_string_is_malformed(string body)
    {
        // JsonDocument accepted the lone surrogate; reading the string threw InvalidOperationException out of the parser.
        var exception = Assert.Throws<OpenRouterMalformedResponseException>(() => ImageResponseParser.Parse(Encoding.UTF8.GetBytes(body), "m"));
        Assert.Equal(ImageResponseParser.MalformedMessage, exception.Message);
    }

    [Fact]
    public void Video_answers_with_bytes_that_are_not_UTF8_are_malformed()
    {
        byte[] body = [.. "{\"id\":\"job\",\"polling_url\":\"https://x/\",\"status\":\"que"u8, 0xFF, .. "ued\"}"u8];
        Assert.Throws<OpenRouterMalformedResponseException>(() => VideoJobAnswer.ParseSubmit(body));
        Assert.Throws<OpenRouterMalformedResponseException>(() => VideoModelCatalog.Read([.. "[{\"id\":\"m"u8, 0xC3, .. "\"}]"u8]));
    }

    private static byte[] Concat(params object[] parts) =>
        [.. parts.SelectMany(part => part is string text ? Encoding.UTF8.GetBytes(text) : (byte[])part)];
}
