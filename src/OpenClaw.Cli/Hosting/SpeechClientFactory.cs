using OpenClaw.Core.Config;
using OpenClaw.Core.Credentials;
using OpenClaw.OpenRouter;

namespace OpenClaw.Cli.Hosting;

/// <summary>
/// The OpenRouter client text-to-speech uses, which differs from the chat client in three ways (provider spec §3.2, §4.1,
/// §15.3): its key comes from the TTS block, then <c>models.providers.openrouter.apiKey</c>, then <c>OPENROUTER_API_KEY</c>,
/// and only when none of those is set, the OpenRouter auth profile that <c>openclaw onboard</c> writes; its base URL from the TTS block, then <c>models.providers.openrouter.baseUrl</c>, then the canonical
/// URL; and the private-network guard applies unless <c>models.providers.openrouter.request.allowPrivateNetwork</c> is true.
/// Configured <c>models.providers.openrouter.headers</c> belong to the chat endpoint and are not sent.
/// </summary>
public static class SpeechClientFactory
{
    /// <summary>The error when no key is found (provider spec §3.2).</summary>
    public const string MissingKeyMessage = "OpenRouter API key missing";

    /// <summary>The TTS settings of the config (<c>messages.tts</c> overlaid with top-level <c>tts</c>).</summary>
    /// <exception cref="ConfigException">The config is invalid (a bad <c>responseFormat</c> among others).</exception>
    public static TtsSettings ReadSettings(LocalState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return TtsSettings.Read(state.Config.Tts);
    }

    /// <summary>
    /// The TTS key by provider spec §3.2, or <see langword="null"/>. Past the documented chain, the chat key (an auth profile)
    /// is the last resort: someone who ran <c>openclaw onboard</c> and pasted the documentation's TTS block has no other key,
    /// and refusing them would be the only outcome the chain's order cannot otherwise change.
    /// </summary>
    public static ResolvedApiKey? ResolveApiKey(LocalState state, TtsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(settings);
        return SpeechApiKeyResolver.Resolve(settings.OpenRouter, state.Config.OpenRouter.ApiKey, state.Environment)
            ?? state.ResolveApiKey();
    }

    /// <summary>A client for speech requests; the caller disposes it.</summary>
    /// <exception cref="CliException">No key (<c>OpenRouter API key missing</c>), or an invalid base URL.</exception>
    public static OpenRouterClient Create(LocalState state, TtsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(settings);
        var key = ResolveApiKey(state, settings) ?? throw new CliException(MissingKeyMessage);
        var config = state.Config;
        var options = new OpenRouterClientOptions
        {
            ApiKey = key.Key,
            BaseUrl = settings.OpenRouter.ResolveBaseUrl(config.OpenRouter.BaseUrl),
            Attribution = OpenRouterAttribution.OpenClaw,
            TimeProvider = state.Context.TimeProvider,
            Handler = state.Context.HttpHandler,
            AllowPrivateNetwork = config.OpenRouter.AllowPrivateNetwork,
            MediaMaxBytes = Agent.Media.MediaLimits.BytesFromMegabytes(config.MediaMaxMb),
            // Speech never looks up model capabilities.
            CapabilityCatalogUrl = null,
        };
        try
        {
            return new OpenRouterClient(options);
        }
        catch (ArgumentException exception) when (exception.ParamName is "baseUrl" or "options")
        {
            var suffix = exception.ParamName is null ? "" : $" (Parameter '{exception.ParamName}')";
            var message = exception.Message.EndsWith(suffix, StringComparison.Ordinal) ? exception.Message[..^suffix.Length] : exception.Message;
            throw new CliException(message);
        }
    }
}
