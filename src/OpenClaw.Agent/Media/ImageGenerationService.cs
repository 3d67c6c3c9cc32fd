using OpenClaw.Agent.Fallbacks;
using OpenClaw.Core.Models;
using OpenClaw.OpenRouter;
using OpenClaw.OpenRouter.Images;

namespace OpenClaw.Agent.Media;

/// <summary>
/// Image generation as both <c>openclaw infer image generate</c> and the <c>image_generate</c> tool run it: the model chain
/// and time limit from the settings around <see cref="OpenRouterClient.GenerateImagesAsync"/> (provider spec §15).
/// </summary>
public sealed class ImageGenerationService
{
    private readonly OpenRouterClient _client;

    /// <param name="client">The OpenRouter client (key, base URL, private-network switch and size cap already set).</param>
    /// <param name="settings">The configured models, directory and cap.</param>
    public ImageGenerationService(OpenRouterClient client, MediaGenerationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(settings);
        _client = client;
        Settings = settings;
    }

    public MediaGenerationSettings Settings { get; }

    /// <summary>The models <paramref name="callModel"/> (or the configuration) makes this call try, in order.</summary>
    public IReadOnlyList<ResolvedModelRef> Candidates(string? callModel) =>
        MediaModelChain.Candidates(callModel, Settings.ImageModel, MediaGenerationSettings.DefaultImageModel, Settings.ModelRefs);

    /// <summary>
    /// Generates images for <paramref name="request"/>. <see cref="OpenRouterImageRequest.Model"/> set: that model only (a ref,
    /// alias or API id); unset: the configured primary (default <see cref="MediaGenerationSettings.DefaultImageModel"/>) then
    /// its fallbacks. <see cref="OpenRouterImageRequest.Timeout"/> unset: the configured <c>timeoutMs</c>, else the library's
    /// 180 s. Each candidate gets the whole time limit.
    /// </summary>
    /// <param name="request">The call (prompt, count, geometry, input images, optional model and time limit).</param>
    /// <param name="onFallback">Told when a candidate failed and the next is about to be tried.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <exception cref="InvalidOperationException">No API key (<c>OpenRouter API key missing</c>); nothing was sent.</exception>
    /// <exception cref="MediaGenerationFailedException">Several candidates were tried and all failed.</exception>
    /// <exception cref="OpenRouter.Errors.OpenRouterException">The only candidate tried failed (its own message).</exception>
    public async Task<ImageGenerationOutcome> GenerateAsync(OpenRouterImageRequest request, Action<ModelAttempt, ResolvedModelRef>? onFallback = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var candidates = Candidates(request.Model);
        var timeout = MediaModelChain.Timeout(request.Timeout, Settings.ImageModel);
        var (result, model, failed) = await MediaFailover.RunAsync(
            "image",
            candidates,
            candidate => _client.GenerateImagesAsync(request with { Model = candidate.CanonicalRef, Timeout = timeout }, cancellationToken),
            onFallback).ConfigureAwait(false);
        return new ImageGenerationOutcome(result, model, failed);
    }
}
