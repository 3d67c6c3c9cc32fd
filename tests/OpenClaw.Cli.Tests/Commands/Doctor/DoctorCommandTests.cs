using OpenClaw.Cli.Tests.Support;
using OpenClaw.OpenRouter.Emulator;

namespace OpenClaw.Cli.Tests.Commands.Doctor;

/// <summary><c>openclaw doctor</c> (CLI spec §6).</summary>
public sealed class DoctorCommandTests : IDisposable
{
    private const string Key = "sk-or-v1-0123456789abcdef0123456789abcdef";

    private readonly CliHome _home = new();

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task A_fresh_home_reports_the_missing_key_with_the_fix()
    {
        var text = await _home.RunAsync("doctor");
        var json = await _home.RunAsync("doctor", "--json");

        Assert.Equal(1, text.ExitCode);
        Assert.Contains("✗ No OpenRouter API key", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("  Fix: openclaw onboard --auth-choice openrouter-api-key", text.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, json.ExitCode);
        Assert.False((bool)json.Json["ok"]!);
        Assert.Contains(json.Json["findings"]!.AsArray(), f => (string?)f!["id"] == "auth.missing" && (string?)f["severity"] == "error");
    }

    [Fact]
    public async Task After_onboarding_everything_is_fine_and_the_key_is_only_shown_masked()
    {
        await _home.RunAsync("onboard", "--non-interactive", "--accept-risk", "--openrouter-api-key", Key);

        var result = await _home.RunAsync("doctor", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.True((bool)result.Json["ok"]!, result.Stdout);
        Assert.DoesNotContain(Key, result.Stdout, StringComparison.Ordinal);
        Assert.Contains(result.Json["findings"]!.AsArray(), f => (string?)f!["message"] == "OpenRouter API key: sk-or-v1… from profile openrouter:default.");
    }

    [Fact]
    public async Task Reports_config_issues_and_unresolvable_models_without_failing()
    {
        _home.WriteConfig("{ agents: { defaults: { model: { primary: 'openrouter/auto', fallbacks: ['anthropic/claude'] } } } }");

        var result = await _home.RunAsync("doctor", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.Json["findings"]!.AsArray(), f => (string?)f!["id"] == "models.unresolved"
            && ((string?)f["message"])!.StartsWith("agents.defaults.model.fallbacks[0]: Unknown model provider \"anthropic\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_malformed_config_is_a_finding_with_its_position()
    {
        _home.WriteConfig("{ agents: ");

        var result = await _home.RunAsync("doctor", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.Json["findings"]!.AsArray(), f => (string?)f!["id"] == "config.parse"
            && ((string?)f["message"])!.StartsWith($"{_home.ConfigPath}:1:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_loose_auth_store_mode_is_a_warning()
    {
        await _home.RunAsync("onboard", "--non-interactive", "--accept-risk", "--openrouter-api-key", Key);
        File.SetUnixFileMode(_home.AuthStorePath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var result = await _home.RunAsync("doctor", "--json");

        Assert.Contains(result.Json["findings"]!.AsArray(), f => (string?)f!["id"] == "auth.store.mode" && (string?)f["fix"] == "chmod 600 ~/.openclaw/agents/main/agent/auth-profiles.json");
    }

    [Fact]
    public async Task Probe_asks_OpenRouter_about_the_key()
    {
        await using var emulator = await OpenRouterEmulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        _home.WriteConfig($$"""{ models: { providers: { openrouter: { baseUrl: "{{emulator.BaseUrl}}" } } } }""");
        _home.Environment["OPENROUTER_API_KEY"] = OpenClaw.OpenRouter.Emulator.ApiKeyRegistry.DefaultKey;

        var result = await _home.RunAsync("doctor", "--probe");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("✓ OpenRouter accepted the key", result.Stdout, StringComparison.Ordinal);
        var request = Assert.Single(emulator.Journal.For("/key"));
        Assert.Equal($"Bearer {OpenClaw.OpenRouter.Emulator.ApiKeyRegistry.DefaultKey}", request.Header("Authorization"));
    }

    [Fact]
    public async Task A_rejected_key_fails_the_probe()
    {
        await using var emulator = await OpenRouterEmulator.StartAsync(new EmulatorOptions { AcceptWellFormedKeys = false }, TestContext.Current.CancellationToken);
        _home.WriteConfig($$"""{ models: { providers: { openrouter: { baseUrl: "{{emulator.BaseUrl}}" } } } }""");
        _home.Environment["OPENROUTER_API_KEY"] = Key;

        var result = await _home.RunAsync("doctor", "--probe", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.Json["findings"]!.AsArray(), f => (string?)f!["id"] == "auth.probe" && (string?)f["severity"] == "error");
        Assert.DoesNotContain(Key, result.Stdout, StringComparison.Ordinal);
    }
}
