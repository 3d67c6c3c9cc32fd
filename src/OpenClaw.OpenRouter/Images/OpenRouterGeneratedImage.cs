namespace OpenClaw.OpenRouter.Images;

/// <summary>One generated image: its bytes, media type and a file name (<c>image-&lt;n&gt;.&lt;ext&gt;</c>).</summary>
public sealed record OpenRouterGeneratedImage
{
    public required ReadOnlyMemory<byte> Data { get; init; }

    /// <summary>From the data URL or part (<c>image/png</c> when the answer did not say).</summary>
    public required string MediaType { get; init; }

    /// <summary><c>image-1.png</c>, <c>image-2.jpg</c>, … (<c>png</c> by default, <c>jpg</c> for JPEG, <c>webp</c>, <c>gif</c>).</summary>
    public required string FileName { get; init; }

    /// <summary>The prompt as the model rewrote it, when the answer says.</summary>
    public string? RevisedPrompt { get; init; }
}
