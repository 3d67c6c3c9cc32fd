namespace OpenClaw.Core.Config.Schema;

/// <summary>
/// The config keys this program knows (CLI spec §9.1, what onboarding writes §2.2, and the newer OpenClaw layouts read as
/// aliases), written once as a tree that drives validation, path lookups and <c>config schema</c>.
/// </summary>
internal static class ConfigSchemaDefinition
{
    public static IReadOnlyList<string> ThinkingLevels { get; } = ["off", "minimal", "low", "medium", "high", "xhigh", "adaptive", "max"];

    public static IReadOnlyList<string> TtsAutoModes { get; } = ["off", "always", "inbound", "tagged"];

    /// <summary>Whether an agent turn shows the model's reasoning: hidden, shown, or streamed as it arrives.</summary>
    public static IReadOnlyList<string> ReasoningDefaults { get; } = ["on", "off", "stream"];

    /// <summary>
    /// Product sections this port does not use: accepted and preserved as written so a config shared with the full
    /// product stays valid, but not checked inside.
    /// </summary>
    public static IReadOnlyList<string> OpaqueSections { get; } =
    [
        "gateway", "tools", "channels", "skills", "hooks", "session", "logging", "browser", "ui", "commands", "cron",
        "diagnostics", "update", "talk", "web", "discovery", "canvasHost", "broadcast", "approvals", "secrets", "memory",
        "audio", "media",
    ];

    public static ObjectSchemaNode Root { get; } = BuildRoot();

    /// <summary>The schema at <paramref name="segments"/>, or null when the schema has no such path.</summary>
    public static SchemaNode? At(IEnumerable<ConfigPathSegment> segments)
    {
        SchemaNode? node = Root;
        foreach (var segment in segments)
        {
            node = node.Child(segment);
            if (node is null)
            {
                return null;
            }
        }
        return node;
    }

    private static ObjectSchemaNode BuildRoot()
    {
        var modelSelection = ModelSelection();
        var parameters = ModelParams();
        var tts = Tts();

        var properties = new List<(string, SchemaNode)>
        {
            ("$schema", Text("The JSON Schema this file follows (editor hint).")),
            ("env", Env()),
            ("agents", Agents(modelSelection, parameters)),
            ("models", Models(parameters)),
            ("messages", Messages(tts)),
            ("tts", tts),
            ("auth", Auth()),
            ("plugins", Plugins()),
            ("wizard", Open(
                "Written by onboarding.",
                ("lastRunAt", Text()), ("lastRunVersion", Text()), ("lastRunCommand", Text()), ("lastRunMode", Text()))),
            ("meta", Open(
                "Written by every openclaw release that touches the file.",
                ("lastTouchedVersion", Text()), ("lastTouchedAt", Text()))),
            ("bindings", new UnionSchemaNode(Opaque(), new ArraySchemaNode(AnySchemaNode.Instance))
            {
                Description = "Agent routing bindings (not used by this port; kept as written).",
            }),
        };
        properties.AddRange(OpaqueSections.Select(name => (name, (SchemaNode)Opaque())));
        return new ObjectSchemaNode([.. properties]) { Description = "openclaw.json" };
    }

    private static ObjectSchemaNode Env() => new(
        ("vars", new ObjectSchemaNode { OtherKeys = Text(), Description = "Environment variables (same as flat keys)." }),
        ("shellEnv", Strict(("enabled", Flag()), ("timeoutMs", PositiveInteger()))))
    {
        OtherKeys = Text(),
        Description = "Environment variables applied when not already set (process env > ./.env > <stateDir>/.env > this block).",
    };

    private static ObjectSchemaNode Agents(SchemaNode modelSelection, SchemaNode parameters)
    {
        var modelEntry = new ObjectSchemaNode(
            ("alias", Text("Short name usable wherever a model ref is expected.")),
            ("params", parameters))
        {
            DefinitionName = "modelEntry",
        };
        var defaults = new ObjectSchemaNode(
            ("model", modelSelection),
            ("models", new ObjectSchemaNode { OtherKeys = modelEntry, Description = "Configured models keyed by ref (openrouter/<author>/<slug>)." }),
            ("imageModel", modelSelection),
            ("imageGenerationModel", modelSelection),
            ("videoGenerationModel", modelSelection),
            ("mediaModels", Strict(("image", modelSelection), ("video", modelSelection))),
            ("thinkingDefault", OneOf(ThinkingLevels)),
            ("reasoningDefault", OneOf(ReasoningDefaults)),
            ("timeoutSeconds", PositiveInteger(int.MaxValue, "Whole agent turn deadline.")),
            ("mediaMaxMb", new NumberSchemaNode { ExclusiveMinimum = 0, Description = "Cap for generated or downloaded media." }),
            ("params", parameters),
            ("workspace", Text()));
        return Strict(
            ("defaults", defaults),
            ("entries", new ObjectSchemaNode { OtherKeys = AgentEntry(modelSelection, requireId: false) }),
            ("list", new ArraySchemaNode(AgentEntry(modelSelection, requireId: true))));
    }

