using OpenClaw.OpenRouter.Emulator;
using OpenClaw.Reliability.Tests.Support;

namespace OpenClaw.Reliability.Tests.Secrets;

/// <summary>
/// Issue 9 §4, other origins: on the canonical route a video whose download URL is on another origin (the emulator's
/// second, "foreign" listener) is fetched with no <c>Authorization</c> — no header of ours at all — while every request to
/// the API origin carries the key. <see cref="SuiteCli.RecordState"/> puts the foreign requests in the ledger as well.
/// </summary>
public sealed class ForeignOriginTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_video_download_on_a_foreign_origin_carries_no_key_end_to_end(bool json)
    {
        await using var user = await SuiteCli.StartAsync($"foreign video download (json {json})", canonical: true, options: new EmulatorOptions { ForeignPort = 0 });
        user.Cli.TimeProvider = new SleepSkippingTimeProvider();
        user.Emulator.Faults.Enqueue(FaultNames.VideoForeignUrls, "/videos");

        string[] args = ["infer", "video", "generate", "--prompt", "A slow pan over a lake", "--output", "lake.mp4"];
        var result = await user.RunAsync(json ? [.. args, "--json"] : args);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Null(SuiteKey.FindIn(result.Stdout + result.Stderr));
        var foreign = user.Emulator.ForeignOrigin!.GetLeftPart(UriPartial.Authority);
        var download = Assert.Single(user.Emulator.Journal.Entries, entry => entry.Origin.TrimEnd('/') == foreign);
        Assert.Null(download.Header("Authorization"));
        Assert.Null(SuiteKey.FindIn(string.Join('\n', download.Headers.Select(header => $"{header.Key}: {header.Value}")) + download.Query + download.BodyText));
        var onApi = user.Emulator.Journal.Entries.Where(entry => entry.Origin.TrimEnd('/') != foreign).ToList();
        Assert.NotEmpty(onApi);
        Assert.All(onApi, entry => Assert.Equal("Bearer " + SuiteKey.Value, entry.Header("Authorization")));
        Assert.All(user.Cli.Handler.Requested, url => Assert.True(url.Host is "openrouter.ai" || url.IsLoopback, url.ToString()));
        var before = OutputLedger.Count;
        user.RecordState();
        Assert.True(OutputLedger.Count > before);
    }

    [Fact]
    public async Task The_library_downloads_a_foreign_video_without_any_of_its_headers()
    {
        await using var emulator = await OpenRouterEmulator.StartAsync(new EmulatorOptions { ForeignPort = 0 }, TestContext.Current.CancellationToken);
        using var handler = new EmulatorRedirectHandler(emulator.Origin, emulator.ForeignOrigin);
        using var client = new OpenClaw.OpenRouter.OpenRouterClient(new OpenClaw.OpenRouter.OpenRouterClientOptions
        {
            ApiKey = SuiteKey.Value,
            Attribution = OpenClaw.OpenRouter.OpenRouterAttribution.OpenClaw,
            Handler = handler,
            CapabilityCatalogUrl = new Uri("https://openrouter.ai/api/v1/models"),
            TimeProvider = new SleepSkippingTimeProvider(),
        });
        emulator.Faults.Enqueue(FaultNames.VideoForeignUrls, "/videos");

        var video = await client.GenerateVideoAsync(new OpenClaw.OpenRouter.Videos.OpenRouterVideoRequest { Prompt = "A lake" }, progress: null, TestContext.Current.CancellationToken);

        Assert.NotNull(video.Video);
        var foreign = emulator.ForeignOrigin!.GetLeftPart(UriPartial.Authority);
        var download = Assert.Single(emulator.Journal.Entries, entry => entry.Origin.TrimEnd('/') == foreign);
        Assert.Null(download.Header("Authorization"));
        Assert.Null(download.Header("HTTP-Referer"));
        Assert.Null(download.Header("X-OpenRouter-Title"));
        Assert.Null(SuiteKey.FindIn(string.Join('\n', download.Headers.Select(header => header.Value)) + download.Query));
    }
}
