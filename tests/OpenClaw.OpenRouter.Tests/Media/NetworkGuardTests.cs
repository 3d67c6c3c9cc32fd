using OpenClaw.OpenRouter.Emulator;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Media;
using OpenClaw.OpenRouter.Tests.Videos;
using OpenClaw.OpenRouter.Videos;

namespace OpenClaw.OpenRouter.Tests.Media;

/// <summary>
/// The guard of provider spec §15.3 on the real network stack: clients without an injected handler, pointed at the loopback
/// emulator. Refused hosts are refused before connecting, so the emulator never hears of them.
/// </summary>
public sealed class NetworkGuardTests
{
    private static readonly OpenRouterVideoRequest Request = new() { Prompt = "A slow pan over a lake" };

    [Theory]
    [InlineData("http://127.0.0.1:{0}/api/v1", "127.0.0.1")]
    [InlineData("http://localhost:{0}/api/v1", "localhost")]
    [InlineData("http://[::1]:{0}/api/v1", "::1")]
    public async Task A_video_job_to_a_loopback_base_is_refused_and_nothing_arrives(string baseUrl, string host)
    {
        await using var emulator = await OpenRouterEmulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var warnings = new List<string>();
        using var client = new OpenRouterClient(new OpenRouterClientOptions
        {
            ApiKey = ApiKeyRegistry.DefaultKey,
            BaseUrl = string.Format(System.Globalization.CultureInfo.InvariantCulture, baseUrl, emulator.Origin.Port),
            CapabilityCatalogUrl = null,
            AllowPrivateNetwork = false,
            Warning = warnings.Add,
        });

        var error = await Assert.ThrowsAsync<OpenRouterBlockedNetworkException>(() => client.GenerateVideoAsync(Request, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("Blocked hostname or private/internal/special-use IP address", error.Message);
        Assert.Equal(host, error.Host?.Trim('[', ']'));
        Assert.Empty(emulator.Journal.Entries);
        // The model list was refused too; the job went on to the submit, which was refused in turn.
        Assert.Equal("OpenRouter video model list unavailable, using the default video capabilities: Blocked hostname or private/internal/special-use IP address",
            Assert.Single(warnings));
    }

    [Fact]
    public async Task Allowing_the_private_network_lets_the_job_reach_the_emulator()
    {
        await using var emulator = await OpenRouterEmulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var clock = new VideoClock();
        using var client = new OpenRouterClient(new OpenRouterClientOptions
        {
            ApiKey = ApiKeyRegistry.DefaultKey,
            BaseUrl = emulator.BaseUrl.AbsoluteUri,
            CapabilityCatalogUrl = null,
            AllowPrivateNetwork = true,
            TimeProvider = clock,
        });

        var result = await clock.DriveAsync(client.GenerateVideoAsync(Request, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(2, result.Polls);
        Assert.Equal("video/mp4", result.Video.MediaType);
        Assert.Equal(5, emulator.Journal.Entries.Count);
    }

    [Theory]
    [InlineData("http://10.255.255.1/video.mp4")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("https://127.0.0.1/v.mp4")]
    [InlineData("http://[fd00::1]/v.mp4")]
    public async Task The_guarded_http_layer_refuses_private_targets_before_connecting(string url)
    {
        using var http = new MediaHttp(handler: null, allowPrivateNetwork: false, TimeProvider.System);

        var error = await Assert.ThrowsAsync<OpenRouterBlockedNetworkException>(() => http.SendAsync(new MediaRequest
        {
            Method = HttpMethod.Get,
            Url = new Uri(url),
            Operation = "OpenRouter generated video download failed",
            MaxBytes = 1024,
            Timeout = TimeSpan.FromSeconds(30),
        }, TestContext.Current.CancellationToken));

        Assert.Equal("Blocked hostname or private/internal/special-use IP address", error.Message);
        Assert.Equal(new Uri(url).IdnHost, error.Host?.Trim('[', ']'));
    }
}
