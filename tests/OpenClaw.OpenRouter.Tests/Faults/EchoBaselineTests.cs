using OpenClaw.OpenRouter.Chat;

namespace OpenClaw.OpenRouter.Tests.Faults;

/// <summary>
/// The fault-free answer every partial-output expectation in this folder is computed from: <c>emulator/echo</c> (no tools, no
/// reasoning) streams one word per chunk, then the finish chunk and the usage chunk, and nothing else.
/// </summary>
public sealed class EchoBaselineTests
{
    [Fact]
    public async Task Without_a_fault_the_echo_model_streams_one_word_per_chunk_and_no_thinking()
    {
        await using var rig = await FaultRig.StartAsync();
        var seen = new List<OpenRouterChatUpdate>();

        var result = await FaultRig.StreamAsync(rig.Client, FaultRig.Request(), seen);

        Assert.Equal(FaultRig.EchoPieces, seen.Where(update => update.Text is not null).Select(update => update.Text!));
        Assert.DoesNotContain(seen, update => update.Thinking is not null || update.ReasoningDetails is not null);
        Assert.Equal(FaultRig.EchoAnswer, result.Text);
        Assert.Empty(result.Thinking);
        Assert.Equal(OpenRouterStopReason.Stop, result.StopReason);
        Assert.Equal(0, result.Usage!.ReasoningTokens ?? 0);
        Assert.Equal(1, rig.ChatAttempts);
    }

    [Fact]
    public async Task The_echo_model_does_not_reason_even_when_asked_to()
    {
        await using var rig = await FaultRig.StartAsync();
        var request = FaultRig.Request() with
        {
            // The row advertises no reasoning, so this reaches the wire only as an explicit param.
            Params = new System.Text.Json.Nodes.JsonObject { ["extraBody"] = new System.Text.Json.Nodes.JsonObject { ["reasoning"] = new System.Text.Json.Nodes.JsonObject { ["effort"] = "high" } } },
        };

        var result = await FaultRig.CompleteAsync(rig.Client, request);

        Assert.Equal(FaultRig.EchoAnswer, result.Text);
        Assert.Empty(result.Thinking);
        Assert.Equal(0, result.Usage!.ReasoningTokens ?? 0);
    }
}
