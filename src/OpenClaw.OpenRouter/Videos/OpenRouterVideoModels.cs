namespace OpenClaw.OpenRouter.Videos;

/// <summary>The video-generation provider's metadata and limits (provider spec §16).</summary>
public static class OpenRouterVideoModels
{
    /// <summary>The model used when none is configured.</summary>
    public const string DefaultModel = "google/veo-3.1-fast";

    /// <summary>Most input images one job may carry.</summary>
    public const int MaxInputImages = 4;

    /// <summary>The whole job (submit, polls, download) when neither the call nor the config says: 600 s.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromMilliseconds(600_000);

    /// <summary>Each HTTP call of a job, capped by what is left of the overall deadline: 60 s.</summary>
    public static TimeSpan DefaultRequestTimeout { get; } = TimeSpan.FromSeconds(60);

    /// <summary>The pause between status polls: 5 s.</summary>
    public static TimeSpan DefaultPollInterval { get; } = TimeSpan.FromSeconds(5);

    /// <summary>Most status polls of one job: 120.</summary>
    public const int DefaultMaxPolls = 120;
}
