using System.Text.Json.Nodes;
using OpenClaw.Core.Config;
using OpenClaw.Core.Credentials;
using OpenClaw.Core.Models;
using OpenClaw.Core.State;
using OpenClaw.OpenRouter;
using OpenClaw.OpenRouter.Shaping;

namespace OpenClaw.Cli.Hosting;

/// <summary>
/// The user's openclaw state as one command sees it: paths, the layered environment, the config (read once, on first
/// use), the credential store and the model catalog. Nothing is read before a command asks for it, so
/// <c>--version</c> and <c>config file</c> touch no file.
/// </summary>
public sealed class LocalState
{
    private readonly CliContext _context;
    private EnvironmentVariables? _environment;
    private ConfigDocument? _document;
    private OpenClawConfig? _config;

    public LocalState(CliContext context)
    {
        _context = context;
        Paths = StatePaths.Resolve(name => context.Environment.GetValueOrDefault(name));
        ConfigStore = new ConfigStore(Paths.ConfigPath, context.TimeProvider);
        AuthStore = new AuthProfileStore(Paths.AuthStorePath());
    }

    public StatePaths Paths { get; }

    public ConfigStore ConfigStore { get; }

    public AuthProfileStore AuthStore { get; }

    public ModelCatalogCache CatalogCache => field ??= new ModelCatalogCache(Paths.ModelCatalogCachePath, _context.TimeProvider);

    public CliContext Context => _context;

    /// <summary>Process environment, then <c>./.env</c>, then <c>&lt;stateDir&gt;/.env</c> (and the config's <c>env</c> block once the config is read).</summary>
    public EnvironmentVariables Environment
    {
        get
        {
            if (_environment is null)
            {
                var environment = EnvironmentVariables.From(_context.Environment);
                var localEnv = Path.Combine(_context.WorkingDirectory, ".env");
                environment.AddLayer(EnvironmentSource.DotEnv("./.env"), DotEnvFile.ReadIfExists(localEnv));
                environment.AddLayer(EnvironmentSource.DotEnv(Paths.Display(Paths.StateEnvFile)), DotEnvFile.ReadIfExists(Paths.StateEnvFile));
                _environment = environment;
            }
            return _environment;
        }
    }

    /// <summary>The config file as authored (parse errors throw <see cref="ConfigException"/>).</summary>
    public ConfigDocument Document => _document ??= ConfigStore.Load();

    /// <summary>
    /// The validated, typed config. A config with issues stops the command with a one-line error naming the file and the
    /// first key path; <c>config validate</c> lists them all.
    /// </summary>
    public OpenClawConfig Config
    {
        get
        {
            if (_config is null)
            {
                var document = Document;
                if (!document.Exists)
                {
                    _config = OpenClawConfig.Read([], Environment, Paths.Display(document.Path));
                }
                else
                {
                    var validation = ConfigValidator.Validate(document.Root);
                    if (!validation.IsValid)
                    {
                        var more = validation.Issues.Count > 1 ? $" (+{validation.Issues.Count - 1} more; run openclaw config validate)" : "";
                        throw new ConfigException($"Config invalid: {Paths.Display(document.Path)}: {validation.Issues[0]}{more}");
                    }
                    _config = OpenClawConfig.Read(document.Root, Environment, Paths.Display(document.Path), warning => _context.Error.WriteLine(warning));
                }
            }
            return _config;
        }
    }

    /// <summary>Forgets what was read, after this command wrote the config.</summary>
    public void ConfigChanged()
    {
        _document = null;
        _config = null;
        _environment = null;
    }

    /// <summary>The OpenRouter key by the documented order (profile → env → config), or null; reads the store unless given.</summary>
    public ResolvedApiKey? ResolveApiKey(System.Text.Json.Nodes.JsonObject? authStore = null) =>
        ApiKeyResolver.Resolve(authStore ?? AuthStore.Load(), Config.AuthOrder, Environment, Config.OpenRouter.ApiKey);

    /// <summary>A model-ref resolver over the configured aliases and refs.</summary>
    public ModelRefResolver CreateModelRefResolver()
    {
        var config = Config;
        var configured = config.Models.Keys
            .Concat(config.Model.Primary is { } primary ? [primary] : [])
            .Concat(config.Model.Fallbacks);
        return new ModelRefResolver(config.Aliases, configured);
    }

