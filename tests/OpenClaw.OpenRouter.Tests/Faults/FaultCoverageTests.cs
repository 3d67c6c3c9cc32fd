using OpenClaw.OpenRouter.Emulator;

namespace OpenClaw.OpenRouter.Tests.Faults;

/// <summary>Every fault the emulator can script has its client test in this folder, so a new fault cannot go untested.</summary>
public sealed class FaultCoverageTests
{
    /// <summary>The faults tested here, with the class that tests each.</summary>
    private static readonly Dictionary<string, Type> Covered = new(StringComparer.Ordinal)
    {
        [FaultNames.RateLimit] = typeof(RetryAfterFaultTests),
        [FaultNames.ServerError] = typeof(ClientFaultTests),
        [FaultNames.BadGateway] = typeof(ClientFaultTests),
        [FaultNames.Unavailable] = typeof(ClientFaultTests),
        [FaultNames.Status] = typeof(ClientFaultTests),
        [FaultNames.ErrorBody200] = typeof(BodyFaultTests),
        [FaultNames.ChoiceError200] = typeof(BodyFaultTests),
        [FaultNames.MidStreamError] = typeof(StreamFaultTests),
        [FaultNames.Stall] = typeof(StreamFaultTests),
        [FaultNames.Drop] = typeof(StreamFaultTests),
        [FaultNames.SlowFirstByte] = typeof(WaitingFaultTests),
        [FaultNames.SlowStream] = typeof(StreamFaultTests),
        [FaultNames.MalformedJson] = typeof(StreamFaultTests),
        [FaultNames.Length] = typeof(StreamFaultTests),
        [FaultNames.NullFinish] = typeof(StreamFaultTests),
        [FaultNames.NoFinish] = typeof(StreamFaultTests),
        [FaultNames.UsageEmptyChoices] = typeof(StreamFaultTests),
        [FaultNames.ReasoningContentField] = typeof(StreamFaultTests),
        [FaultNames.Oversize] = typeof(BodyFaultTests),
        [FaultNames.GenerationPending] = typeof(GenerationFaultTests),
        [FaultNames.ImageShape] = typeof(OpenClaw.OpenRouter.Tests.Images.ImageResponseShapeTests),
    };

    [Fact]
    public void Every_emulator_fault_but_the_video_ones_has_a_client_test()
    {
        // The video-* faults shape video jobs and downloads; their client tests belong to the video-generation issue.
        var expected = FaultNames.All.Where(name => !name.StartsWith("video-", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

        Assert.Equal(expected, Covered.Keys.Order(StringComparer.Ordinal));
    }
}
