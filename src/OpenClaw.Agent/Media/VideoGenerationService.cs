using OpenClaw.Agent.Fallbacks;
using OpenClaw.Core.Models;
using OpenClaw.OpenRouter;
using OpenClaw.OpenRouter.Videos;

namespace OpenClaw.Agent.Media;

/// <summary>
/// Video generation as both <c>openclaw infer video generate</c> and the <c>video_generate</c> tool run it: the model chain
/// and time limit from the settings around <see cref="OpenRouterClient.GenerateVideoAsync"/> (provider spec §16).
/// </summary>
public sealed class VideoGenerationService
{
    private readonly OpenRouterClient _client;

    /// <param name="client">The OpenRouter client (key, base URL, private-network switch, size cap and clock already set).</param>
    /// <param name="settings">The configured models, directory and cap.</param>
    public VideoGenerationService(OpenRouterClient client, MediaGenerationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(settings);
        _client = client;
        Settings = settings;
    }

    public MediaGenerationSettings Settings { get; }

    /// <summary>The models <paramref name="callModel"/> (or the configuration) makes this call try, in order.</summary>
    public IReadOnlyList<ResolvedModelRef> Candidates(string? callModel) =>
        MediaModelChain.Candidates(callModel, Settings.VideoModel, MediaGenerationSettings.DefaultVideoModel, Settings.ModelRefs);

    /// <summary>
    /// Runs one video job for <paramref name="request"/> (submit, poll, download). <see cref="OpenRouterVideoRequest.Model"/>
    /// set: that model only; unset: the configured primary (default <see cref="MediaGenerationSettings.DefaultVideoModel"/>)
    /// then its fallbacks. <see cref="OpenRouterVideoRequest.Timeout"/> unset: the configured <c>timeoutMs</c>, else the
    /// library's 600 s. Each candidate is a new job with the whole time limit.
    /// </summary>
    /// <param name="request">The job (prompt, duration, geometry, audio, images, seed, optional model and time limit).</param>
    /// <param name="progress">Told at every phase change and poll (synchronously, on the polling task).</param>
    /// <param name="onFallback">Told when a candidate failed and the next is about to be tried.</param>
    /// <param name="cancellationToken">Stops the job (nothing is downloaded or kept).</param>
    /// <exception cref="InvalidOperationException">No API key (<c>OpenRouter API key missing</c>); nothing was sent.</exception>
    /// <exception cref="MediaGenerationFailedException">Several candidates were tried and all failed.</exception>
    /// <exception cref="OpenRouter.Errors.OpenRouterException">The only candidate tried failed (its own message).</exception>
    public async Task<VideoGenerationOutcome> GenerateAsync(OpenRouterVideoRequest request, IProgress<OpenRouterVideoProgress>? progress = null,
        Action<ModelAttempt, ResolvedModelRef>? onFallback = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var candidates = Candidates(request.Model);
        var timeout = MediaModelChain.Timeout(request.Timeout, Settings.VideoModel);
        var (result, model, failed) = await MediaFailover.RunAsync(
            "video",
            candidates,
            candidate => _client.GenerateVideoAsync(request with { Model = candidate.CanonicalRef, Timeout = timeout }, progress, cancellationToken),
            onFallback).ConfigureAwait(false);
        return new VideoGenerationOutcome(result, model, failed);
    }
}
