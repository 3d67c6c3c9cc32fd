using System.Text.Json.Nodes;
using OpenClaw.Cli.Tests.Support;

namespace OpenClaw.Cli.Tests.Commands.Onboard;

/// <summary><c>openclaw onboard</c> as the seed page and OpenClaw's automation docs type it (CLI spec §2).</summary>
public sealed class OnboardCommandTests : IDisposable
{
    private const string Key = "sk-or-v1-0123456789abcdef0123456789abcdef";
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private readonly CliHome _home = new();

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task Non_interactive_onboarding_writes_the_profile_and_the_config()
    {
        var result = await _home.RunAsync("onboard", "--non-interactive", "--accept-risk", "--auth-choice", "openrouter-api-key", "--openrouter-api-key", Key);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [
                "Workspace OK: ~/.openclaw/workspace",
                "Sessions OK: ~/.openclaw/agents/main/sessions",
                "Updated config: ~/.openclaw/openclaw.json",
            ],
            result.StderrLines);
        Assert.DoesNotContain(Key, result.Stdout + result.Stderr, StringComparison.Ordinal);

        Assert.Equal(
            $$"""
            {
              "version": 1,
              "profiles": {
                "openrouter:default": {
                  "type": "api_key",
                  "provider": "openrouter",
                  "key": "{{Key}}"
                }
              }
            }

            """,
            File.ReadAllText(_home.AuthStorePath));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(_home.AuthStorePath));
        Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(Path.GetDirectoryName(_home.AuthStorePath)!));

        var config = _home.ReadConfig();
        var workspace = Path.Combine(_home.StateDir, "workspace");
        Assert.Equal(
            $$$"""
            {"workspace":"{{{workspace}}}","models":{"openrouter/auto":{"alias":"OpenRouter"}},"model":{"primary":"openrouter/auto"}}
            """,
            config["agents"]!["defaults"]!.ToJsonString());
        Assert.Equal(
            $$$$"""
            {"main":{"name":"main","workspace":"{{{{workspace}}}}","agentDir":"{{{{Path.Combine(_home.StateDir, "agents", "main", "agent")}}}}","identity":{"name":"main"}}}
            """,
            config["agents"]!["entries"]!.ToJsonString());
        Assert.Equal("""{"profiles":{"openrouter:default":{"provider":"openrouter","mode":"api_key"}}}""", config["auth"]!.ToJsonString());
        Assert.Equal("""{"entries":{"openrouter":{"enabled":true}}}""", config["plugins"]!.ToJsonString());
        Assert.Equal("onboard", (string?)config["wizard"]!["lastRunCommand"]);
        Assert.Equal("local", (string?)config["wizard"]!["lastRunMode"]);
        Assert.Equal("0.4.0", (string?)config["meta"]!["lastTouchedVersion"]);
        Assert.DoesNotContain(Key, _home.ConfigText, StringComparison.Ordinal);
        Assert.True(Directory.Exists(workspace));
        Assert.True(Directory.Exists(Path.Combine(_home.StateDir, "agents", "main", "sessions")));
    }

    [Fact]
    public async Task Json_mode_prints_the_summary_document()
    {
        var result = await _home.RunAsync("onboard", "--non-interactive", "--accept-risk", "--openrouter-api-key", Key, "--json", "--skip-health", "--skip-skills");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            $$"""
            {
              "ok": true,
              "mode": "local",
              "workspace": "{{Path.Combine(_home.StateDir, "workspace")}}",
              "authChoice": "openrouter-api-key",
              "gateway": {
                "port": 18789,
                "bind": "loopback",
                "authMode": "token",
                "tailscaleMode": "off"
              },
              "installDaemon": false,
              "skipSkills": true,
              "skipHealth": true
            }

            """,
            result.Stdout);
    }

    [Fact]
    public async Task The_key_can_come_from_the_environment_and_openrouter_is_an_alias_of_the_auth_choice()
    {
        _home.Environment["OPENROUTER_API_KEY"] = Key;

        var result = await _home.RunAsync("onboard", "--non-interactive", "--accept-risk", "--auth-choice", "openrouter");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Key, (string?)_home.ReadAuthStore()["profiles"]!["openrouter:default"]!["key"]);
    }

    [Fact]
    public async Task The_key_can_come_from_the_state_dir_dotenv_file()
    {
        Directory.CreateDirectory(_home.StateDir);
        File.WriteAllText(Path.Combine(_home.StateDir, ".env"), $"OPENROUTER_API_KEY={Key}\n");

        var result = await _home.RunAsync("onboard", "--non-interactive", "--accept-risk");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Key, (string?)_home.ReadAuthStore()["profiles"]!["openrouter:default"]!["key"]);
    }

    [Fact]
    public async Task A_missing_key_is_the_documented_error()
    {
        var result = await _home.RunAsync("onboard", "--non-interactive", "--accept-risk", "--auth-choice", "openrouter-api-key");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "Error: Missing --openrouter-api-key (or OPENROUTER_API_KEY in env, or existing openrouter API-key profile). Export OPENROUTER_API_KEY, pass --openrouter-api-key, or run openclaw onboard for interactive setup.\n",
            result.Stderr);
        Assert.False(File.Exists(_home.ConfigPath));
        Assert.False(File.Exists(_home.AuthStorePath));
    }

    [Fact]
    public async Task Non_interactive_mode_needs_the_risk_acknowledgement()
    {
        var text = await _home.RunAsync("onboard", "--non-interactive", "--openrouter-api-key", Key);
        var json = await _home.RunAsync("onboard", "--non-interactive", "--openrouter-api-key", Key, "--json");

        Assert.Equal(1, text.ExitCode);
        Assert.Equal(
            [
                "Error: Non-interactive setup requires explicit risk acknowledgement.",
                "Read: https://docs.openclaw.ai/security",
                "Re-run with: openclaw onboard --non-interactive --accept-risk ...",
            ],
            text.StderrLines);
        Assert.Equal(1, json.ExitCode);
        Assert.Equal(
            """{"ok":false,"phase":"options","message":"Non-interactive setup requires explicit risk acknowledgement.\nRead: https://docs.openclaw.ai/security\nRe-run with: openclaw onboard --non-interactive --accept-risk ..."}""",
            json.Json.ToJsonString());
        Assert.False(File.Exists(_home.AuthStorePath));
    }

    [Fact]
    public async Task The_seed_pages_interactive_command_without_a_terminal_says_how_to_automate()
    {
        var result = await _home.RunAsync("onboard", "--auth-choice", "openrouter-api-key");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error: Onboarding needs an interactive TTY. Use `openclaw onboard --non-interactive --accept-risk ...` for automation.\n", result.Stderr);
    }

    [Fact]
    public async Task Flags_of_OpenClaws_own_onboarding_are_accepted()
    {
        var result = await _home.RunAsync(
            "onboard", "--non-interactive", "--accept-risk", "--mode", "local", "--flow", "quickstart", "--openrouter-api-key", Key,
            "--skip-health", "--skip-channels", "--skip-daemon", "--skip-skills", "--skip-ui", "--skip-search", "--skip-hooks", "--skip-bootstrap",
            "--gateway-port", "18789", "--gateway-bind", "loopback");

        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task Re_running_keeps_fallbacks_aliases_and_other_profiles_and_replaces_only_the_key()
    {
        _home.WriteConfig("""
            {
              agents: { defaults: {
                model: { primary: "openrouter/moonshotai/kimi-k2.6", fallbacks: ["openrouter/anthropic/claude-sonnet-4.6"] },
                models: { "openrouter/auto": { alias: "Router" }, "openrouter/moonshotai/kimi-k2.6": { alias: "kimi" } },
              } },
            }
            """);
        Directory.CreateDirectory(Path.GetDirectoryName(_home.AuthStorePath)!);
        File.WriteAllText(_home.AuthStorePath, """
            {"version":1,"profiles":{"openrouter:default":{"type":"api_key","provider":"openrouter","key":"sk-or-v1-old"},"anthropic:default":{"type":"api_key","provider":"anthropic","key":"sk-ant-x"}},"lastGood":{"openrouter":"openrouter:default"}}
            """);

        var result = await _home.RunAsync("onboard", "--non-interactive", "--accept-risk", "--openrouter-api-key", Key);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("  Backup: ~/.openclaw/openclaw.json.bak", result.StderrLines[^1]);
        var defaults = _home.ReadConfig()["agents"]!["defaults"]!;
        Assert.Equal("""{"primary":"openrouter/auto","fallbacks":["openrouter/anthropic/claude-sonnet-4.6"]}""", defaults["model"]!.ToJsonString());
        Assert.Equal("Router", (string?)defaults["models"]!["openrouter/auto"]!["alias"]);
        Assert.Equal("kimi", (string?)defaults["models"]!["openrouter/moonshotai/kimi-k2.6"]!["alias"]);
        var store = _home.ReadAuthStore();
        Assert.Equal(Key, (string?)store["profiles"]!["openrouter:default"]!["key"]);
        Assert.Equal("sk-ant-x", (string?)store["profiles"]!["anthropic:default"]!["key"]);
        Assert.Equal("openrouter:default", (string?)store["lastGood"]!["openrouter"]);
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(_home.AuthStorePath));
    }

    [Fact]
    public async Task Ref_mode_stores_a_reference_to_the_environment_variable()
    {
        _home.Environment["OPENROUTER_API_KEY"] = Key;

        var result = await _home.RunAsync("onboard", "--non-interactive", "--accept-risk", "--secret-input-mode", "ref");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            """{"type":"api_key","provider":"openrouter","keyRef":{"source":"env","provider":"default","id":"OPENROUTER_API_KEY"}}""",
            _home.ReadAuthStore()["profiles"]!["openrouter:default"]!.ToJsonString());
    }

    [Fact]
    public async Task An_invalid_existing_config_stops_onboarding_before_anything_is_written()
    {
        _home.WriteConfig("{ agents: { defaults: { timeoutSeconds: 'x' } } }");

        var result = await _home.RunAsync("onboard", "--non-interactive", "--accept-risk", "--openrouter-api-key", Key);

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.StderrLines);
        Assert.StartsWith("Error: Config invalid: ~/.openclaw/openclaw.json: agents.defaults.timeoutSeconds: ", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_home.AuthStorePath));
        Assert.Equal("{ agents: { defaults: { timeoutSeconds: 'x' } } }", _home.ConfigText);
    }

    [Fact]
    public async Task Ten_concurrent_onboardings_leave_valid_files()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            _home.RunAsync("onboard", "--non-interactive", "--accept-risk", "--openrouter-api-key", $"sk-or-v1-{i:D4}-0123456789abcdef")));

        Assert.All(results, result => Assert.Equal(0, result.ExitCode));
        Assert.StartsWith("sk-or-v1-", (string?)_home.ReadAuthStore()["profiles"]!["openrouter:default"]!["key"], StringComparison.Ordinal);
        Assert.Equal("openrouter/auto", (string?)_home.ReadConfig()["agents"]!["defaults"]!["model"]!["primary"]);
    }
}
