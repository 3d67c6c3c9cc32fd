namespace OpenClaw.Core.State;

/// <summary>Where openclaw keeps its files (CLI spec §8), resolved once from the environment.</summary>
public sealed class StatePaths
{
    public const string DefaultAgentId = "main";

    private StatePaths(string home, string stateDir, string configPath)
    {
        Home = home;
        StateDir = stateDir;
        ConfigPath = configPath;
    }

    /// <summary><c>$OPENCLAW_HOME</c>, else the user's home directory; replaces <c>~</c> everywhere.</summary>
    public string Home { get; }

    /// <summary><c>$OPENCLAW_STATE_DIR</c>, else <c>~/.openclaw</c>.</summary>
    public string StateDir { get; }

    /// <summary><c>$OPENCLAW_CONFIG_PATH</c>, else <c>&lt;stateDir&gt;/openclaw.json</c>.</summary>
    public string ConfigPath { get; }

    /// <summary><c>&lt;stateDir&gt;/.env</c>.</summary>
    public string StateEnvFile => Path.Combine(StateDir, ".env");

    /// <summary><c>&lt;stateDir&gt;/workspace</c>, used unless <c>agents.defaults.workspace</c> says otherwise.</summary>
    public string DefaultWorkspace => Path.Combine(StateDir, "workspace");

    /// <summary><c>&lt;stateDir&gt;/cache</c>.</summary>
    public string CacheDir => Path.Combine(StateDir, "cache");

    /// <summary>The on-disk copy of OpenRouter's <c>GET /models</c>.</summary>
    public string ModelCatalogCachePath => Path.Combine(CacheDir, "openrouter-models.json");

    /// <summary><c>&lt;stateDir&gt;/media</c>.</summary>
    public string MediaDir => Path.Combine(StateDir, "media");

    /// <summary><c>&lt;stateDir&gt;/agents/&lt;id&gt;/agent</c>.</summary>
    public string AgentDir(string agentId = DefaultAgentId) => Path.Combine(StateDir, "agents", agentId, "agent");

    /// <summary><c>&lt;stateDir&gt;/agents/&lt;id&gt;/agent/auth-profiles.json</c>.</summary>
    public string AuthStorePath(string agentId = DefaultAgentId) => Path.Combine(AgentDir(agentId), "auth-profiles.json");

    /// <summary><c>&lt;stateDir&gt;/agents/&lt;id&gt;/sessions</c>.</summary>
    public string SessionsDir(string agentId = DefaultAgentId) => Path.Combine(StateDir, "agents", agentId, "sessions");

    /// <summary>Resolves the paths from environment variables (<c>OPENCLAW_HOME</c>, <c>HOME</c>, <c>OPENCLAW_STATE_DIR</c>, <c>OPENCLAW_CONFIG_PATH</c>).</summary>
    public static StatePaths Resolve(Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        var home = NonEmpty(getEnvironmentVariable("OPENCLAW_HOME"))
            ?? NonEmpty(getEnvironmentVariable("HOME"))
            ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        home = Path.GetFullPath(home);
        var stateDir = NonEmpty(getEnvironmentVariable("OPENCLAW_STATE_DIR")) is { } state
            ? Path.GetFullPath(ExpandHome(state, home))
            : Path.Combine(home, ".openclaw");
        var configPath = NonEmpty(getEnvironmentVariable("OPENCLAW_CONFIG_PATH")) is { } config
            ? Path.GetFullPath(ExpandHome(config, home))
            : Path.Combine(stateDir, "openclaw.json");
        return new StatePaths(home, stateDir, configPath);
    }

    /// <summary>Expands a leading <c>~</c> to <see cref="Home"/>.</summary>
    public string ExpandHome(string path) => ExpandHome(path, Home);

    /// <summary>The path as users read it: under the home directory it starts with <c>~</c>.</summary>
    public string Display(string path)
    {
        var full = Path.GetFullPath(path);
        if (full == Home)
        {
            return "~";
        }
        var prefix = Home.EndsWith(Path.DirectorySeparatorChar) ? Home : Home + Path.DirectorySeparatorChar;
        return full.StartsWith(prefix, StringComparison.Ordinal) ? "~/" + full[prefix.Length..] : full;
    }

    private static string ExpandHome(string path, string home) =>
        path == "~" ? home
        : path.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(home, path[2..])
        : path;

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
