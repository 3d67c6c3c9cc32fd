using System.Text.Json.Nodes;
using OpenClaw.Cli.Tests.Support;

namespace OpenClaw.Cli.Tests.Commands.Config;

/// <summary><c>openclaw config …</c> run as a real process against a temporary HOME (CLI spec §5).</summary>
public sealed class ConfigCommandTests : IDisposable
{
    private readonly CliHome _home = new();

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task Set_creates_the_config_with_the_value_parsed_as_JSON5()
    {
        var result = await _home.RunAsync("config", "set", "agents.defaults.timeoutSeconds", "300");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Updated agents.defaults.timeoutSeconds.\n", result.Stdout);
        Assert.Equal("{\n  \"agents\": {\n    \"defaults\": {\n      \"timeoutSeconds\": 300\n    }\n  }\n}\n", _home.ConfigText);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_home.ConfigPath));
    }

    [Fact]
    public async Task Set_falls_back_to_a_string_and_keeps_a_backup_of_the_previous_file()
    {
        _home.WriteConfig("{ agents: { defaults: { model: { primary: 'openrouter/auto' } } } }");

        var result = await _home.RunAsync("config", "set", "agents.defaults.model.primary", "openrouter/moonshotai/kimi-k2.6");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("openrouter/moonshotai/kimi-k2.6", (string?)_home.ReadConfig()["agents"]!["defaults"]!["model"]!["primary"]);
        Assert.Equal("{ agents: { defaults: { model: { primary: 'openrouter/auto' } } } }", File.ReadAllText(_home.ConfigPath + ".bak"));
    }

    [Fact]
    public async Task Set_into_a_plain_string_model_expands_it_to_an_object_and_keeps_the_primary()
    {
        _home.WriteConfig("{ agents: { defaults: { model: 'openrouter/auto' } } }");

        var result = await _home.RunAsync("config", "set", "agents.defaults.model.fallbacks", "['openrouter/moonshotai/kimi-k2.6']");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            """{"primary":"openrouter/auto","fallbacks":["openrouter/moonshotai/kimi-k2.6"]}""",
            _home.ReadConfig()["agents"]!["defaults"]!["model"]!.ToJsonString());
    }

    [Fact]
    public async Task Set_below_another_scalar_says_what_is_in_the_way()
    {
        _home.WriteConfig("{ agents: { defaults: { workspace: '/w' } } }");

        var result = await _home.RunAsync("config", "set", "agents.defaults.workspace.path", "x");

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.StderrLines);
        Assert.StartsWith("Error: Cannot set agents.defaults.workspace.path: ", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("{ agents: { defaults: { workspace: '/w' } } }", _home.ConfigText);
    }

    [Fact]
    public async Task Set_with_strict_json_refuses_a_bare_word()
    {
        var result = await _home.RunAsync("config", "set", "--strict-json", "agents.defaults.thinkingDefault", "high");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("Error: Invalid JSON5 value:", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_home.ConfigPath));
    }

    [Fact]
    public async Task Setting_the_same_value_again_is_no_change()
    {
        await _home.RunAsync("config", "set", "agents.defaults.thinkingDefault", "high");
        var before = _home.ConfigText;

        var result = await _home.RunAsync("config", "set", "agents.defaults.thinkingDefault", "high");

        Assert.Equal("No change\n", result.Stdout);
        Assert.Equal(before, _home.ConfigText);
    }

    [Fact]
    public async Task A_value_that_fails_validation_is_not_written()
    {
        _home.WriteConfig("{ agents: { defaults: { timeoutSeconds: 60 } } }");

        var result = await _home.RunAsync("config", "set", "agents.defaults.thinkingDefault", "loud");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("Error: Config validation failed: agents.defaults.thinkingDefault: ", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.StderrLines);
        Assert.Equal("{ agents: { defaults: { timeoutSeconds: 60 } } }", _home.ConfigText);
        Assert.Single(Directory.GetFiles(_home.StateDir, "openclaw.json.rejected.*"));
    }

    [Fact]
    public async Task An_unknown_key_is_refused_with_its_parent_path()
    {
        var result = await _home.RunAsync("config", "set", "agents.defaults.modle", "x");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error: Config validation failed: agents.defaults: Unrecognized key: \"modle\"\n", result.Stderr);
        Assert.False(File.Exists(_home.ConfigPath));
    }

    [Fact]
    public async Task Protected_maps_keep_their_entries_unless_replace_is_given()
    {
        _home.WriteConfig("""{"agents":{"defaults":{"models":{"openrouter/auto":{"alias":"OpenRouter"}}}}}""");

        var refused = await _home.RunAsync("config", "set", "agents.defaults.models", "{'openrouter/moonshotai/kimi-k2.6': {}}");
        var merged = await _home.RunAsync("config", "set", "--merge", "agents.defaults.models", "{'openrouter/moonshotai/kimi-k2.6': {}}");

        Assert.Equal(1, refused.ExitCode);
        Assert.Equal("Error: Refusing to drop existing entries of agents.defaults.models: openrouter/auto. Use --merge to add entries, or --replace to overwrite agents.defaults.models.\n", refused.Stderr);
        Assert.Equal(0, merged.ExitCode);
        Assert.Equal(
            """{"openrouter/auto":{"alias":"OpenRouter"},"openrouter/moonshotai/kimi-k2.6":{}}""",
            _home.ReadConfig()["agents"]!["defaults"]!["models"]!.ToJsonString());
    }

    [Fact]
    public async Task Dry_run_validates_without_writing()
    {
        var result = await _home.RunAsync("config", "set", "--dry-run", "agents.defaults.timeoutSeconds", "120");

        Assert.Equal(0, result.ExitCode);
        Assert.False(File.Exists(_home.ConfigPath));
    }

    [Fact]
    public async Task Get_prints_scalars_raw_objects_as_json_and_redacts_secrets()
    {
        _home.WriteConfig("""
            // the seed page's own style
            {
              env: { OPENROUTER_API_KEY: "sk-or-v1-0123456789abcdef0123" },
              agents: { defaults: { model: { primary: "openrouter/auto", fallbacks: ["openrouter/moonshotai/kimi-k2.6"] } } },
            }
            """);

        var primary = await _home.RunAsync("config", "get", "agents.defaults.model.primary");
        var model = await _home.RunAsync("config", "get", "agents.defaults.model");
        var fallback = await _home.RunAsync("config", "get", "agents.defaults.model.fallbacks[0]", "--json");
        var key = await _home.RunAsync("config", "get", "env.OPENROUTER_API_KEY");

        Assert.Equal("openrouter/auto\n", primary.Stdout);
        Assert.Equal("{\n  \"primary\": \"openrouter/auto\",\n  \"fallbacks\": [\n    \"openrouter/moonshotai/kimi-k2.6\"\n  ]\n}\n", model.Stdout);
        Assert.Equal("\"openrouter/moonshotai/kimi-k2.6\"\n", fallback.Stdout);
        Assert.Equal(0, key.ExitCode);
        Assert.DoesNotContain("0123456789abcdef", key.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_of_a_missing_path_tells_a_known_path_from_an_unknown_one()
    {
        var unset = await _home.RunAsync("config", "get", "agents.defaults.timeoutSeconds");
        var unknown = await _home.RunAsync("config", "get", "agents.defaults.nonsense");

        Assert.Equal(1, unset.ExitCode);
        Assert.Equal("Error: Config path is valid but unset: agents.defaults.timeoutSeconds. The runtime default applies until you set an authored value with openclaw config set agents.defaults.timeoutSeconds <value>.\n", unset.Stderr);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Equal("Error: Unknown config path: agents.defaults.nonsense. Run openclaw config schema to inspect valid paths.\n", unknown.Stderr);
    }

    [Fact]
    public async Task Unset_removes_a_key_and_reports_a_missing_one()
    {
        _home.WriteConfig("""{"agents":{"defaults":{"timeoutSeconds":60,"thinkingDefault":"low"}}}""");

        var removed = await _home.RunAsync("config", "unset", "agents.defaults.timeoutSeconds");
        var missing = await _home.RunAsync("config", "unset", "agents.defaults.timeoutSeconds");

        Assert.Equal("Removed agents.defaults.timeoutSeconds.\n", removed.Stdout);
        Assert.Equal("""{"agents":{"defaults":{"thinkingDefault":"low"}}}""", _home.ReadConfig().ToJsonString());
        Assert.Equal(1, missing.ExitCode);
        Assert.Equal("Error: Config path not found: agents.defaults.timeoutSeconds. Nothing was changed.\n", missing.Stderr);
    }

    [Fact]
    public async Task Patch_from_stdin_merges_deletes_with_null_and_counts_leaves()
    {
        _home.WriteConfig("""{"agents":{"defaults":{"timeoutSeconds":60,"thinkingDefault":"low"}}}""");

        var result = await _home.RunWithInputAsync(
            "{ agents: { defaults: { timeoutSeconds: null, model: { primary: 'openrouter/auto', fallbacks: ['openrouter/moonshotai/kimi-k2.6'] } } } }",
            "config", "patch", "--stdin");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Applied 3 config update(s).\n", result.Stdout);
        Assert.Equal(
            """{"agents":{"defaults":{"thinkingDefault":"low","model":{"primary":"openrouter/auto","fallbacks":["openrouter/moonshotai/kimi-k2.6"]}}}}""",
            _home.ReadConfig().ToJsonString());
    }

    [Fact]
    public async Task Patch_accepts_the_seed_pages_tts_snippet_verbatim_from_a_file()
    {
        var patch = Path.Combine(_home.WorkingDirectory, "tts.json5");
        File.WriteAllText(patch, DocumentedConfigs.SeedTextToSpeech);

        var result = await _home.RunAsync("config", "patch", "--file", "tts.json5");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Applied 5 config update(s).\n", result.Stdout);
        Assert.Equal("always", (string?)_home.ReadConfig()["messages"]!["tts"]!["auto"]);
    }

    [Fact]
    public async Task A_malformed_patch_names_the_file_line_and_column()
    {
        var result = await _home.RunWithInputAsync("{\n  agents: {\n    defaults: { timeoutSeconds: 60 ]\n  }\n}", "config", "patch", "--stdin");

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"^Error: <stdin>:3:\d+: .+\n$", result.Stderr);
    }

    [Fact]
    public async Task Validate_reports_valid_missing_and_invalid_configs()
    {
        var missing = await _home.RunAsync("config", "validate");
        _home.WriteConfig(DocumentedConfigs.SeedGettingStarted);
        var valid = await _home.RunAsync("config", "validate");
        var validJson = await _home.RunAsync("config", "validate", "--json");
        _home.WriteConfig("{ agents: { defaults: { timeoutSeconds: 'soon', colour: 'blue' } } }");
        var invalid = await _home.RunAsync("config", "validate");
        var invalidJson = await _home.RunAsync("config", "validate", "--json");

        Assert.Equal(1, missing.ExitCode);
        Assert.Equal("Error: Config file not found: ~/.openclaw/openclaw.json\nCreate one with openclaw onboard or run openclaw doctor --fix.\n", missing.Stderr);
        Assert.Equal("Config valid: ~/.openclaw/openclaw.json\n", valid.Stdout);
        Assert.True((bool)validJson.Json["valid"]!);
        Assert.Equal(_home.ConfigPath, (string?)validJson.Json["path"]);
        Assert.Equal(1, invalid.ExitCode);
        Assert.Equal("Error: OpenClaw config is invalid: ~/.openclaw/openclaw.json", invalid.StderrLines[0]);
        Assert.Equal(3, invalid.StderrLines.Count);
        Assert.All(invalid.StderrLines.Skip(1), line => Assert.StartsWith("× agents.defaults", line, StringComparison.Ordinal));
        Assert.Equal(1, invalidJson.ExitCode);
        Assert.False((bool)invalidJson.Json["valid"]!);
        Assert.Equal(2, invalidJson.Json["issues"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("{ agents: { defaults: { timeoutSeconds: 60 }", "1:", "unexpected end of input")]
    [InlineData("{ agents: 'unterminated }", "1:", "unterminated string")]
    [InlineData("{ a: 1 /* never closed", "1:", "unterminated comment")]
    [InlineData("{ a: 01 }", "1:6", "")]
    [InlineData("{ a: 1 } extra", "1:10", "")]
    public async Task Malformed_JSON5_names_file_line_and_column_and_leaves_the_file_alone(string text, string position, string reason)
    {
        _home.WriteConfig(text);

        var result = await _home.RunAsync("config", "set", "agents.defaults.timeoutSeconds", "5");

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.StderrLines);
        Assert.StartsWith($"Error: {_home.ConfigPath}:{position}", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(reason, result.Stderr, StringComparison.Ordinal);
        Assert.Equal(text, _home.ConfigText);
    }

    [Fact]
    public async Task A_config_that_is_a_directory_is_a_one_line_error()
    {
        Directory.CreateDirectory(_home.ConfigPath);

        var result = await _home.RunAsync("models", "status");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"Error: Cannot read config {_home.ConfigPath}: it is a directory.\n", result.Stderr);
    }

    [Fact]
    public async Task A_config_that_is_a_symlink_is_read_but_never_written_through()
    {
        var target = Path.Combine(_home.Root, "elsewhere.json");
        File.WriteAllText(target, "{}");
        Directory.CreateDirectory(_home.StateDir);
        File.CreateSymbolicLink(_home.ConfigPath, target);

        var result = await _home.RunAsync("config", "set", "agents.defaults.timeoutSeconds", "5");

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.StderrLines);
        Assert.Contains(_home.ConfigPath, result.Stderr, StringComparison.Ordinal);
        Assert.Contains("symbolic link", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("{}", File.ReadAllText(target));
        Assert.NotNull(new FileInfo(_home.ConfigPath).LinkTarget);
    }

    [Fact]
    public async Task A_read_only_config_directory_is_a_one_line_error_and_the_config_is_untouched()
    {
        if (Environment.UserName == "root")
        {
            Assert.Skip("root ignores directory permissions");
        }
        _home.WriteConfig("{}");
        File.SetUnixFileMode(_home.StateDir, UnixFileMode.UserRead | UnixFileMode.UserExecute);

        var result = await _home.RunAsync("config", "set", "agents.defaults.timeoutSeconds", "5");

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.StderrLines);
        Assert.Equal("{}", File.ReadAllText(_home.ConfigPath));
    }

    [Fact]
    public async Task Schema_is_a_json_schema_document()
    {
        var result = await _home.RunAsync("config", "schema");

        Assert.Equal(0, result.ExitCode);
        Assert.NotNull(result.Json["properties"]!["agents"]);
    }

    [Fact]
    public async Task Twenty_concurrent_set_processes_all_land()
    {
        var runs = Enumerable.Range(0, 20)
            .Select(i => _home.RunAsync("config", "set", $"agents.defaults.models[\"openrouter/test/model-{i}\"].alias", $"m{i}"))
            .ToList();
        var results = await Task.WhenAll(runs);

        Assert.All(results, result => Assert.Equal(0, result.ExitCode));
        var models = _home.ReadConfig()["agents"]!["defaults"]!["models"]!.AsObject();
        Assert.Equal(20, models.Count);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal($"m{i}", (string?)models[$"openrouter/test/model-{i}"]!["alias"]);
        }
    }
}
