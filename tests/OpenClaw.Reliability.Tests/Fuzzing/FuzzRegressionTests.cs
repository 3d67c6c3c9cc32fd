using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using OpenClaw.OpenRouter.AI;
using OpenClaw.OpenRouter.Chat;
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

    private static byte[] Concat(params object[] parts) =>
        [.. parts.SelectMany(part => part is string text ? Encoding.UTF8.GetBytes(text) : (byte[])part)];
}
