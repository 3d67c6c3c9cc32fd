using OpenClaw.Core.State;

namespace OpenClaw.Core.Tests.State;

public sealed class StatePathsTests
{
    private static StatePaths Resolve(params (string Name, string Value)[] variables) =>
        StatePaths.Resolve(name => variables.FirstOrDefault(v => v.Name == name).Value);

    [Fact]
    public void Defaults_live_under_the_home_directory()
    {
        var paths = Resolve(("HOME", "/home/u"));

        Assert.Equal("/home/u/.openclaw", paths.StateDir);
        Assert.Equal("/home/u/.openclaw/openclaw.json", paths.ConfigPath);
        Assert.Equal("/home/u/.openclaw/agents/main/agent/auth-profiles.json", paths.AuthStorePath());
        Assert.Equal("/home/u/.openclaw/agents/main/sessions", paths.SessionsDir());
        Assert.Equal("/home/u/.openclaw/workspace", paths.DefaultWorkspace);
        Assert.Equal("/home/u/.openclaw/cache/openrouter-models.json", paths.ModelCatalogCachePath);
    }

    [Fact]
    public void Environment_variables_override_home_state_dir_and_config_path()
    {
        var paths = Resolve(("HOME", "/home/u"), ("OPENCLAW_HOME", "/srv/oc"), ("OPENCLAW_STATE_DIR", "~/state"), ("OPENCLAW_CONFIG_PATH", "/etc/oc.json5"));

        Assert.Equal("/srv/oc", paths.Home);
        Assert.Equal("/srv/oc/state", paths.StateDir);
        Assert.Equal("/etc/oc.json5", paths.ConfigPath);
    }

    [Theory]
    [InlineData("/home/u/.openclaw/openclaw.json", "~/.openclaw/openclaw.json")]
    [InlineData("/home/u", "~")]
    [InlineData("/home/user2/x", "/home/user2/x")]
    [InlineData("/tmp/x", "/tmp/x")]
    public void Display_shortens_paths_under_home(string path, string shown) =>
        Assert.Equal(shown, Resolve(("HOME", "/home/u")).Display(path));
}
