using OpenClaw.OpenRouter.Errors;

namespace OpenClaw.OpenRouter.Tests.Faults;

/// <summary><c>generation-pending</c>: <c>GET /generation</c> answers 404 as if the record were not written yet. The client asks
/// again after 250 ms and 500 ms (provider spec §14.4) and then gives up with the typed 404.</summary>
public sealed class GenerationFaultTests
{
    private const string GenerationPath = "/generation";

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task A_pending_generation_is_asked_for_again_until_it_is_there(int pending)
    {
        await using var rig = await FaultRig.StartAsync();
        var completed = await FaultRig.CompleteAsync(rig.Client);
        rig.Emulator.Faults.Enqueue("generation-pending", GenerationPath, times: pending);

        var generation = await rig.Client.GetGenerationAsync(completed.Id!, TestContext.Current.CancellationToken);

        Assert.Equal(completed.Id, generation.Id);
        Assert.Equal(completed.Usage!.Cost, generation.TotalCost);
        Assert.Equal(pending + 1, rig.Requests(GenerationPath));
    }

    [Fact]
    public async Task A_generation_still_pending_after_three_attempts_is_a_typed_not_found()
    {
        await using var rig = await FaultRig.StartAsync();
        var completed = await FaultRig.CompleteAsync(rig.Client);
        rig.Emulator.Faults.Enqueue("generation-pending", GenerationPath, times: -1);

        var error = await Assert.ThrowsAsync<OpenRouterNotFoundException>(() => rig.Client.GetGenerationAsync(completed.Id!, TestContext.Current.CancellationToken));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal(404, error.Code);
        Assert.Equal($"404 Generation {completed.Id} not found", error.Message);
        Assert.Equal($"Generation {completed.Id} not found", error.ErrorMessage);
        Assert.False(error.IsTransient);
        Assert.Equal(3, rig.Requests(GenerationPath));
    }
}
