using OpenClaw.Agent.Media;
using OpenClaw.Cli.Hosting;

namespace OpenClaw.Cli.Commands.Infer;

/// <summary>Reads the image and video generation settings from <c>openclaw.json</c> (CLI spec §8, §9.1).</summary>
public static class MediaSettingsReader
{
    /// <summary>
    /// <c>agents.defaults.imageGenerationModel</c> / <c>videoGenerationModel</c> (or <c>mediaModels.image|video</c>; a string
    /// or <c>{primary, fallbacks, timeoutMs}</c>), <c>&lt;stateDir&gt;/media</c>, <c>agents.defaults.mediaMaxMb</c>, and the
    /// configured aliases for model refs.
    /// </summary>
    public static MediaGenerationSettings Read(LocalState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var config = state.Config;
        return new MediaGenerationSettings
        {
            ImageModel = config.ImageGenerationModel,
            VideoModel = config.VideoGenerationModel,
            MediaDirectory = state.Paths.MediaDir,
            MaxBytes = MediaLimits.BytesFromMegabytes(config.MediaMaxMb),
            ModelRefs = state.CreateModelRefResolver(),
        };
    }

    /// <summary>Input images as a command reads them: relative to the working directory, <c>~</c> as the home directory.</summary>
    public static MediaInputReader InputReader(LocalState state, MediaGenerationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(settings);
        return new MediaInputReader(state.Context.WorkingDirectory, state.Paths.Home, settings.MaxBytes);
    }
}
