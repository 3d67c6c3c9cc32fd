using Microsoft.Extensions.AI;
using OpenClaw.OpenRouter.Images;

namespace OpenClaw.OpenRouter.AI;

/// <summary>
/// <see cref="IImageGenerator"/> over <see cref="OpenRouterClient.GenerateImagesAsync"/>. <see cref="ImageGenerationOptions.ModelId"/>
/// picks the model (else the default given here, else <see cref="OpenRouterImageModels.DefaultModel"/>),
/// <see cref="ImageGenerationOptions.Count"/> the number of images, <see cref="ImageGenerationRequest.OriginalImages"/>
/// (<see cref="DataContent"/> or <see cref="UriContent"/>) the input images; the aspect ratio and resolution come from
/// <see cref="ImageGenerationOptions.AdditionalProperties"/> <c>aspect_ratio</c> and <c>resolution</c>, or are derived from
/// <see cref="ImageGenerationOptions.ImageSize"/>. The answer's images are <see cref="DataContent"/> items; the raw
/// representation is the <see cref="OpenRouterImageResult"/>.
/// </summary>
public sealed class OpenRouterImageGenerator : IImageGenerator
{
    /// <summary>The <see cref="ImageGenerationOptions.AdditionalProperties"/> key of the aspect ratio (<c>16:9</c>).</summary>
    public const string AspectRatioProperty = "aspect_ratio";

    /// <summary>The <see cref="ImageGenerationOptions.AdditionalProperties"/> key of the resolution (<c>1K|2K|4K</c>).</summary>
    public const string ResolutionProperty = "resolution";

    /// <summary>The <see cref="ImageGenerationOptions.AdditionalProperties"/> key of the call's timeout in milliseconds.</summary>
    public const string TimeoutMsProperty = "timeout_ms";

    private readonly OpenRouterClient _client;
    private readonly ImageGeneratorMetadata _metadata;

    public OpenRouterImageGenerator(OpenRouterClient client, string? defaultModel = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        DefaultModelId = string.IsNullOrWhiteSpace(defaultModel) ? OpenRouterImageModels.DefaultModel : defaultModel.Trim();
        _metadata = new ImageGeneratorMetadata(OpenRouterChatClient.ProviderName, client.BaseUrl, DefaultModelId);
    }

    /// <summary>The model used when the options name none.</summary>
    public string DefaultModelId { get; }

    public Task<ImageGenerationResponse> GenerateAsync(ImageGenerationRequest request, ImageGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ImageGeneratorMetadata) ? _metadata
            : serviceType == typeof(OpenRouterClient) ? _client
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
        // The client is the caller's.
    }
}
