using OpenClaw.OpenRouter.Chat;

namespace OpenClaw.OpenRouter.Images;

/// <summary>The images of one generation, with what OpenRouter said about it.</summary>
public sealed record OpenRouterImageResult
{
    /// <summary>The images, in answer order (never empty: an answer without images is an error).</summary>
    public required IReadOnlyList<OpenRouterGeneratedImage> Images { get; init; }

    /// <summary>The API model id that was asked for (or the one the answer named).</summary>
    public required string Model { get; init; }

    /// <summary>The generation id (<c>id</c> or <c>X-Generation-Id</c>).</summary>
    public string? Id { get; init; }

    /// <summary>Any text the model wrote beside the images.</summary>
    public string? Text { get; init; }

    /// <summary>Tokens and billed cost, when reported.</summary>
    public OpenRouterUsage? Usage { get; init; }

    /// <summary>The upstream provider that served it.</summary>
    public string? Provider { get; init; }
}
