using System.Text.Json.Nodes;
using OpenClaw.Core.Config;
using OpenClaw.Core.Credentials;
using OpenClaw.Core.State;

namespace OpenClaw.Core.Tests.Credentials;

/// <summary>The TTS key chain of provider spec §3.2: TTS <c>apiKey</c> → <c>models.providers.openrouter.apiKey</c> → <c>OPENROUTER_API_KEY</c>.</summary>
public sealed class SpeechApiKeyResolverTests
{
    private static EnvironmentVariables Environment(params (string Name, string Value)[] variables) =>
        EnvironmentVariables.From(variables.Select(variable => new KeyValuePair<string, string>(variable.Name, variable.Value)));

    private static TtsOpenRouterSettings Tts(JsonNode? apiKey) => new() { ApiKey = apiKey };

    [Fact]
    public void The_tts_key_wins_over_the_provider_key_and_the_environment()
    {
        var resolved = SpeechApiKeyResolver.Resolve(Tts("sk-tts"), "sk-provider", Environment(("OPENROUTER_API_KEY", "sk-env")));

        Assert.Equal(new ResolvedApiKey("sk-tts", "messages.tts.providers.openrouter.apiKey"), resolved);
    }

    [Fact]
    public void The_provider_key_comes_before_the_environment_unlike_chat()
    {
        var resolved = SpeechApiKeyResolver.Resolve(Tts(null), "sk-provider", Environment(("OPENROUTER_API_KEY", "sk-env")));

        Assert.Equal(new ResolvedApiKey("sk-provider", "models.providers.openrouter.apiKey"), resolved);
    }

    [Fact]
    public void The_environment_is_last()
    {
        var resolved = SpeechApiKeyResolver.Resolve(Tts(null), null, Environment(("OPENROUTER_API_KEY", " sk-env ")));

        Assert.Equal(new ResolvedApiKey("sk-env", "env OPENROUTER_API_KEY"), resolved);
    }

    [Fact]
    public void A_lower_environment_layer_is_named()
    {
        var environment = Environment();
        environment.AddLayer(EnvironmentSource.ConfigEnv, [KeyValuePair.Create("OPENROUTER_API_KEY", "sk-config-env")]);

        var resolved = SpeechApiKeyResolver.Resolve(Tts(null), null, environment);

        Assert.Equal("sk-config-env", resolved?.Key);
        Assert.Equal(EnvironmentSource.ConfigEnv.Description, resolved?.Source);
    }

    [Fact]
    public void Markers_and_secret_refs_resolve_through_the_environment()
    {
        var environment = Environment(("TTS_KEY", "sk-marker"), ("REF_KEY", "sk-ref"));

        Assert.Equal(new ResolvedApiKey("sk-marker", "messages.tts.providers.openrouter.apiKey (env TTS_KEY)"),
            SpeechApiKeyResolver.Resolve(Tts("TTS_KEY"), null, environment));
        Assert.Equal(new ResolvedApiKey("sk-ref", "models.providers.openrouter.apiKey (env REF_KEY)"),
            SpeechApiKeyResolver.Resolve(Tts(null), JsonNode.Parse("""{"source":"env","id":"REF_KEY"}"""), environment));
    }

    [Fact]
    public void A_marker_naming_an_unset_variable_falls_through_to_the_next_step()
    {
        var resolved = SpeechApiKeyResolver.Resolve(Tts("UNSET_TTS_KEY"), "${MISSING}", Environment(("OPENROUTER_API_KEY", "sk-env")));

        Assert.Equal("sk-env", resolved?.Key);
    }

    [Fact]
    public void Nothing_anywhere_is_no_key()
    {
        Assert.Null(SpeechApiKeyResolver.Resolve(Tts(null), null, Environment()));
        Assert.Null(SpeechApiKeyResolver.Resolve(Tts("  "), "", Environment(("OPENROUTER_API_KEY", "  "))));
    }
}
