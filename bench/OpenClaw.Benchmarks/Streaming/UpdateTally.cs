using Microsoft.Extensions.AI;

namespace OpenClaw.Benchmarks.Streaming;

/// <summary>Counts what a stream of MEAI updates carried, the same way for both clients.</summary>
public static class UpdateTally
{
    /// <summary>Consumes every update.</summary>
    public static async Task<StreamTally> ConsumeAsync(IAsyncEnumerable<ChatResponseUpdate> updates)
    {
        var total = default(StreamTally);
        await foreach (var update in updates.ConfigureAwait(false))
        {
            total += Of(update);
        }
        return total;
    }

    /// <summary>Text characters (<see cref="TextContent"/>), reasoning characters (<see cref="TextReasoningContent"/>), tool calls (<see cref="FunctionCallContent"/>).</summary>
    public static StreamTally Of(ChatResponseUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        int content = 0, reasoning = 0, calls = 0;
        var contents = update.Contents;
        for (var i = 0; i < contents.Count; i++)
        {
            switch (contents[i])
            {
                case TextContent text:
                    content += text.Text.Length;
                    break;
                case TextReasoningContent thinking:
                    reasoning += thinking.Text.Length;
                    break;
                case FunctionCallContent:
                    calls++;
                    break;
            }
        }
        return new StreamTally(content, reasoning, calls);
    }
}
