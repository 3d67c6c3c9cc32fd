using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Errors;

namespace OpenClaw.OpenRouter.Tests.Faults;

/// <summary>
/// Faults in an answer that arrived with HTTP 200 as one JSON body (OpenRouter API §2.3), mostly non-streamed: an error inside
/// the body (also when a stream was asked for), a body that is cut, broken, late or padded. Once a response is accepted nothing
/// is sent again, even with retries on.
/// </summary>
public sealed class BodyFaultTests
{
    [Fact]
    public async Task An_error_envelope_inside_a_200_answering_a_stream_request_is_the_same_typed_error()
    {
        await using var rig = await FaultRig.StartAsync();
        rig.Enqueue("error-body-200; code=502");
        var seen = new List<OpenRouterChatUpdate>();

        var error = await Assert.ThrowsAsync<OpenRouterServerException>(() => FaultRig.StreamAsync(rig.Retrying, FaultRig.Request(), seen));

        Assert.Equal(502, error.Code);
        Assert.Equal("Provider returned error", error.Message);
        Assert.Equal("Emulator", error.ProviderName);
        Assert.Equal("upstream error", error.RawError);
        Assert.Equal(200, error.StatusCode);
        Assert.True(error.Details.InBand);
        Assert.Equal(1, rig.ChatAttempts);
        Assert.Equal("", FaultRig.TextOf(seen));
    }

    [Fact]
    public async Task An_in_band_error_keeps_the_HTTP_200_it_arrived_in()
    {
        await using var rig = await FaultRig.StartAsync();
        rig.Enqueue("mid-stream-error; after=2");
        rig.Enqueue("choice-error-200");

        var streamed = await Assert.ThrowsAsync<OpenRouterServerException>(() => FaultRig.StreamAsync(rig.Client));
        var whole = await Assert.ThrowsAsync<OpenRouterServerException>(() => FaultRig.CompleteAsync(rig.Client));

        // OpenRouterException.StatusCode: "a mid-stream error keeps the stream's 200"; the message stays OpenRouter's, unprefixed.
        Assert.All([streamed, whole], error =>
        {
            Assert.Equal(200, error.StatusCode);
            Assert.Equal(502, error.Code);
            Assert.Equal("Provider returned error", error.Message);
        });
    }
}
