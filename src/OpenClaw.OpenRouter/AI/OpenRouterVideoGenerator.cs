using OpenClaw.OpenRouter.Videos;

namespace OpenClaw.OpenRouter.AI;

/// <summary>
/// Video generation with a default model, shaped like the <c>Microsoft.Extensions.AI</c> generators (which have no video
/// abstraction yet): <see cref="GenerateAsync"/> runs one job through <see cref="OpenRouterClient.GenerateVideoAsync"/>,
/// filling in <see cref="DefaultModelId"/> when the request names no model.
/// </summary>
public sealed class OpenRouterVideoGenerator
{
    private readonly OpenRouterClient _client;

    public OpenRouterVideoGenerator(OpenRouterClient client, string? defaultModel = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        DefaultModelId = string.IsNullOrWhiteSpace(defaultModel) ? OpenRouterVideoModels.DefaultModel : defaultModel.Trim();
    }

    /// <summary>The model used when the request names none.</summary>
    public string DefaultModelId { get; }

    /// <summary>The client jobs run on.</summary>
    public OpenRouterClient Client => _client;

    /// <inheritdoc cref="OpenRouterClient.GenerateVideoAsync"/>
    public Task<OpenRouterVideoResult> GenerateAsync(OpenRouterVideoRequest request, IProgress<OpenRouterVideoProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _client.GenerateVideoAsync(string.IsNullOrWhiteSpace(request.Model) ? request with { Model = DefaultModelId } : request, progress, cancellationToken);
    }
}
