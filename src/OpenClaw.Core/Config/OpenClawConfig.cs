using System.Text.Json.Nodes;
using OpenClaw.Core.State;

namespace OpenClaw.Core.Config;

/// <summary>
/// The typed view of the keys this program uses, read from a document that has been validated. Reading applies the
/// <c>env</c> block (flat and <c>env.vars</c>) to <see cref="EnvironmentVariables"/> as its lowest layer, then substitutes
/// <c>${VAR}</c> in every string. Newer layouts are read as aliases: <c>agents.defaults.mediaModels.image|video</c>,
/// top-level <c>tts</c> (wins per key over <c>messages.tts</c>), <c>agents.list[]</c>.
/// </summary>
public sealed class OpenClawConfig
{
    /// <summary>No config file: every default applies.</summary>
    public static OpenClawConfig Empty { get; } = new();

    /// <summary><c>agents.defaults.model</c>.</summary>
    public ModelSelection Model { get; init; } = ModelSelection.None;

    /// <summary><c>agents.defaults.models</c>, keyed by the ref as written.</summary>
    public IReadOnlyDictionary<string, ModelEntry> Models { get; init; } = new Dictionary<string, ModelEntry>();

    /// <summary><c>agents.defaults.imageModel</c> (vision analysis).</summary>
    public ModelSelection ImageModel { get; init; } = ModelSelection.None;

    /// <summary><c>agents.defaults.imageGenerationModel</c> (or <c>mediaModels.image</c>).</summary>
    public ModelSelection ImageGenerationModel { get; init; } = ModelSelection.None;

    /// <summary><c>agents.defaults.videoGenerationModel</c> (or <c>mediaModels.video</c>).</summary>
    public ModelSelection VideoGenerationModel { get; init; } = ModelSelection.None;

    /// <summary><c>agents.defaults.thinkingDefault</c>.</summary>
    public string? ThinkingDefault { get; init; }

    /// <summary><c>agents.defaults.timeoutSeconds</c>.</summary>
    public int? TimeoutSeconds { get; init; }

    /// <summary><c>agents.defaults.mediaMaxMb</c>.</summary>
    public double? MediaMaxMb { get; init; }

    /// <summary><c>agents.defaults.workspace</c> (a leading <c>~</c> not yet expanded).</summary>
    public string? Workspace { get; init; }

    /// <summary><c>agents.defaults.params</c>.</summary>
    public JsonObject? DefaultParams { get; init; }

    /// <summary><c>models.providers.openrouter</c>.</summary>
    public OpenRouterProviderConfig OpenRouter { get; init; } = OpenRouterProviderConfig.Empty;

    /// <summary><c>messages.tts</c> merged with top-level <c>tts</c> (top-level wins per key); null when neither exists.</summary>
    public JsonObject? Tts { get; init; }

    /// <summary><c>auth.order.openrouter</c>.</summary>
    public IReadOnlyList<string>? AuthOrder { get; init; }

    /// <summary>Alias → the model ref it was declared on (from <c>agents.defaults.models.&lt;ref&gt;.alias</c>).</summary>
    public IReadOnlyDictionary<string, string> Aliases { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Reads the typed view of <paramref name="root"/> (a validated document). Adds the <c>env</c> block to
    /// <paramref name="environment"/> as <see cref="EnvironmentSource.ConfigEnv"/>, then substitutes <c>${VAR}</c>;
    /// <paramref name="warning"/> receives the missing-variable warnings.
    /// </summary>
    public static OpenClawConfig Read(JsonObject root, EnvironmentVariables environment, string fileDisplayPath, Action<string>? warning = null) =>
        throw new NotImplementedException();
}
