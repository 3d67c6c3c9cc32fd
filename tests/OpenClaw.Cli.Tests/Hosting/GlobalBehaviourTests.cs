using OpenClaw.Cli.Tests.Support;

namespace OpenClaw.Cli.Tests.Hosting;

/// <summary>Conventions every command shares (CLI spec §1), seen from outside the process.</summary>
public sealed class GlobalBehaviourTests : IDisposable
{
    private readonly CliHome _home = new();

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task Version_prints_the_version_and_nothing_else()
    {
        var result = await _home.RunAsync("--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("0.4.0\n", result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Theory]
    [InlineData("onboard")]
    [InlineData("models")]
    [InlineData("config")]
    [InlineData("config set")]
    [InlineData("doctor")]
    public async Task Every_command_has_help(string command)
    {
        var result = await _home.RunAsync([.. command.Split(' '), "--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"openclaw {command}", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_arguments_shows_help()
    {
        var result = await _home.RunAsync();

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("onboard", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_is_a_one_line_error_with_exit_1()
    {
        var result = await _home.RunAsync("frobnicate");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal(["Error: Unrecognized command or argument 'frobnicate'. Run openclaw --help for usage."], result.StderrLines);
    }

    [Fact]
    public async Task An_unknown_option_in_json_mode_prints_the_error_document()
    {
        var result = await _home.RunAsync("config", "file", "--json", "--bogus");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("cli_error", (string?)result.Json["error"]!["type"]);
        Assert.False((bool)result.Json["ok"]!);
        Assert.StartsWith("Error: Unrecognized command or argument '--bogus'.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_file_prints_the_path_shortened_and_in_json_in_full()
    {
        var text = await _home.RunAsync("config", "file");
        var json = await _home.RunAsync("config", "file", "--json");

        Assert.Equal("~/.openclaw/openclaw.json\n", text.Stdout);
        Assert.Equal($"{{\n  \"path\": \"{_home.ConfigPath}\"\n}}\n", json.Stdout);
    }

    [Fact]
    public async Task State_dir_and_config_path_follow_the_environment()
    {
        _home.Environment["OPENCLAW_STATE_DIR"] = Path.Combine(_home.Root, "state");
        var stateDir = await _home.RunAsync("config", "file");
        _home.Environment["OPENCLAW_CONFIG_PATH"] = "~/custom.json5";
        var configPath = await _home.RunAsync("config", "file");

        Assert.Equal(Path.Combine(_home.Root, "state", "openclaw.json") + "\n", stateDir.Stdout);
        Assert.Equal("~/custom.json5\n", configPath.Stdout);
    }
}
