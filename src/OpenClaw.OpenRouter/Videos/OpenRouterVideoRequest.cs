using OpenClaw.OpenRouter.Media;

namespace OpenClaw.OpenRouter.Videos;

/// <summary>One video job (provider spec §16): submit, poll, download.</summary>
public sealed record OpenRouterVideoRequest
{
    /// <summary>What to film.</summary>
    public required string Prompt { get; init; }

    /// <summary>A model ref (<c>openrouter/google/veo-3.1-fast</c>) or API id; <see langword="null"/> means <see cref="OpenRouterVideoModels.DefaultModel"/>.</summary>
    public string? Model { get; init; }

    /// <summary>Seconds; snapped to the nearest supported duration (ties to the longer: 5 → 6, 7 → 8).</summary>
    public double? DurationSeconds { get; init; }

    /// <summary><c>720P</c>, <c>1080P</c>, …: validated against the model, sent lower-cased.</summary>
    public string? Resolution { get; init; }

    /// <summary><c>16:9</c>, <c>9:16</c>, …: validated against the model.</summary>
    public string? AspectRatio { get; init; }

    /// <summary><c>WIDTHxHEIGHT</c>, sent as given.</summary>
    public string? Size { get; init; }

    /// <summary><c>generate_audio</c>; <see langword="null"/> sends nothing.</summary>
    public bool? GenerateAudio { get; init; }

    /// <summary>
    /// Input images: <see cref="OpenRouterMediaRole.FirstFrame"/>/<see cref="OpenRouterMediaRole.LastFrame"/> → <c>frame_images</c>,
    /// <see cref="OpenRouterMediaRole.ReferenceImage"/> → <c>input_references</c>, no role → the first free frame slot, extras
    /// → <c>input_references</c>. A video input is refused (no video-to-video).
    /// </summary>
    public IReadOnlyList<OpenRouterMediaInput> Images { get; init; } = [];

    /// <summary>Must be a safe integer (<c>OpenRouter video seed must be an integer</c>).</summary>
    public double? Seed { get; init; }

    /// <summary>A webhook URL (trimmed).</summary>
    public string? CallbackUrl { get; init; }

    /// <summary>
    /// The whole job; <see langword="null"/> means <see cref="OpenRouterVideoModels.DefaultTimeout"/>,
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> no overall limit (the polls still end).
    /// </summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Each HTTP call, capped by the remaining deadline; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for no limit but that one.</summary>
    public TimeSpan RequestTimeout { get; init; } = OpenRouterVideoModels.DefaultRequestTimeout;

    /// <summary>The pause between polls (the first poll is immediate).</summary>
    public TimeSpan PollInterval { get; init; } = OpenRouterVideoModels.DefaultPollInterval;

    /// <summary>Most polls before <c>OpenRouter video generation did not finish in time</c>.</summary>
    public int MaxPolls { get; init; } = OpenRouterVideoModels.DefaultMaxPolls;
}
