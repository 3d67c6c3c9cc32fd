using OpenClaw.OpenRouter.Emulator;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Speech;

namespace OpenClaw.OpenRouter.Tests.Speech;

/// <summary>Speech is a media request: the private-network guard of provider spec §15.3 applies unless lifted.</summary>
public sealed class SpeechNetworkGuardTests
{
    [Fact]
    public async Task A_loopback_base_is_refused_before_connecting()
    {
        await using var emulator = await OpenRouterEmulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        using var client = new OpenRouterClient(new OpenRouterClientOptions { ApiKey = ApiKeyRegistry.DefaultKey, BaseUrl = emulator.BaseUrl.AbsoluteUri });

        var error = await Assert.ThrowsAsync<OpenRouterBlockedNetworkException>(() =>
            client.SynthesizeSpeechAsync(new OpenRouterSpeechRequest { Input = "Hello there" }, TestContext.Current.CancellationToken));

        Assert.Equal("Blocked hostname or private/internal/special-use IP address", error.Message);
        Assert.Empty(emulator.Journal.Entries);
    }

    [Fact]
    public async Task Allowing_private_networks_reaches_a_local_emulator()
    {
        await using var emulator = await OpenRouterEmulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        using var client = new OpenRouterClient(new OpenRouterClientOptions
        {
            ApiKey = ApiKeyRegistry.DefaultKey,
            BaseUrl = emulator.BaseUrl.AbsoluteUri,
            AllowPrivateNetwork = true,
        });

        var result = await client.SynthesizeSpeechAsync(new OpenRouterSpeechRequest { Input = "Hello there" }, TestContext.Current.CancellationToken);

        Assert.True(SpeechResultTests.StartsLikeMp3(result.Audio.Span));
        Assert.Single(emulator.Journal.For("/audio/speech"));
    }
}
