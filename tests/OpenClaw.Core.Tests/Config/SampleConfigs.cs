namespace OpenClaw.Core.Tests.Config;

/// <summary>Configs in plain JSON, readable before the JSON5 reader is merged.</summary>
internal static class SampleConfigs
{
    /// <summary>CLI spec §9.1 translated to JSON (same keys and values, comments dropped).</summary>
    public const string EveryKeyThePortUses = """
        {
          "$schema": "https://example.com/openclaw.schema.json",
          "env": { "OPENROUTER_API_KEY": "sk-or-from-env-block", "vars": { "EXTRA_VAR": "extra" } },
          "agents": {
            "defaults": {
              "model": { "primary": "openrouter/auto", "fallbacks": ["openrouter/moonshotai/kimi-k2.6"] },
              "models": {
                "openrouter/auto": {
                  "alias": "OpenRouter",
                  "params": {
                    "responseCache": true, "responseCacheTtlSeconds": 300, "responseCacheClear": false,
                    "response_cache": true, "response_cache_ttl_seconds": 60, "response_cache_clear": false,
                    "provider": { "order": ["anthropic"], "allow_fallbacks": false },
                    "cacheRetention": "short",
                    "thinking": "medium",
                    "temperature": 0.2, "maxTokens": 4096,
                    "extraBody": { "user": "me" },
                    "extra_body": { "user": "me" }
                  }
                },
                "openrouter/moonshotai/kimi-k2.6": { "alias": "kimi", "params": { "thinking": false } }
              },
              "imageModel": { "primary": "openrouter/google/gemini-3.1-pro-preview" },
              "imageGenerationModel": { "primary": "openrouter/google/gemini-3.1-flash-image-preview", "fallbacks": [], "timeoutMs": 180000 },
              "videoGenerationModel": { "primary": "openrouter/google/veo-3.1-fast", "timeoutMs": 600000 },
              "thinkingDefault": "medium",
              "timeoutSeconds": 600,
              "mediaMaxMb": 16,
              "params": {},
              "workspace": "~/.openclaw/workspace"
            },
            "entries": { "main": { "name": "main", "thinkingDefault": "high", "model": "openrouter/auto" } }
          },
          "messages": {
            "tts": {
              "auto": "always",
              "provider": "openrouter",
              "timeoutMs": 30000,
              "providers": {
                "openrouter": {
                  "apiKey": "sk-or-tts",
                  "baseUrl": "https://openrouter.ai/api/v1",
                  "model": "hexgrad/kokoro-82m",
                  "voice": "af_alloy",
                  "responseFormat": "mp3",
                  "speed": 1.0,
                  "provider": { "order": ["deepinfra"] }
                }
              }
            }
          },
          "models": {
            "providers": {
              "openrouter": {
                "baseUrl": "https://openrouter.ai/api/v1",
                "apiKey": "${OPENROUTER_API_KEY}",
                "headers": { "X-Custom": "v" },
                "params": { "provider": { "sort": "price" } },
                "models": [ { "id": "moonshotai/kimi-k2.6", "name": "Kimi K2.6", "reasoning": true, "input": ["text", "image"],
                              "contextWindow": 262144, "maxTokens": 262144, "cost": { "input": 0.8, "output": 3.5, "cacheRead": 0.2, "cacheWrite": 0 },
                              "compat": { "supportsTools": true } } ],
                "request": { "allowPrivateNetwork": true, "auth": { "mode": "authorization-bearer" } }
              }
            }
          },
          "auth": { "profiles": { "openrouter:default": { "provider": "openrouter", "mode": "api_key" } },
                    "order": { "openrouter": ["openrouter:default"] } }
        }
        """;

    /// <summary>What this port's onboarding writes (CLI spec §2.2), as JSON.</summary>
    public const string Onboarded = """
        {
          "agents": {
            "defaults": {
              "workspace": "/home/u/.openclaw/workspace",
              "models": { "openrouter/auto": { "alias": "OpenRouter" } },
              "model": { "primary": "openrouter/auto" }
            },
            "entries": {
              "main": { "name": "main", "workspace": "/home/u/.openclaw/workspace",
                        "agentDir": "/home/u/.openclaw/agents/main/agent", "identity": { "name": "main" } }
            }
          },
          "auth": { "profiles": { "openrouter:default": { "provider": "openrouter", "mode": "api_key", "email": "u@example.com", "displayName": "OpenRouter u" } } },
          "plugins": { "entries": { "openrouter": { "enabled": true, "config": { "anything": [1, 2] } } } },
          "wizard": { "lastRunAt": "2026-11-24T00:46:04.749Z", "lastRunVersion": "2026.11.24", "lastRunCommand": "onboard", "lastRunMode": "local" },
          "meta": { "lastTouchedVersion": "2026.11.24", "lastTouchedAt": "2026-11-24T00:46:04.749Z" },
          "gateway": { "mode": "local", "auth": { "mode": "token", "token": "0123456789abcdef0123456789abcdef0123456789abcdef" }, "port": 18789, "bind": "loopback", "tailscale": { "mode": "off" } },
          "tools": { "profile": "full" }
        }
        """;
}
