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

    /// <summary><c>agents.defaults.reasoningDefault</c>: <c>on</c>, <c>off</c> or <c>stream</c> (whether turns show the model's reasoning).</summary>
    public string? ReasoningDefault { get; init; }

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

    /// <summary><c>agents.entries</c> and <c>agents.list[]</c> by agent id (an <c>entries</c> item wins over a list item with the same id).</summary>
    public IReadOnlyDictionary<string, AgentConfig> Agents { get; init; } = new Dictionary<string, AgentConfig>(StringComparer.Ordinal);

    /// <summary>
    /// Reads the typed view of <paramref name="root"/> (a validated document). Adds the <c>env</c> block to
    /// <paramref name="environment"/> as <see cref="EnvironmentSource.ConfigEnv"/>, then substitutes <c>${VAR}</c>;
    /// <paramref name="warning"/> receives the missing-variable warnings.
    /// </summary>
    public static OpenClawConfig Read(JsonObject root, EnvironmentVariables environment, string fileDisplayPath, Action<string>? warning = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(environment);
        environment.AddLayer(EnvironmentSource.ConfigEnv, EnvBlock(root["env"]));
        var config = EnvSubstitution.SubstituteAll(root, environment, fileDisplayPath, warning) as JsonObject ?? [];

        var agents = config["agents"] as JsonObject;
        var defaults = agents?["defaults"] as JsonObject;
        var mediaModels = defaults?["mediaModels"] as JsonObject;
        var models = ReadModels(defaults?["models"] as JsonObject);
        return new OpenClawConfig
        {
            Model = ReadSelection(defaults?["model"]),
            Models = models,
            Aliases = ReadAliases(models),
            ImageModel = ReadSelection(defaults?["imageModel"]),
            ImageGenerationModel = Either(ReadSelection(defaults?["imageGenerationModel"]), ReadSelection(mediaModels?["image"])),
            VideoGenerationModel = Either(ReadSelection(defaults?["videoGenerationModel"]), ReadSelection(mediaModels?["video"])),
            ThinkingDefault = JsonNodeValues.GetString(defaults?["thinkingDefault"]),
            ReasoningDefault = JsonNodeValues.GetString(defaults?["reasoningDefault"]),
            TimeoutSeconds = JsonNodeValues.TryGetInt64(defaults?["timeoutSeconds"], out var seconds) && seconds is > 0 and <= int.MaxValue ? (int)seconds : null,
            MediaMaxMb = JsonNodeValues.TryGetNumber(defaults?["mediaMaxMb"], out var megabytes) && double.IsFinite(megabytes) && megabytes > 0 ? megabytes : null,
            Workspace = JsonNodeValues.GetString(defaults?["workspace"]),
            DefaultParams = CloneObject(defaults?["params"]),
            OpenRouter = ReadOpenRouter(Child(Child(config["models"], "providers"), "openrouter") as JsonObject),
            Tts = MergeTts(Child(config["messages"], "tts") as JsonObject, config["tts"] as JsonObject),
            AuthOrder = ReadStrings(Child(Child(config["auth"], "order"), "openrouter") as JsonArray),
            Agents = ReadAgents(agents),
        };
    }

    /// <summary>Flat string values and those under <c>vars</c>; anything else (e.g. <c>shellEnv</c>) is not a variable.</summary>
    private static List<KeyValuePair<string, string>> EnvBlock(JsonNode? env)
    {
        var variables = new List<KeyValuePair<string, string>>();
        if (env is not JsonObject block)
        {
            return variables;
        }
        foreach (var (name, value) in block)
        {
            if (JsonNodeValues.TryGetString(value, out var text))
            {
                variables.Add(KeyValuePair.Create(name, text));
            }
        }
        if (block["vars"] is JsonObject vars)
        {
            foreach (var (name, value) in vars)
            {
                if (JsonNodeValues.TryGetString(value, out var text))
                {
                    variables.Add(KeyValuePair.Create(name, text));
                }
            }
        }
        return variables;
    }

    private static ModelSelection ReadSelection(JsonNode? node)
    {
        if (JsonNodeValues.TryGetString(node, out var primary))
        {
            return new ModelSelection(primary, [], null);
        }
        if (node is not JsonObject selection)
        {
            return ModelSelection.None;
        }
        long? timeout = JsonNodeValues.TryGetInt64(selection["timeoutMs"], out var milliseconds) && milliseconds > 0 ? milliseconds : null;
        return new ModelSelection(JsonNodeValues.GetString(selection["primary"]), ReadStrings(selection["fallbacks"] as JsonArray) ?? [], timeout);
    }

    /// <summary>The canonical key when it says anything, else its newer-layout alias.</summary>
    private static ModelSelection Either(ModelSelection canonical, ModelSelection alias) =>
        canonical.Primary is not null || canonical.Fallbacks.Count > 0 || canonical.TimeoutMs is not null ? canonical : alias;

    private static Dictionary<string, ModelEntry> ReadModels(JsonObject? models)
    {
        var entries = new Dictionary<string, ModelEntry>(StringComparer.Ordinal);
        if (models is null)
        {
            return entries;
        }
        foreach (var (reference, value) in models)
        {
            var entry = value as JsonObject;
            entries[reference] = new ModelEntry(JsonNodeValues.GetString(entry?["alias"]), CloneObject(entry?["params"]));
        }
        return entries;
    }

    private static Dictionary<string, string> ReadAliases(Dictionary<string, ModelEntry> models)
    {
        var aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (reference, entry) in models)
        {
            if (!string.IsNullOrWhiteSpace(entry.Alias))
            {
                // Two refs claiming one alias: the first declared keeps it, as the CLI refuses to create such a clash.
                aliases.TryAdd(entry.Alias, reference);
            }
        }
        return aliases;
    }

    private static OpenRouterProviderConfig ReadOpenRouter(JsonObject? provider)
    {
        if (provider is null)
        {
            return OpenRouterProviderConfig.Empty;
        }
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (provider["headers"] is JsonObject headerObject)
        {
            foreach (var (name, value) in headerObject)
            {
                if (JsonNodeValues.TryGetString(value, out var text))
                {
                    headers[name] = text;
                }
            }
        }
        var apiKey = provider["apiKey"];
        return new OpenRouterProviderConfig
        {
            BaseUrl = JsonNodeValues.GetString(provider["baseUrl"]),
            ApiKey = apiKey is JsonObject || JsonNodeValues.TryGetString(apiKey, out _) ? apiKey!.DeepClone() : null,
            Headers = headers,
            Params = CloneObject(provider["params"]),
            Models = provider["models"] is JsonArray rows ? (JsonArray)rows.DeepClone() : null,
            AllowPrivateNetwork = JsonNodeValues.TryGetBoolean(Child(provider["request"], "allowPrivateNetwork"), out var allow) && allow,
        };
    }

    /// <summary>
    /// <c>messages.tts</c> overlaid with top-level <c>tts</c>, key by key; <c>providers</c> merges per provider id and each
    /// provider's settings merge key by key, so a top-level voice does not drop a <c>messages.tts</c> model.
    /// </summary>
    private static JsonObject? MergeTts(JsonObject? messagesTts, JsonObject? topLevelTts)
    {
        if (messagesTts is null && topLevelTts is null)
        {
            return null;
        }
        return Overlay(messagesTts, topLevelTts, depth: 0);

        static JsonObject Overlay(JsonObject? lower, JsonObject? higher, int depth)
        {
            var merged = lower?.DeepClone() as JsonObject ?? [];
            if (higher is null)
            {
                return merged;
            }
            foreach (var (key, value) in higher)
            {
                // Depth 0: tts keys ("providers" merges); 1: provider ids (merge); 2: one provider's settings (replace).
                var mergesDeeper = (depth == 0 && key == "providers") || depth == 1;
                merged[key] = mergesDeeper && value is JsonObject higherChild && merged[key] is JsonObject lowerChild
                    ? Overlay(lowerChild, higherChild, depth + 1)
                    : value?.DeepClone();
            }
            return merged;
        }
    }

    private static Dictionary<string, AgentConfig> ReadAgents(JsonObject? agents)
    {
        var result = new Dictionary<string, AgentConfig>(StringComparer.Ordinal);
        if (agents?["entries"] is JsonObject entries)
        {
            foreach (var (id, value) in entries)
            {
                if (value is JsonObject entry)
                {
                    result[id] = ReadAgent(id, entry);
                }
            }
        }
        if (agents?["list"] is JsonArray list)
        {
            foreach (var item in list)
            {
                if (item is JsonObject entry && JsonNodeValues.GetString(entry["id"]) is { Length: > 0 } id)
                {
                    result.TryAdd(id, ReadAgent(id, entry));
                }
            }
        }
        return result;
    }

    private static AgentConfig ReadAgent(string id, JsonObject entry) => new(id)
    {
        Name = JsonNodeValues.GetString(entry["name"]),
        Workspace = JsonNodeValues.GetString(entry["workspace"]),
        AgentDir = JsonNodeValues.GetString(entry["agentDir"]),
        IdentityName = JsonNodeValues.GetString(Child(entry["identity"], "name")),
        Model = ReadSelection(entry["model"]),
        ThinkingDefault = JsonNodeValues.GetString(entry["thinkingDefault"]),
    };

    private static List<string>? ReadStrings(JsonArray? array)
    {
        if (array is null)
        {
            return null;
        }
        var strings = new List<string>(array.Count);
        foreach (var item in array)
        {
            if (JsonNodeValues.TryGetString(item, out var text))
            {
                strings.Add(text);
            }
        }
        return strings;
    }

    /// <summary>A key of an object; null for anything else (a string where an object was expected must not throw).</summary>
    private static JsonNode? Child(JsonNode? node, string key) => (node as JsonObject)?[key];

    private static JsonObject? CloneObject(JsonNode? node) => node is JsonObject obj ? (JsonObject)obj.DeepClone() : null;
}
