using OpenClaw.Agent.Fallbacks;
using OpenClaw.Agent.Media;
using OpenClaw.Core.Config;
using OpenClaw.Core.Models;
using OpenClaw.OpenRouter.Emulator;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Images;

namespace OpenClaw.Agent.Tests.Media;

/// <summary>The image service against the emulator: which models it tries, in which order, and what it says when they fail.</summary>
public sealed class ImageGenerationServiceTests
{
    private static OpenRouterImageRequest Prompt(string text = "A red square on white") => new() { Prompt = text };

    [Fact]
    public async Task Without_configuration_the_default_model_draws_on_the_canonical_route()
    {
        await using var harness = await MediaHarness.StartAsync();
        using var client = harness.Client();
        var service = new ImageGenerationService(client, harness.Settings());

        var outcome = await service.GenerateAsync(Prompt(), cancellationToken: MediaHarness.Token);

        Assert.Equal("google/gemini-3.1-flash-image-preview", outcome.Model.ApiId);
        Assert.Empty(outcome.FailedAttempts);
        var image = Assert.Single(outcome.Result.Images);
        Assert.Equal("image/png", image.MediaType);
        Assert.Equal("image-1.png", image.FileName);
        Assert.True(ImageHeader.TryReadSize(image.Data.Span, out var width, out var height));
        Assert.Equal((64, 64), (width, height));
        var request = Assert.Single(harness.Requests("/chat/completions"));
        Assert.Equal(
            """{"model":"google/gemini-3.1-flash-image-preview","messages":[{"role":"user","content":"A red square on white"}],"modalities":["image","text"],"n":1}""",
            request.BodyText);
        Assert.Equal([new Uri("https://openrouter.ai/api/v1/chat/completions")], harness.RequestedUrls);
        Assert.Equal("Bearer " + ApiKeyRegistry.DefaultKey, request.Header("Authorization"));
        Assert.Equal("https://openclaw.ai", request.Header("HTTP-Referer"));
        Assert.Equal("OpenClaw", request.Header("X-OpenRouter-Title"));
        Assert.Equal(OpenRouter.OpenRouterAttribution.OpenClaw.Categories, request.Header("X-OpenRouter-Categories"));
    }

    [Fact]
    public async Task A_failing_primary_falls_back_and_says_so()
    {
        await using var harness = await MediaHarness.StartAsync();
        harness.Emulator.Faults.Enqueue("server-error", "/chat/completions", "google/gemini-3.1-flash-image-preview");
        using var client = harness.Client();
        var configured = new ModelSelection("openrouter/google/gemini-3.1-flash-image-preview", ["openrouter/google/gemini-3-pro-image-preview"], null);
        var service = new ImageGenerationService(client, harness.Settings(image: configured));
        var notes = new List<(ModelAttempt Attempt, ResolvedModelRef Next)>();

        var outcome = await service.GenerateAsync(Prompt(), (attempt, next) => notes.Add((attempt, next)), MediaHarness.Token);

        Assert.Equal("google/gemini-3-pro-image-preview", outcome.Model.ApiId);
        var failed = Assert.Single(outcome.FailedAttempts);
        Assert.Equal("openrouter/google/gemini-3.1-flash-image-preview", failed.ModelRef);
        Assert.Equal("OpenRouter image generation failed (HTTP 500): Internal Server Error", failed.Message);
        Assert.Equal(FailoverReason.Timeout, failed.Reason);
        var note = Assert.Single(notes);
        Assert.Equal("openrouter/google/gemini-3-pro-image-preview", note.Next.CanonicalRef);
        Assert.Equal(["google/gemini-3.1-flash-image-preview", "google/gemini-3-pro-image-preview"],
            harness.ImageBodies.Select(body => (string?)body["model"]));
    }

    [Fact]
    public async Task When_every_candidate_fails_the_message_lists_them_all()
    {
        await using var harness = await MediaHarness.StartAsync();
        harness.Emulator.Faults.Enqueue("server-error", "/chat/completions", times: 2);
        using var client = harness.Client();
        var configured = new ModelSelection("openrouter/google/gemini-3.1-flash-image-preview", ["openrouter/openai/gpt-5.4-image-2"], null);
        var service = new ImageGenerationService(client, harness.Settings(image: configured));

        var error = await Assert.ThrowsAsync<MediaGenerationFailedException>(() => service.GenerateAsync(Prompt(), cancellationToken: MediaHarness.Token));

        Assert.Equal(
            "All image models failed (2): openrouter/google/gemini-3.1-flash-image-preview: OpenRouter image generation failed (HTTP 500): Internal Server Error | " +
            "openrouter/openai/gpt-5.4-image-2: OpenRouter image generation failed (HTTP 500): Internal Server Error",
            error.Message);
        Assert.Equal(2, error.Attempts.Count);
    }

