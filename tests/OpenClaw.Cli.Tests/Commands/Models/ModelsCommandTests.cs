using System.Text.Json.Nodes;
using OpenClaw.Cli.Tests.Support;
using OpenClaw.OpenRouter.Emulator;

namespace OpenClaw.Cli.Tests.Commands.Models;

/// <summary><c>openclaw models …</c> run as a real process (CLI spec §3), against the emulator where OpenRouter is asked.</summary>
public sealed class ModelsCommandTests : IDisposable
{
    private const string Key = "sk-or-v1-0123456789abcdef0123456789abcdef";

    private readonly CliHome _home = new();

    public void Dispose() => _home.Dispose();

    private static JsonNode? Defaults(JsonObject config) => config["agents"]!["defaults"];

    [Fact]
    public async Task Set_as_the_seed_page_types_it_writes_primary_and_an_entry_and_notes_the_unchecked_model()
    {
        var result = await _home.RunAsync("models", "set", "openrouter/anthropic/claude-sonnet-4.6");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            ["Updated config: ~/.openclaw/openclaw.json", "Default model: openrouter/anthropic/claude-sonnet-4.6"],
            result.StdoutLines);
        Assert.Equal(
            "Note: Provider \"openrouter\" has no local model catalog, so \"openrouter/anthropic/claude-sonnet-4.6\" could not be checked offline. The selection was saved.\n",
            result.Stderr);
        Assert.Equal(
            """{"agents":{"defaults":{"model":{"primary":"openrouter/anthropic/claude-sonnet-4.6"},"models":{"openrouter/anthropic/claude-sonnet-4.6":{}}}}}""",
            _home.ReadConfig().ToJsonString());
    }

    [Fact]
    public async Task Set_keeps_existing_entries_and_fallbacks_and_prints_the_backup()
    {
        _home.WriteConfig(DocumentedConfigs.SeedGettingStarted);
        await _home.RunAsync("onboard", "--non-interactive", "--accept-risk", "--openrouter-api-key", Key);
        await _home.RunAsync("models", "fallbacks", "add", "openrouter/moonshotai/kimi-k2.6");

        var result = await _home.RunAsync("models", "set", "openrouter/anthropic/claude-sonnet-4.6");

        Assert.Equal(
            ["Updated config: ~/.openclaw/openclaw.json", "  Backup: ~/.openclaw/openclaw.json.bak", "Default model: openrouter/anthropic/claude-sonnet-4.6"],
            result.StdoutLines);
        var defaults = Defaults(_home.ReadConfig())!;
        Assert.Equal("""{"primary":"openrouter/anthropic/claude-sonnet-4.6","fallbacks":["openrouter/moonshotai/kimi-k2.6"]}""", defaults["model"]!.ToJsonString());
        Assert.Equal("OpenRouter", (string?)defaults["models"]!["openrouter/auto"]!["alias"]);
        Assert.NotNull(defaults["models"]!["openrouter/anthropic/claude-sonnet-4.6"]);
    }

    [Theory]
    [InlineData("openrouter/openrouter/auto", "openrouter/auto", true)]
    [InlineData("OpenRouter/Auto", "openrouter/auto", true)]
    [InlineData("auto", "openrouter/auto", true)]
    [InlineData("openrouter/moonshotai/kimi-k2.6", "openrouter/moonshotai/kimi-k2.6", true)]
    [InlineData("openrouter/openrouter/hunter-alpha", "openrouter/hunter-alpha", false)]
    public async Task Set_normalises_the_ref(string typed, string stored, bool bundled)
    {
        var result = await _home.RunAsync("models", "set", typed);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"Default model: {stored}", result.StdoutLines[^1]);
        Assert.Equal(stored, (string?)Defaults(_home.ReadConfig())!["model"]!["primary"]);
        Assert.Equal(bundled, result.Stderr.Length == 0);
    }

    [Fact]
    public async Task Set_by_alias_resolves_to_the_aliased_model()
    {
        await _home.RunAsync("onboard", "--non-interactive", "--accept-risk", "--openrouter-api-key", Key);
        await _home.RunAsync("models", "set", "openrouter/moonshotai/kimi-k2.6");

        var result = await _home.RunAsync("models", "set", "openrouter");

        Assert.Equal("Default model: openrouter/auto", result.StdoutLines[^1]);
    }

    [Theory]
    [InlineData("openrouter/", "Invalid model reference: openrouter/")]
    [InlineData("open router/x", "Invalid model reference: open router/x")]
    [InlineData("anthropic/claude-sonnet-4.6", "Unknown model provider \"anthropic\". Install a plugin that declares it or configure it under models.providers before selecting \"anthropic/claude-sonnet-4.6\". Config was not changed.")]
    public async Task Set_refuses_bad_refs_and_leaves_the_config_alone(string typed, string message)
    {
        _home.WriteConfig(DocumentedConfigs.SeedGettingStarted);

        var result = await _home.RunAsync("models", "set", typed);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"Error: {message}\n", result.Stderr);
        Assert.Equal(DocumentedConfigs.SeedGettingStarted, _home.ConfigText);
    }

    [Fact]
    public async Task With_a_cached_catalog_an_unknown_model_is_invalid()
    {
        await using var emulator = await OpenRouterEmulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        UseEmulator(emulator);
        var refresh = await _home.RunAsync("models", "list", "--refresh", "--plain");

        var unknown = await _home.RunAsync("models", "set", "openrouter/nobody/no-such-model");
        var known = await _home.RunAsync("models", "set", "openrouter/anthropic/claude-sonnet-4.6");

        Assert.Equal(0, refresh.ExitCode);
        Assert.Equal(1, unknown.ExitCode);
        Assert.StartsWith("Error: Invalid model: openrouter/nobody/no-such-model is not in the OpenRouter model catalog", unknown.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, known.ExitCode);
        Assert.Equal("", known.Stderr);
    }

    [Fact]
    public async Task List_shows_configured_models_with_tags()
    {
        await _home.RunAsync("onboard", "--non-interactive", "--accept-risk", "--openrouter-api-key", Key);
        await _home.RunAsync("models", "fallbacks", "add", "openrouter/moonshotai/kimi-k2.6");

        var json = await _home.RunAsync("models", "list", "--json");
        var plain = await _home.RunAsync("models", "list", "--plain");
        var table = await _home.RunAsync("models", "list");

        Assert.Equal(0, json.ExitCode);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(
            """
            {"count":2,"models":[{"key":"openrouter/auto","name":"OpenRouter Auto","input":"text+image","contextWindow":200000,"local":false,"available":true,"tags":["default","configured","alias:OpenRouter"]},{"key":"openrouter/moonshotai/kimi-k2.6","name":"MoonshotAI: Kimi K2.6","input":"text+image","contextWindow":262144,"local":false,"available":true,"tags":["fallback#1","configured"]}]}
            """), json.Json), json.Stdout);
        Assert.Equal(["openrouter/auto", "openrouter/moonshotai/kimi-k2.6"], plain.StdoutLines);
        Assert.Contains("Model", table.StdoutLines[0], StringComparison.Ordinal);
        Assert.Contains("Ctx", table.StdoutLines[0], StringComparison.Ordinal);
        Assert.Contains("200k", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("default,configured,alias:OpenRouter", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_refresh_fetches_the_live_catalog_with_key_and_attribution_and_caches_it()
    {
        await using var emulator = await OpenRouterEmulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        UseEmulator(emulator);

        var refreshed = await _home.RunAsync("models", "list", "--all", "--refresh", "--json");
        var cached = await _home.RunAsync("models", "list", "--all", "--json");

        Assert.Equal(0, refreshed.ExitCode);
        Assert.Equal("", refreshed.Stderr);
        var request = Assert.Single(emulator.Journal.For("/models"));
        Assert.Equal($"Bearer {ApiKeyRegistryKey}", request.Header("Authorization"));
        var count = (int)refreshed.Json["count"]!;
        Assert.True(count > 3, $"only {count} models");
        Assert.Equal(refreshed.Stdout, cached.Stdout);
        Assert.Single(emulator.Journal.For("/models"));
        Assert.True(File.Exists(Path.Combine(_home.StateDir, "cache", "openrouter-models.json")));
        var keys = refreshed.Json["models"]!.AsArray().Select(m => (string)m!["key"]!).ToList();
        Assert.Equal(keys.Distinct().Count(), keys.Count);
    }

    [Fact]
    public async Task A_stale_cached_catalog_is_still_used_with_a_note()
    {
        await using var emulator = await OpenRouterEmulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        UseEmulator(emulator);
        await _home.RunAsync("models", "list", "--refresh", "--plain");
        var cachePath = Path.Combine(_home.StateDir, "cache", "openrouter-models.json");
        var cache = JsonNode.Parse(File.ReadAllText(cachePath))!;
        cache["fetchedAt"] = "2026-01-02T03:04:05.000+00:00";
        File.WriteAllText(cachePath, cache.ToJsonString());

        var result = await _home.RunAsync("models", "list", "--all", "--plain");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("The cached model catalog is from 2026-01-02; run openclaw models list --all --refresh to update it.\n", result.Stderr);
        Assert.Contains("openrouter/anthropic/claude-sonnet-4.6", result.StdoutLines);
        Assert.Single(emulator.Journal.For("/models"));
    }

    [Fact]
    public async Task List_refresh_that_fails_still_lists_the_published_models()
    {
        await using var emulator = await OpenRouterEmulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        UseEmulator(emulator);
        emulator.Faults.Enqueue("server-error", "/models");

        var result = await _home.RunAsync("models", "list", "--all", "--refresh", "--plain");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Model discovery could not refresh all providers. Showing the available published model list.\n", result.Stderr);
        Assert.Contains("openrouter/auto", result.StdoutLines);
        Assert.Contains("openrouter/moonshotai/kimi-k2.6", result.StdoutLines);
    }

    [Fact]
    public async Task List_rejects_a_display_label_as_provider_filter()
    {
        var result = await _home.RunAsync("models", "list", "--provider", "Moonshot AI");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error: Invalid provider filter \"Moonshot AI\". Use a provider id such as \"moonshot\", not a display label.\n", result.Stderr);
    }

    [Fact]
    public async Task Json_and_plain_together_are_refused()
    {
        var result = await _home.RunAsync("models", "list", "--json", "--plain");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("""{"ok":false,"error":{"type":"cli_error","message":"Choose either --json or --plain, not both."}}""", result.Json.ToJsonString());
    }

    [Fact]
    public async Task Fallbacks_add_list_remove_clear()
    {
        var add1 = await _home.RunAsync("models", "fallbacks", "add", "openrouter/moonshotai/kimi-k2.6");
        var add2 = await _home.RunAsync("models", "fallbacks", "add", "openrouter/anthropic/claude-sonnet-4.6");
        var list = await _home.RunAsync("models", "fallbacks", "list");
        var json = await _home.RunAsync("models", "fallbacks", "list", "--json");
        var remove = await _home.RunAsync("models", "fallbacks", "remove", "openrouter/moonshotai/kimi-k2.6");
        var missing = await _home.RunAsync("models", "fallbacks", "remove", "openrouter/moonshotai/kimi-k2.6");
        var clear = await _home.RunAsync("models", "fallbacks", "clear");
        var empty = await _home.RunAsync("models", "fallbacks", "list");

        Assert.Equal("Fallbacks: openrouter/moonshotai/kimi-k2.6", add1.StdoutLines[^1]);
        Assert.Equal("Fallbacks: openrouter/moonshotai/kimi-k2.6, openrouter/anthropic/claude-sonnet-4.6", add2.StdoutLines[^1]);
        Assert.Equal("Fallbacks (2):\n- openrouter/moonshotai/kimi-k2.6\n- openrouter/anthropic/claude-sonnet-4.6\n", list.Stdout);
        Assert.Equal("""{"fallbacks":["openrouter/moonshotai/kimi-k2.6","openrouter/anthropic/claude-sonnet-4.6"]}""", json.Json.ToJsonString());
        Assert.Equal("Fallbacks: openrouter/anthropic/claude-sonnet-4.6", remove.StdoutLines[^1]);
        Assert.Equal(1, missing.ExitCode);
        Assert.Equal("Error: Fallback not found: openrouter/moonshotai/kimi-k2.6. Run openclaw models fallbacks list to see configured fallbacks.\n", missing.Stderr);
        Assert.Equal("Fallback list cleared.", clear.StdoutLines[^1]);
        Assert.Equal("Fallbacks (0):\n- none\n", empty.Stdout);
        Assert.Equal("[]", Defaults(_home.ReadConfig())!["model"]!["fallbacks"]!.ToJsonString());
    }

    [Fact]
    public async Task Aliases_add_list_remove()
    {
        var add = await _home.RunAsync("models", "aliases", "add", "kimi", "openrouter/moonshotai/kimi-k2.6");
        var taken = await _home.RunAsync("models", "aliases", "add", "kimi", "openrouter/auto");
        await _home.RunAsync("models", "aliases", "add", "router", "openrouter/auto");
        var viaAlias = await _home.RunAsync("models", "aliases", "add", "k2", "kimi");
        var badName = await _home.RunAsync("models", "aliases", "add", "my alias", "openrouter/auto");
        var list = await _home.RunAsync("models", "aliases", "list");
        var json = await _home.RunAsync("models", "aliases", "list", "--json");
        var plain = await _home.RunAsync("models", "aliases", "list", "--plain");
        var unknown = await _home.RunAsync("models", "aliases", "remove", "nope");

        Assert.Equal("Alias kimi -> openrouter/moonshotai/kimi-k2.6", add.StdoutLines[^1]);
        Assert.Equal("Alias k2 -> openrouter/moonshotai/kimi-k2.6", viaAlias.StdoutLines[^1]);
        Assert.Equal(1, taken.ExitCode);
        Assert.Equal("Error: Alias kimi already points to openrouter/moonshotai/kimi-k2.6.\n", taken.Stderr);
        Assert.Equal("Error: Alias must use letters, numbers, dots, underscores, colons, or dashes.\n", badName.Stderr);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Equal("Error: Alias not found: nope. Run openclaw models aliases list to see configured aliases.\n", unknown.Stderr);
        // One alias per model: k2 replaced kimi.
        Assert.Equal(["Aliases (2):", "- k2 -> openrouter/moonshotai/kimi-k2.6", "- router -> openrouter/auto"], list.StdoutLines);
        Assert.Equal("""{"aliases":{"k2":"openrouter/moonshotai/kimi-k2.6","router":"openrouter/auto"}}""", json.Json.ToJsonString());
        Assert.Contains("k2 openrouter/moonshotai/kimi-k2.6", plain.StdoutLines);

        await _home.RunAsync("models", "aliases", "remove", "k2");
        var last = await _home.RunAsync("models", "aliases", "remove", "router");
        Assert.Equal("No aliases configured.", last.StdoutLines[^1]);
    }

    [Fact]
    public async Task Status_shows_the_default_and_masks_the_key()
    {
        await _home.RunAsync("onboard", "--non-interactive", "--accept-risk", "--openrouter-api-key", Key);
        _home.Environment["OPENROUTER_API_KEY"] = Key;

        var text = await _home.RunAsync("models", "status");
        var bare = await _home.RunAsync("models");
        var plain = await _home.RunAsync("models", "status", "--plain");
        var json = await _home.RunAsync("models", "status", "--json");

        Assert.Equal(0, text.ExitCode);
        Assert.Equal(text.Stdout, bare.Stdout);
        Assert.Contains("Default", text.Stdout, StringComparison.Ordinal);
        Assert.Contains(": openrouter/auto", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("openrouter effective=profile | profiles=1 (api_key=1, oauth=0, token=0) | env=sk-or-v1… | source=profile openrouter:default", text.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, text.Stdout + json.Stdout, StringComparison.Ordinal);
        Assert.Equal("openrouter/auto\n", plain.Stdout);
        Assert.Equal("openrouter/auto", (string?)json.Json["resolvedDefault"]);
        Assert.Equal("openrouter/auto", (string?)json.Json["aliases"]!["OpenRouter"]);
        Assert.Equal(_home.ConfigPath, (string?)json.Json["configPath"]);
    }

    [Fact]
    public async Task Status_check_exits_1_without_a_key()
    {
        var result = await _home.RunAsync("models", "status", "--check");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("effective=missing", result.Stdout, StringComparison.Ordinal);
    }

    private const string ApiKeyRegistryKey = OpenClaw.OpenRouter.Emulator.ApiKeyRegistry.DefaultKey;

    private void UseEmulator(OpenRouterEmulator emulator)
    {
        _home.WriteConfig($$"""{ models: { providers: { openrouter: { baseUrl: "{{emulator.BaseUrl}}" } } } }""");
        _home.Environment["OPENROUTER_API_KEY"] = ApiKeyRegistryKey;
    }
}
