using OpenClaw.OpenRouter.Media;

namespace OpenClaw.OpenRouter.Images;

/// <summary>One image generation (or edit, with <see cref="InputImages"/>) through chat completions (provider spec §15.1).</summary>
public sealed record OpenRouterImageRequest
{
    /// <summary>What to draw.</summary>
    public required string Prompt { get; init; }

    /// <summary>A model ref (<c>openrouter/google/…</c>) or API id; <see langword="null"/> means <see cref="OpenRouterImageModels.DefaultModel"/>.</summary>
    public string? Model { get; init; }

    /// <summary>How many images: truncated to an integer and clamped to 1–4; 1 when absent or not finite.</summary>
    public double? Count { get; init; }

    /// <summary><c>image_config.aspect_ratio</c> (Gemini image models only), e.g. <c>16:9</c>.</summary>
    public string? AspectRatio { get; init; }

    /// <summary><c>image_config.image_size</c> (Gemini image models only): <c>1K</c>, <c>2K</c> or <c>4K</c>.</summary>
    public string? Resolution { get; init; }

    /// <summary>Images to edit or draw from, sent as <c>image_url</c> parts; at most <see cref="OpenRouterImageModels.MaxInputImages"/>.</summary>
    public IReadOnlyList<OpenRouterMediaInput> InputImages { get; init; } = [];

    /// <summary>How long the whole call may take; <see langword="null"/> means <see cref="OpenRouterImageModels.DefaultTimeout"/>.</summary>
    public TimeSpan? Timeout { get; init; }
}
