using OpenClaw.Core.Config;
using OpenClaw.Core.Models;

namespace OpenClaw.Agent.Media;

/// <summary>
/// What the config says about image and video generation, resolved by the caller (the CLI reads <c>openclaw.json</c>):
/// <c>agents.defaults.imageGenerationModel</c> / <c>videoGenerationModel</c> (or their <c>mediaModels</c> aliases), the media
/// directory and the size cap.
/// </summary>
public sealed record MediaGenerationSettings
{
    /// <summary>The image model when the config names none (provider spec §15).</summary>
    public const string DefaultImageModel = "openrouter/google/gemini-3.1-flash-image-preview";

    /// <summary>The video model when the config names none (provider spec §16).</summary>
    public const string DefaultVideoModel = "openrouter/google/veo-3.1-fast";

    /// <summary><c>agents.defaults.imageGenerationModel</c>: primary, fallbacks, timeoutMs.</summary>
    public ModelSelection ImageModel { get; init; } = ModelSelection.None;

    /// <summary><c>agents.defaults.videoGenerationModel</c>: primary, fallbacks, timeoutMs.</summary>
    public ModelSelection VideoModel { get; init; } = ModelSelection.None;

    /// <summary><c>&lt;stateDir&gt;/media</c>: where the tools save what they make.</summary>
    public required string MediaDirectory { get; init; }

    /// <summary>The size cap of one input or generated file (<c>agents.defaults.mediaMaxMb</c> × 1 MiB).</summary>
    public long MaxBytes { get; init; } = MediaLimits.DefaultMaxBytes;

    /// <summary>Resolves aliases and bare configured ids in model refs; the default knows none.</summary>
    public ModelRefResolver ModelRefs { get; init; } = new(new Dictionary<string, string>(), []);
}
