using OpenClaw.OpenRouter.AI;
using OpenClaw.OpenRouter.Tests.Videos;
using OpenClaw.OpenRouter.Videos;

namespace OpenClaw.OpenRouter.Tests.AI;

public sealed class OpenRouterVideoGeneratorTests
{
    [Fact]
    public async Task A_request_without_a_model_runs_on_the_default_model()
    {
        await using var rig = await VideoRig.StartAsync();
        var generator = new OpenRouterVideoGenerator(rig.Client);

        var result = await rig.Clock.DriveAsync(generator.GenerateAsync(new OpenRouterVideoRequest { Prompt = "Fog" }, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("google/veo-3.1-fast", generator.DefaultModelId);
        Assert.Same(rig.Client, generator.Client);
        Assert.Equal("""{"model":"google/veo-3.1-fast","prompt":"Fog"}""", Assert.Single(rig.Submits).BodyText);
        Assert.Equal("google/veo-3.1-fast", result.Model);
    }

    [Fact]
    public async Task A_configured_default_model_ref_is_used_as_its_api_id()
    {
        await using var rig = await VideoRig.StartAsync();
        var generator = new OpenRouterVideoGenerator(rig.Client, "  openrouter/google/veo-3.1-fast  ");

        await rig.Clock.DriveAsync(generator.GenerateAsync(new OpenRouterVideoRequest { Prompt = "Fog", Model = " " }, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("openrouter/google/veo-3.1-fast", generator.DefaultModelId);
        Assert.Equal("google/veo-3.1-fast", Assert.Single(rig.Submits).BodyJson!["model"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_requests_own_model_wins_over_the_default()
    {
        await using var rig = await VideoRig.StartAsync();
        var generator = new OpenRouterVideoGenerator(rig.Client, "acme/other-video");

        await rig.Clock.DriveAsync(generator.GenerateAsync(new OpenRouterVideoRequest { Prompt = "Fog", Model = "openrouter/google/veo-3.1-fast" }, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("google/veo-3.1-fast", Assert.Single(rig.Submits).BodyJson!["model"]!.GetValue<string>());
    }

    [Fact]
    public async Task Progress_and_errors_pass_through()
    {
        await using var rig = await VideoRig.StartAsync();
        rig.Emulator.Faults.Enqueue(Emulator.FaultNames.VideoFailed, "/videos");
        var generator = new OpenRouterVideoGenerator(rig.Client);
        var progress = new ProgressLog();

        var error = await Assert.ThrowsAsync<Errors.OpenRouterVideoJobException>(() =>
            rig.Clock.DriveAsync(generator.GenerateAsync(new OpenRouterVideoRequest { Prompt = "Fog" }, progress, TestContext.Current.CancellationToken)));

        Assert.Equal("Content policy violation", error.Message);
        Assert.Equal(OpenRouterVideoPhase.Submitting, progress.Reports[0].Phase);
    }

    [Fact]
    public async Task A_missing_key_surfaces_from_the_client()
    {
        await using var rig = await VideoRig.StartAsync(configure: options => options.ApiKey = null);
        var generator = new OpenRouterVideoGenerator(rig.Client);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => generator.GenerateAsync(new OpenRouterVideoRequest { Prompt = "Fog" }, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("OpenRouter API key missing", error.Message);
    }

    [Fact]
    public void Arguments_are_checked()
    {
        Assert.Throws<ArgumentNullException>(() => new OpenRouterVideoGenerator(null!));
        using var client = new OpenRouterClient(new OpenRouterClientOptions { ApiKey = "sk-or-v1-test", CapabilityCatalogUrl = null });
        var generator = new OpenRouterVideoGenerator(client, " ");
        Assert.Equal("google/veo-3.1-fast", generator.DefaultModelId);
        Assert.Throws<ArgumentNullException>(() => { _ = generator.GenerateAsync(null!, cancellationToken: TestContext.Current.CancellationToken); });
    }
}
