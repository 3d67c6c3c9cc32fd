namespace OpenClaw.Cli.Tests.Support;

/// <summary>The config snippets of the OpenClaw OpenRouter page (../shared/seed/openrouter-provider.zh.md), verbatim.</summary>
public static class SeedSnippets
{
    public const string QuickStart = """
        {
          env: { OPENROUTER_API_KEY: "sk-or-..." },
          agents: {
            defaults: {
              model: { primary: "openrouter/auto" },
            },
          },
        }
        """;

    public const string ImageGeneration = """
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

    public const string VideoGeneration = """
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

    public const string Tts = """
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

    public const string ResponseCache = """
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
}