    private static ObjectSchemaNode AgentEntry(SchemaNode modelSelection, bool requireId) => new(
        ("id", new StringSchemaNode { MinLength = 1 }),
        ("default", Flag()),
        ("name", Text()),
        ("workspace", Text()),
        ("agentDir", Text()),
        ("identity", Strict(("name", Text()), ("theme", Text()), ("emoji", Text()), ("avatar", Text()))),
        ("model", modelSelection),
        ("thinkingDefault", OneOf(ThinkingLevels)))
    {
        Required = requireId ? ["id"] : [],
        DefinitionName = requireId ? "agentListEntry" : "agentEntry",
    };

    private static SchemaNode ModelSelection() => new UnionSchemaNode(
        Text("The primary model ref."),
        Strict(
            ("primary", Text()),
            ("fallbacks", new ArraySchemaNode(Text())),
            ("timeoutMs", PositiveInteger())))
    {
        StringShorthandFor = "primary",
        DefinitionName = "modelSelection",
        Description = "A model ref, or {primary, fallbacks, timeoutMs}.",
    };

    /// <summary>Open (other params pass through to the request) but the fields this program reads must have their types.</summary>
    private static ObjectSchemaNode ModelParams() => new(
        ("responseCache", Flag()),
        ("response_cache", Flag()),
        ("responseCacheTtlSeconds", PositiveInteger()),
        ("response_cache_ttl_seconds", PositiveInteger()),
        ("responseCacheClear", Flag()),
        ("response_cache_clear", Flag()),
        ("provider", Opaque("OpenRouter provider routing (order, allow_fallbacks, sort, …).")),
        ("cacheRetention", OneOf(["none", "short", "long"])),
        ("thinking", new UnionSchemaNode(Text(), new BooleanSchemaNode { Constant = false })),
        ("temperature", new NumberSchemaNode()),
        ("maxTokens", PositiveInteger()),
        ("extraBody", Opaque("Merged into the request body last.")),
        ("extra_body", Opaque("Merged into the request body last.")))
    {
        AllowsUnknownKeys = true,
        DefinitionName = "modelParams",
    };

    private static ObjectSchemaNode Models(SchemaNode parameters) => Strict(
        ("mode", OneOf(["merge", "replace"])),
        ("providers", new ObjectSchemaNode(("openrouter", Provider(parameters, strict: true)))
        {
            OtherKeys = Provider(parameters, strict: false),
        }));

    /// <summary>The OpenRouter provider strictly; other providers with the same fields but open to their own keys.</summary>
    private static ObjectSchemaNode Provider(SchemaNode parameters, bool strict) => new(
        ("baseUrl", Text()),
        ("apiKey", SecretInput()),
        ("api", Text()),
        ("headers", new ObjectSchemaNode { OtherKeys = Text(), Description = "Extra request headers." }),
        ("params", parameters),
        ("models", new ArraySchemaNode(ModelDefinition(strict))),
        ("request", new ObjectSchemaNode(
            ("allowPrivateNetwork", Flag("Lets media and TTS requests reach private or loopback hosts.")),
            ("auth", new ObjectSchemaNode(("mode", Text())) { AllowsUnknownKeys = !strict }))
        {
            AllowsUnknownKeys = !strict,
        }))
    {
        AllowsUnknownKeys = !strict,
        DefinitionName = strict ? "openrouterProvider" : "provider",
    };