    [Fact]
    public async Task A_per_call_model_gets_no_fallbacks_and_its_own_error()
    {
        await using var harness = await MediaHarness.StartAsync();
        harness.Emulator.Faults.Enqueue("server-error", "/chat/completions");
        using var client = harness.Client();
        var configured = new ModelSelection("openrouter/google/gemini-3.1-flash-image-preview", ["openrouter/google/gemini-3-pro-image-preview"], null);
        var service = new ImageGenerationService(client, harness.Settings(image: configured));

        var error = await Assert.ThrowsAsync<OpenRouterServerException>(() =>
            service.GenerateAsync(Prompt() with { Model = "openrouter/openai/gpt-5.4-image-2" }, cancellationToken: MediaHarness.Token));

        Assert.Equal("OpenRouter image generation failed (HTTP 500): Internal Server Error", error.Message);
        Assert.Equal(["openai/gpt-5.4-image-2"], harness.ImageBodies.Select(body => (string?)body["model"]));
    }

    [Fact]
    public async Task A_bad_request_does_not_move_on()
    {
        await using var harness = await MediaHarness.StartAsync();
        using var client = harness.Client();
        var configured = new ModelSelection("openrouter/google/no-such-image-model", ["openrouter/google/gemini-3-pro-image-preview"], null);
        var service = new ImageGenerationService(client, harness.Settings(image: configured));

        var error = await Assert.ThrowsAsync<OpenRouterBadRequestException>(() => service.GenerateAsync(Prompt(), cancellationToken: MediaHarness.Token));

        Assert.Equal("OpenRouter image generation failed (HTTP 400): google/no-such-image-model is not a valid model ID", error.Message);
        Assert.Single(harness.ImageBodies);
    }

    [Fact]
    public async Task Too_many_input_images_are_refused_before_anything_is_sent()
    {
        await using var harness = await MediaHarness.StartAsync();
        using var client = harness.Client();
        var configured = new ModelSelection(null, ["openrouter/google/gemini-3-pro-image-preview"], null);
        var service = new ImageGenerationService(client, harness.Settings(image: configured));
        var inputs = Enumerable.Range(0, 6).Select(_ => OpenRouter.Media.OpenRouterMediaInput.FromBytes(TestImages.Png(1, 1), "image/png")).ToList();

        var error = await Assert.ThrowsAsync<OpenRouterInvalidRequestException>(() =>
            service.GenerateAsync(Prompt() with { InputImages = inputs }, cancellationToken: MediaHarness.Token));

        Assert.Equal("OpenRouter image model google/gemini-3.1-flash-image-preview supports at most 5 reference images.", error.Message);
        Assert.Empty(harness.Emulator.Journal.Entries);
    }

    [Fact]
    public async Task Without_a_key_nothing_is_sent()
    {
        await using var harness = await MediaHarness.StartAsync();
        using var client = harness.Client(apiKey: null);
        var service = new ImageGenerationService(client, harness.Settings());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => service.GenerateAsync(Prompt(), cancellationToken: MediaHarness.Token));

        Assert.Equal("OpenRouter API key missing", error.Message);
        Assert.Empty(harness.Emulator.Journal.Entries);
    }

    [Fact]
    public async Task The_configured_time_limit_applies_when_the_call_sets_none()
    {
        await using var harness = await MediaHarness.StartAsync();
        harness.Emulator.Faults.Enqueue("stall; ms=600000", "/chat/completions");
        using var client = harness.Client();
        var service = new ImageGenerationService(client, harness.Settings(image: new ModelSelection(null, [], 90_000)));

        var generation = service.GenerateAsync(Prompt(), cancellationToken: MediaHarness.Token);
        await WaitForAsync(() => harness.Requests("/chat/completions").Count == 1);
        harness.Time.Clock.Advance(TimeSpan.FromMilliseconds(90_000));

        var error = await Assert.ThrowsAsync<OpenRouterTimeoutException>(() => generation);
        Assert.Equal("OpenRouter image generation failed: no answer within 90000 ms", error.Message);
    }

    [Fact]
    public async Task The_call_time_limit_beats_the_configured_one()
    {
        await using var harness = await MediaHarness.StartAsync();
        harness.Emulator.Faults.Enqueue("stall; ms=600000", "/chat/completions");
        using var client = harness.Client();
        var service = new ImageGenerationService(client, harness.Settings(image: new ModelSelection(null, [], 90_000)));

        var generation = service.GenerateAsync(Prompt() with { Timeout = TimeSpan.FromMilliseconds(7_000) }, cancellationToken: MediaHarness.Token);
        await WaitForAsync(() => harness.Requests("/chat/completions").Count == 1);
        harness.Time.Clock.Advance(TimeSpan.FromMilliseconds(7_000));

        var error = await Assert.ThrowsAsync<OpenRouterTimeoutException>(() => generation);
        Assert.Equal("OpenRouter image generation failed: no answer within 7000 ms", error.Message);
    }

    /// <summary>Waits (without a fixed sleep) until the emulator has seen what the test needs.</summary>
    internal static async Task WaitForAsync(Func<bool> condition)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(MediaHarness.Token);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5), deadline.Token);
        }
    }
}
