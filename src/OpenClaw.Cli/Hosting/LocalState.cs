using OpenClaw.Core.Config;
using OpenClaw.Core.Credentials;
using OpenClaw.Core.Models;
using OpenClaw.Core.State;
using OpenClaw.OpenRouter;

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

    /// <summary>An OpenRouter client for the configured base URL, headers and key (attribution as OpenClaw sends it).</summary>
    public OpenRouterClient CreateClient(string? apiKey)
    {
        var config = Config;
        var options = new OpenRouterClientOptions
        {
            ApiKey = apiKey,
            BaseUrl = config.OpenRouter.BaseUrl,
            Attribution = OpenRouterAttribution.OpenClaw,
            TimeProvider = _context.TimeProvider,
            Handler = _context.HttpHandler,
        };
        foreach (var (name, value) in config.OpenRouter.Headers)
        {
            options.Headers[name] = value;
        }
        return new OpenRouterClient(options);
    }
}