    private static ObjectSchemaNode ModelDefinition(bool strict) => new(
        ("id", new StringSchemaNode { MinLength = 1 }),
        ("name", Text()),
        ("api", Text()),
        ("reasoning", Flag()),
        ("input", new ArraySchemaNode(OneOf(["text", "image"]))),
        ("contextWindow", PositiveInteger()),
        ("maxTokens", PositiveInteger()),
        ("cost", Strict(("input", NonNegativeNumber()), ("output", NonNegativeNumber()), ("cacheRead", NonNegativeNumber()), ("cacheWrite", NonNegativeNumber()))),
        ("headers", new ObjectSchemaNode { OtherKeys = Text() }),
        ("compat", Opaque()),
        ("thinkingLevelMap", Opaque()))
    {
        Required = ["id"],
        AllowsUnknownKeys = !strict,
        DefinitionName = strict ? "modelDefinition" : "looseModelDefinition",
    };

    /// <summary>A key as text, a <c>${VAR}</c> reference, an env-var name, or a SecretRef object.</summary>
    private static SchemaNode SecretInput() => new UnionSchemaNode(
        Text(),
        new ObjectSchemaNode(("source", OneOf(["env", "file", "exec"])), ("provider", Text()), ("id", Text()))
        {
            Required = ["source", "id"],
        })
    {
        DefinitionName = "secretInput",
    };

    private static ObjectSchemaNode Messages(SchemaNode tts) => new(("tts", tts))
    {
        // Other message settings of the full product (reactions, queueing, prefixes) are kept as written.
        AllowsUnknownKeys = true,
    };

    private static ObjectSchemaNode Tts()
    {
        var openRouter = Strict(
            ("apiKey", SecretInput()),
            ("baseUrl", Text()),
            ("model", Text()),
            ("modelId", Text()),
            ("voice", Text()),
            ("voiceId", Text()),
            ("speed", new NumberSchemaNode()),
            ("responseFormat", new StringSchemaNode
            {
                AllowedValues = ["mp3", "pcm"],
                TrimAndIgnoreCase = true,
                InvalidValueMessage = value => $"Invalid OpenRouter speech responseFormat: {value}",
            }),
            ("provider", Opaque("Forwarded as the request body's provider routing.")));
        return new ObjectSchemaNode(
            ("auto", OneOf(TtsAutoModes)),
            ("enabled", new BooleanSchemaNode
            {
                DeprecationWarning = "Legacy key: use auto: \"always\" or \"off\" instead (openclaw doctor --fix migrates it).",
            }),
            ("mode", Text()),
            ("provider", Text()),
            ("summaryModel", Text()),
            ("modelOverrides", Opaque()),
            ("maxTextLength", PositiveInteger()),
            ("timeoutMs", PositiveInteger()),
            ("prefsPath", Text()),
            ("providers", new ObjectSchemaNode(("openrouter", openRouter)) { OtherKeys = Opaque() }))
        {
            DefinitionName = "tts",
            Description = "Text-to-speech (messages.tts or top-level tts; top-level wins per key).",
        };
    }

    private static ObjectSchemaNode Auth() => Strict(
        ("profiles", new ObjectSchemaNode
        {
            OtherKeys = new ObjectSchemaNode(
                ("provider", Text()),
                ("mode", OneOf(["api_key", "oauth", "token"])),
                ("email", Text()),
                ("displayName", Text()))
            {
                Required = ["provider", "mode"],
                Description = "Profile metadata; the credential itself lives in the auth store.",
            },
        }),
        ("order", new ObjectSchemaNode { OtherKeys = new ArraySchemaNode(Text()) }));

    private static ObjectSchemaNode Plugins() => new(
        ("entries", new ObjectSchemaNode { OtherKeys = Strict(("enabled", Flag()), ("config", Opaque())) }))
    {
        AllowsUnknownKeys = true,
    };

    private static ObjectSchemaNode Strict(params (string Name, SchemaNode Schema)[] properties) => new(properties);

    private static ObjectSchemaNode Open(string description, params (string Name, SchemaNode Schema)[] properties) =>
        new(properties) { AllowsUnknownKeys = true, Description = description };

    private static ObjectSchemaNode Opaque(string? description = null) => new() { AllowsUnknownKeys = true, Description = description };

    private static StringSchemaNode Text(string? description = null) => new() { Description = description };

    private static StringSchemaNode OneOf(IReadOnlyList<string> values) => new() { AllowedValues = values };

    private static BooleanSchemaNode Flag(string? description = null) => new() { Description = description };

    private static NumberSchemaNode PositiveInteger(double? maximum = null, string? description = null) =>
        new() { IntegerOnly = true, ExclusiveMinimum = 0, Maximum = maximum, Description = description };

    private static NumberSchemaNode NonNegativeNumber() => new() { Minimum = 0 };
}