    /// <summary>
    /// The URL of OpenRouter's public model list for the capability lookup: <c>$OPENCLAW_OPENROUTER_CATALOG_URL</c> (process
    /// environment, <c>.env</c> files or the config's <c>env</c> block) or the canonical <c>https://openrouter.ai/api/v1/models</c>.
    /// </summary>
    public Uri CapabilityCatalogUrl => CapabilityCatalog.ResolveUrl(Environment.Get(CapabilityCatalog.UrlVariable));

    /// <summary>The OpenRouter key or the run-time "no key" error of CLI spec §4 (nothing is sent without one).</summary>
    /// <exception cref="CliException">No profile, environment or config key.</exception>
    public ResolvedApiKey RequireApiKey() =>
        ResolveApiKey() ?? throw new CliException(
            $"No API key found for provider \"openrouter\". Auth store: {Paths.Display(AuthStore.Path)}. " +
            "Run openclaw onboard --auth-choice openrouter-api-key, or set OPENROUTER_API_KEY.");

    /// <summary>An OpenRouter client for the configured base URL, headers and key (attribution as OpenClaw sends it).</summary>
    public OpenRouterClient CreateClient(string? apiKey) => new(BaseOptions(apiKey));

    /// <summary>
    /// The client for chat turns: <see cref="CreateClient"/> plus everything request shaping reads from the config —
    /// provider-wide params (<c>models.providers.openrouter.params</c> over <c>agents.defaults.params</c>), per-model params
    /// keyed by canonical ref, the configured model rows, and a capability resolver seeded from the catalogs on disk.
    /// </summary>
    public OpenRouterClient CreateAgentClient(string apiKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        var config = Config;
        var options = BaseOptions(apiKey);
        options.ProviderParams = ParamsMerger.Combine(config.DefaultParams, config.OpenRouter.Params);
        foreach (var (reference, parameters) in ModelParams())
        {
            options.ModelParams[reference] = parameters;
        }
        foreach (var row in ConfiguredModelRows.Read(config.OpenRouter.Models))
        {
            options.Models.Add(row);
        }
        options.CapabilityResolver = CapabilityCatalog.CreateResolver(
            [.. options.Models], CapabilityCatalogUrl, Paths.CacheDir, _context.HttpHandler, _context.TimeProvider);
        options.Warning = warning => _context.Error.WriteLine($"Warning: {warning}");
        return new OpenRouterClient(options);
    }

    /// <summary><c>agents.defaults.models.&lt;ref&gt;.params</c> keyed by canonical ref (entries that are not OpenRouter refs are skipped).</summary>
    public IReadOnlyDictionary<string, JsonObject> ModelParams()
    {
        var result = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (reference, entry) in Config.Models)
        {
            if (entry.Params is { } parameters && ModelRefResolver.TryParseRef(reference) is { } resolved)
            {
                // Two spellings of one ref: the first written wins, as the resolver does for aliases.
                result.TryAdd(resolved.CanonicalRef, (JsonObject)parameters.DeepClone());
            }
        }
        return result;
    }

    private OpenRouterClientOptions BaseOptions(string? apiKey)
    {
        var config = Config;
        var options = new OpenRouterClientOptions
        {
            ApiKey = apiKey,
            BaseUrl = config.OpenRouter.BaseUrl,
            Attribution = OpenRouterAttribution.OpenClaw,
            TimeProvider = _context.TimeProvider,
            Handler = _context.HttpHandler,
            CapabilityCatalogUrl = CapabilityCatalogUrl,
            // Media (images, video) reach private or loopback hosts only when the user says so (provider spec §15.3).
            AllowPrivateNetwork = config.OpenRouter.AllowPrivateNetwork,
            MediaMaxBytes = Agent.Media.MediaLimits.BytesFromMegabytes(config.MediaMaxMb),
        };
        foreach (var (name, value) in config.OpenRouter.Headers)
        {
            options.Headers[name] = value;
        }
        return options;
    }
}
