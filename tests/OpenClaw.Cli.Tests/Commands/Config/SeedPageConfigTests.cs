using System.Text.Json.Nodes;
using OpenClaw.Cli.Tests.Support;
using OpenClaw.OpenRouter.Emulator;

namespace OpenClaw.Cli.Tests.Commands.Config;

/// <summary>The seed page's config snippets pasted verbatim into openclaw.json, and what the program makes of them.</summary>
public sealed class SeedPageConfigTests : IDisposable
{
    private readonly CliHome _home = new();

    public void Dispose() => _home.Dispose();

    public static TheoryData<string> Snippets() =>
        [DocumentedConfigs.SeedGettingStarted, DocumentedConfigs.SeedImageGeneration, DocumentedConfigs.SeedVideoGeneration, DocumentedConfigs.SeedTextToSpeech, DocumentedConfigs.SeedResponseCache];

    [Theory]
    [MemberData(nameof(Snippets))]
    public async Task Each_snippet_validates_as_written(string snippet)
    {
        _home.WriteConfig(snippet);

        var result = await _home.RunAsync("config", "validate");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Config valid: ~/.openclaw/openclaw.json\n", result.Stdout);
    }

    [Fact]
    public async Task The_image_snippets_digit_separator_reads_as_a_number()
    {
        _home.WriteConfig(DocumentedConfigs.SeedImageGeneration);

        var result = await _home.RunAsync("config", "get", "agents.defaults.imageGenerationModel.timeoutMs", "--json");

        Assert.Equal("180000\n", result.Stdout);
    }

    [Fact]
    public async Task The_env_block_supplies_the_key_when_nothing_else_does()
    {
        _home.WriteConfig(DocumentedConfigs.SeedGettingStarted);

        var status = await _home.RunAsync("models", "status", "--json");

        Assert.Equal(0, status.ExitCode);
        var provider = status.Json["auth"]!["providers"]![0]!;
        Assert.Equal("env", (string?)provider["effective"]!["kind"]);
        Assert.Equal("config env", (string?)provider["effective"]!["detail"]);
        Assert.Equal("openrouter/auto", (string?)status.Json["resolvedDefault"]);
    }

    [Fact]
    public async Task The_process_environment_wins_over_the_env_block()
    {
        _home.WriteConfig(DocumentedConfigs.SeedGettingStarted);
        _home.Environment["OPENROUTER_API_KEY"] = "sk-or-v1-from-the-shell-0123456789";

        var status = await _home.RunAsync("models", "status", "--json");

        Assert.Equal("env OPENROUTER_API_KEY", (string?)status.Json["auth"]!["providers"]![0]!["effective"]!["detail"]);
    }

    [Fact]
    public async Task Variables_are_substituted_in_config_strings()
    {
        await using var emulator = await OpenRouterEmulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        _home.WriteConfig("""
            {
              env: { EMULATOR_URL: "__URL__", MY_KEY: "__KEY__" },
              models: { providers: { openrouter: { baseUrl: "${EMULATOR_URL}", apiKey: "${MY_KEY}" } } },
            }
            """.Replace("__URL__", emulator.BaseUrl.ToString(), StringComparison.Ordinal).Replace("__KEY__", ApiKeyRegistry.DefaultKey, StringComparison.Ordinal));

        var probe = await _home.RunAsync("doctor", "--probe", "--json");

        Assert.Equal(0, probe.ExitCode);
        Assert.True((bool)probe.Json["ok"]!, probe.Stdout);
        Assert.Equal($"Bearer {ApiKeyRegistry.DefaultKey}", Assert.Single(emulator.Journal.For("/key")).Header("Authorization"));
    }

    [Fact]
    public async Task A_missing_variable_is_a_warning_naming_the_key_path()
    {
        _home.WriteConfig("""{ models: { providers: { openrouter: { apiKey: "${NOT_SET_ANYWHERE}" } } } }""");

        var result = await _home.RunAsync("models", "status", "--plain");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            "Config (~/.openclaw/openclaw.json): missing env var \"NOT_SET_ANYWHERE\" at models.providers.openrouter.apiKey - feature using this value will be unavailable\n",
            result.Stderr);
    }

    [Fact]
    public async Task Errors_have_no_stack_trace_unless_verbose()
    {
        _home.WriteConfig("{ nope: 1 }");

        var quiet = await _home.RunAsync("models", "status");
        var verbose = await _home.RunAsync("models", "status", "--verbose");

        Assert.Equal(["Error: Config invalid: ~/.openclaw/openclaw.json: Unrecognized key: \"nope\""], quiet.StderrLines);
        Assert.Equal(1, verbose.ExitCode);
        Assert.Contains("   at ", verbose.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_commands_report_failures_as_the_error_document()
    {
        _home.WriteConfig("{ nope: 1 }");

        var result = await _home.RunAsync("models", "list", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"ok":false,"error":{"type":"cli_error","message":"Config invalid: ~/.openclaw/openclaw.json: Unrecognized key: \"nope\""}}"""),
            result.Json));
    }
}
