using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenClaw.OpenRouter.Images;
using OpenClaw.OpenRouter.Media;

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
/// <remarks>
/// <para>
/// <b>Geometry from <see cref="ImageGenerationOptions.ImageSize"/>.</b> OpenRouter takes an aspect ratio and a resolution class,
/// not pixels, so a size is translated: the aspect ratio is width:height reduced by their greatest common divisor
/// (1920×1080 → <c>16:9</c>, 1024×1024 → <c>1:1</c>; a ratio outside the advertised list is sent as it is), and the resolution
/// is <c>1K</c> when the longest side is at most 1024 pixels, <c>2K</c> up to 2048, else <c>4K</c>. An explicit
/// <see cref="AspectRatioProperty"/> or <see cref="ResolutionProperty"/> wins over the derived value. Both only reach the wire
/// for <c>google/gemini-*</c> models (provider spec §15.1).
/// </para>
/// <para>
/// <see cref="ImageGenerationOptions.ResponseFormat"/> and <see cref="ImageGenerationOptions.MediaType"/> are not sent: the
/// chat-completions route has no such fields, and the images always arrive as bytes (<see cref="DataContent"/>).
/// </para>
/// </remarks>
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

    /// <exception cref="ArgumentException">An original image that is neither <see cref="DataContent"/> nor <see cref="UriContent"/>, or a <see cref="TimeoutMsProperty"/> that is not a positive number.</exception>
    /// <exception cref="Errors.OpenRouterException">As <see cref="OpenRouterClient.GenerateImagesAsync"/>.</exception>
    public async Task<ImageGenerationResponse> GenerateAsync(ImageGenerationRequest request, ImageGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var imageRequest = ToImageRequest(request, options, DefaultModelId);
        var result = await _client.GenerateImagesAsync(imageRequest, cancellationToken).ConfigureAwait(false);
        return ToResponse(result);
    }

    /// <summary>The library request for an MEAI request (see the type's remarks).</summary>
    internal static OpenRouterImageRequest ToImageRequest(ImageGenerationRequest request, ImageGenerationOptions? options, string defaultModelId)
    {
        ArgumentNullException.ThrowIfNull(request);
        var properties = options?.AdditionalProperties;
        var (derivedRatio, derivedResolution) = options?.ImageSize is { } size ? FromSize(size.Width, size.Height) : (null, null);
        var inputs = new List<OpenRouterMediaInput>();
        foreach (var content in request.OriginalImages ?? [])
        {
            inputs.Add(content switch
            {
                // A data: URI given to DataContent is decoded into bytes and its media type, so both arrive here.
                DataContent data => OpenRouterMediaInput.FromBytes(data.Data, data.MediaType),
                UriContent uri => OpenRouterMediaInput.FromUrl(uri.Uri.IsAbsoluteUri ? uri.Uri.AbsoluteUri : uri.Uri.OriginalString),
                _ => throw new ArgumentException($"An original image must be DataContent or UriContent, not {content?.GetType().Name ?? "null"}.", nameof(request)),
            });
        }
        return new OpenRouterImageRequest
        {
            Prompt = request.Prompt ?? "",
            Model = string.IsNullOrWhiteSpace(options?.ModelId) ? defaultModelId : options.ModelId,
            Count = options?.Count,
            AspectRatio = TextProperty(properties, AspectRatioProperty) ?? derivedRatio,
            Resolution = TextProperty(properties, ResolutionProperty) ?? derivedResolution,
            InputImages = inputs,
            Timeout = TimeoutProperty(properties),
        };
    }

    /// <summary>The MEAI response for a result: one <see cref="DataContent"/> per image, named by its file name.</summary>
    internal static ImageGenerationResponse ToResponse(OpenRouterImageResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var contents = new List<AIContent>(result.Images.Count);
        foreach (var image in result.Images)
        {
            contents.Add(new DataContent(image.Data, image.MediaType) { Name = image.FileName, RawRepresentation = image });
        }
        return new ImageGenerationResponse(contents)
        {
            RawRepresentation = result,
            Usage = result.Usage is { } usage ? ChatResponseMapper.ToUsageDetails(usage) : null,
        };
    }

    /// <summary>
    /// The aspect ratio (width:height reduced) and resolution class (longest side ≤ 1024 → <c>1K</c>, ≤ 2048 → <c>2K</c>, else
    /// <c>4K</c>) of a pixel size; nothing for a size that is not positive.
    /// </summary>
    internal static (string? AspectRatio, string? Resolution) FromSize(int width, int height)
    {
        if (width <= 0 || height <= 0)
        {
            return (null, null);
        }
        var divisor = GreatestCommonDivisor(width, height);
        var ratio = string.Create(CultureInfo.InvariantCulture, $"{width / divisor}:{height / divisor}");
        var longest = Math.Max(width, height);
        return (ratio, longest <= 1024 ? "1K" : longest <= 2048 ? "2K" : "4K");
    }

    private static int GreatestCommonDivisor(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }
        return a;
    }

    private static string? TextProperty(AdditionalPropertiesDictionary? properties, string key)
    {
        if (properties is null || !properties.TryGetValue(key, out var value))
        {
            return null;
        }
        var text = value switch
        {
            string s => s,
            JsonElement { ValueKind: JsonValueKind.String } element => element.GetString(),
            null => null,
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private static TimeSpan? TimeoutProperty(AdditionalPropertiesDictionary? properties)
    {
        if (properties is null || !properties.TryGetValue(TimeoutMsProperty, out var value) || value is null)
        {
            return null;
        }
        double? milliseconds = value switch
        {
            TimeSpan span => span.TotalMilliseconds,
            JsonElement { ValueKind: JsonValueKind.Number } element => element.GetDouble(),
            JsonElement { ValueKind: JsonValueKind.String } element when double.TryParse(element.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            string text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            IConvertible convertible and not string and not bool => convertible.ToDouble(CultureInfo.InvariantCulture),
            _ => null,
        };
        if (milliseconds is not { } ms || !double.IsFinite(ms) || ms <= 0 || ms > int.MaxValue)
        {
            throw new ArgumentException($"{TimeoutMsProperty} must be a positive number of milliseconds, not \"{value}\".", nameof(properties));
        }
        return TimeSpan.FromMilliseconds(ms);
    }

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
