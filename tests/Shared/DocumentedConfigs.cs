namespace OpenClaw.Tests.Shared;

/// <summary>Config snippets pasted verbatim from the documentation page and the CLI spec; all need the JSON5 reader.</summary>
internal static class DocumentedConfigs
{
    /// <summary>提供商 / OpenRouter page: the "getting started" example, verbatim.</summary>
    public const string SeedGettingStarted = """
        {
          env: { OPENROUTER_API_KEY: "sk-or-..." },
          agents: {
            defaults: {
              model: { primary: "openrouter/auto" },
            },
          },
        }
        """;

    /// <summary>提供商 / OpenRouter page: the "image generation" example, verbatim.</summary>
    public const string SeedImageGeneration = """
        {
          env: { OPENROUTER_API_KEY: "sk-or-..." },
          agents: {
            defaults: {
              imageGenerationModel: {
                primary: "openrouter/google/gemini-3.1-flash-image-preview",
                timeoutMs: 180_000,
              },
            },
          },
        }
        """;

    /// <summary>提供商 / OpenRouter page: the "video generation" example, verbatim.</summary>
    public const string SeedVideoGeneration = """
        {
          env: { OPENROUTER_API_KEY: "sk-or-..." },
          agents: {
            defaults: {
              videoGenerationModel: {
                primary: "openrouter/google/veo-3.1-fast",
              },
            },
          },
        }
        """;

    /// <summary>提供商 / OpenRouter page: the "text to speech" example, verbatim.</summary>
    public const string SeedTextToSpeech = """
        {
          messages: {
            tts: {
              auto: "always",
              provider: "openrouter",
              providers: {
                openrouter: {
                  model: "hexgrad/kokoro-82m",
                  voice: "af_alloy",
                  responseFormat: "mp3",
                },
              },
            },
          },
        }
        """;

    /// <summary>提供商 / OpenRouter page: the "response cache" example, verbatim.</summary>
    public const string SeedResponseCache = """
        {
          agents: {
            defaults: {
              models: {
                "openrouter/auto": {
                  params: {
                    responseCache: true,
                    responseCacheTtlSeconds: 300,
                  },
                },
              },
            },
          },
        }
        """;

    /// <summary>CLI spec §9.1, verbatim.</summary>
    public const string SpecKeysTheOpenRouterPortUses = """
        {
          env: { OPENROUTER_API_KEY: "sk-or-..." },
          agents: {
            defaults: {
              model: { primary: "openrouter/auto", fallbacks: ["openrouter/moonshotai/kimi-k2.6"] }, // or a plain string = primary
              models: {
                "openrouter/auto": {
                  alias: "OpenRouter",
                  params: {
                    responseCache: true, responseCacheTtlSeconds: 300, responseCacheClear: false,  // + snake_case aliases
                    provider: { order: ["anthropic"], allow_fallbacks: false },                    // routing (merged, see provider spec)
                    cacheRetention: "short",          // none | short | long (Anthropic cache markers; long = 1h TTL)
                    thinking: "medium",               // per-model default thinking level, or false
                    temperature: 0.2, maxTokens: 4096,
                    extraBody: { user: "me" },        // merged into the request body last (alias extra_body)
                  },
                },
              },
              imageModel: { primary: "openrouter/google/gemini-3.1-pro-preview" },   // vision analysis (not generation)
              imageGenerationModel: { primary: "openrouter/google/gemini-3.1-flash-image-preview", fallbacks: [], timeoutMs: 180000 },
              videoGenerationModel: { primary: "openrouter/google/veo-3.1-fast", timeoutMs: 600000 },
              thinkingDefault: "medium",              // off|minimal|low|medium|high|xhigh|adaptive|max
              timeoutSeconds: 600,                    // whole agent turn
              mediaMaxMb: 16,                         // cap for generated/downloaded media
              params: {},                             // params applied to every model (lowest precedence)
              workspace: "~/.openclaw/workspace",
            },
            entries: { main: { name: "main", thinkingDefault: "high", model: "openrouter/auto" } },
          },
          messages: {
            tts: {
              auto: "always",                          // off (default) | always | inbound | tagged
              provider: "openrouter",
              timeoutMs: 30000,
              providers: {
                openrouter: {
                  apiKey: "sk-or-...",                 // optional; falls back to models.providers.openrouter.apiKey, then OPENROUTER_API_KEY
                  baseUrl: "https://openrouter.ai/api/v1",
                  model: "hexgrad/kokoro-82m",         // alias modelId
                  voice: "af_alloy",                   // alias voiceId
                  responseFormat: "mp3",               // mp3 | pcm
                  speed: 1.0,
                  provider: { order: ["deepinfra"] },  // forwarded as body.provider
                },
              },
            },
          },
          models: {
            providers: {
              openrouter: {
                baseUrl: "https://openrouter.ai/api/v1",   // https://openrouter.ai/v1 is normalised to this
                apiKey: "${OPENROUTER_API_KEY}",           // string, ${VAR}, an env-var name marker, or a SecretRef
                headers: { "X-Custom": "v" },              // extra request headers
                params: { provider: { sort: "price" } },   // provider-wide params (lowest routing precedence)
                models: [ { id: "moonshotai/kimi-k2.6", name: "Kimi K2.6", reasoning: true, input: ["text","image"],
                            contextWindow: 262144, maxTokens: 262144, cost: { input: 0.8, output: 3.5, cacheRead: 0.2, cacheWrite: 0 } } ],
                request: { allowPrivateNetwork: false,              // true lets media/TTS reach private/loopback hosts
                           auth: { mode: "authorization-bearer" } },   // MAY: custom auth header mode
              },
            },
          },
          auth: { profiles: { "openrouter:default": { provider: "openrouter", mode: "api_key" } },
                  order: { openrouter: ["openrouter:default"] } },
        }
        """;

    /// <summary>CLI spec §2.2, verbatim: what onboarding writes on a fresh home.</summary>
    public const string SpecOnboardingOutput = """
        {
          agents: {
            defaults: {
              workspace: "/home/u/.openclaw/workspace",
              models: { "openrouter/auto": { alias: "OpenRouter" } },   // alias kept if one already exists
              model: { primary: "openrouter/auto" },                    // existing fallbacks preserved
            },
            entries: {
              main: { name: "main", workspace: "/home/u/.openclaw/workspace",
                      agentDir: "/home/u/.openclaw/agents/main/agent", identity: { name: "main" } },
            },
          },
          auth: { profiles: { "openrouter:default": { provider: "openrouter", mode: "api_key" } } },  // metadata only, never the key
          plugins: { entries: { openrouter: { enabled: true } } },
          wizard: { lastRunAt: "2026-11-24T00:46:04.749Z", lastRunVersion: "<version>", lastRunCommand: "onboard", lastRunMode: "local" },
          meta: { lastTouchedVersion: "<version>" },
          gateway: { mode: "local", auth: { mode: "token", token: "<48 hex>" }, port: 18789, bind: "loopback", tailscale: { mode: "off" } }, // †
          tools: { profile: "full" },                                                                    // †
        }
        """;
}
