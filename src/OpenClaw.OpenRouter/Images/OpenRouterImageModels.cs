namespace OpenClaw.OpenRouter.Images;

/// <summary>The image-generation provider's metadata (provider spec §15).</summary>
public static class OpenRouterImageModels
{
    /// <summary>The model used when none is configured.</summary>
    public const string DefaultModel = "google/gemini-3.1-flash-image-preview";

    /// <summary>Most images one request may ask for (<c>n</c> is clamped to 1–4).</summary>
    public const int MaxCount = 4;

    /// <summary>Most input images an edit may carry.</summary>
    public const int MaxInputImages = 5;

    /// <summary>How long a generation may take when neither the call nor the config says: 180 s.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromMilliseconds(180_000);

    /// <summary>The models listed by the provider (any other id is passed through).</summary>
    public static IReadOnlyList<string> Listed { get; } = ["google/gemini-3.1-flash-image-preview", "google/gemini-3-pro-image-preview", "openai/gpt-5.4-image-2"];

    /// <summary>Aspect ratios the provider advertises.</summary>
    public static IReadOnlyList<string> AspectRatios { get; } = ["1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9", "21:9"];

    /// <summary>Resolutions the provider advertises (<c>image_config.image_size</c>).</summary>
    public static IReadOnlyList<string> Resolutions { get; } = ["1K", "2K", "4K"];
}
