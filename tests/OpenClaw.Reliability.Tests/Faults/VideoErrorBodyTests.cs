using OpenClaw.OpenRouter;
using OpenClaw.OpenRouter.Emulator;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Videos;
using OpenClaw.Reliability.Tests.Support;

namespace OpenClaw.Reliability.Tests.Faults;

/// <summary>
/// Provider spec §14.3: an HTTP 200 whose body is an error envelope is that error, typed by its code — for a video job's
/// submit and status answers too, not "response missing job details" / "response malformed". Found by the fault matrix
/// (Video × error-body-200); the poll case is a variant the matrix's one-fault-per-operation cell does not reach.
/// </summary>
public sealed class VideoErrorBodyTests
{
    [Theory]
    [InlineData("/videos", "OpenRouter video generation failed (HTTP 200): Provider returned error", 0)]
    [InlineData("/videos/job-emu000001", "OpenRouter video status request failed (HTTP 200): Provider returned error", 1)]
    public async Task An_error_envelope_inside_a_200_video_answer_is_the_typed_error(string path, string message, int polls)
    {
        await using var emulator = await FaultRig.StartEmulatorAsync();
        using var handler = new EmulatorRedirectHandler(emulator.Origin, emulator.ForeignOrigin);
        using var client = new OpenRouterClient(FaultRig.Options(emulator, handler, new SleepSkippingTimeProvider()));
        emulator.Faults.Enqueue(FaultNames.ErrorBody200, path);

        var error = await Assert.ThrowsAsync<OpenRouterServerException>(() =>
            client.GenerateVideoAsync(new OpenRouterVideoRequest { Prompt = "A slow pan over a lake" }, null, TestContext.Current.CancellationToken));
        OutputLedger.Record(nameof(An_error_envelope_inside_a_200_video_answer_is_the_typed_error), error);

        Assert.Equal(message, error.Message);
        Assert.Equal(200, error.StatusCode);
        Assert.Equal(502, error.Code);
        Assert.Equal("Emulator", error.ProviderName);
        Assert.True(error.Details.InBand);
        Assert.Equal(polls, emulator.Journal.Entries.Count(entry => entry.Method == "GET" && entry.Path.StartsWith("/api/v1/videos/job-", StringComparison.Ordinal)));
        Assert.DoesNotContain(emulator.Journal.Entries, entry => entry.Path.EndsWith("/content", StringComparison.Ordinal));
    }
}
