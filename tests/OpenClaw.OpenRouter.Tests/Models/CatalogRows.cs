using System.Text.Json;

namespace OpenClaw.OpenRouter.Tests.Models;

/// <summary>Rows of <c>GET /models</c> taken from the emulator's catalog (trimmed to the fields the client reads).</summary>
internal static class CatalogRows
{
    public const string AutoRouter = """
        {"id": "openrouter/auto", "name": "Auto Router", "context_length": 2000000, "architecture": {"modality": "text+image->text", "input_modalities": ["text", "image"], "output_modalities": ["text"]}, "pricing": {"prompt": "-1", "completion": "-1", "input_cache_read": "0", "input_cache_write": "0"}, "top_provider": {"context_length": null, "max_completion_tokens": null}, "supported_parameters": ["frequency_penalty", "include_reasoning", "max_tokens", "presence_penalty", "reasoning", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_p"]}
        """;

    public const string ClaudeSonnet = """
        {"id": "anthropic/claude-sonnet-4.6", "name": "Anthropic: Claude Sonnet 4.6", "context_length": 1000000, "architecture": {"modality": "text+image+file->text", "input_modalities": ["text", "image", "file"], "output_modalities": ["text"]}, "pricing": {"prompt": "0.000003", "completion": "0.000015", "input_cache_read": "0.0000003", "input_cache_write": "0.00000375"}, "top_provider": {"context_length": 1000000, "max_completion_tokens": 128000}, "supported_parameters": ["frequency_penalty", "include_reasoning", "max_tokens", "presence_penalty", "reasoning", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_p"], "reasoning": {"mandatory": false, "supported_efforts": ["max", "xhigh", "high", "medium", "low", "minimal"], "default_effort": "medium"}}
        """;

    public const string GeminiPro = """
        {"id": "google/gemini-3.1-pro-preview", "name": "Google: Gemini 3.1 Pro Preview", "context_length": 1048576, "architecture": {"modality": "text+image+file+audio+video->text", "input_modalities": ["text", "image", "file", "audio", "video"], "output_modalities": ["text"]}, "pricing": {"prompt": "0.000002", "completion": "0.000012", "input_cache_read": "0.0000002", "input_cache_write": "0.000000375"}, "top_provider": {"context_length": 1048576, "max_completion_tokens": 65536}, "supported_parameters": ["frequency_penalty", "include_reasoning", "max_tokens", "presence_penalty", "reasoning", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_p"], "reasoning": {"mandatory": true, "supported_efforts": ["high", "medium", "low"], "default_effort": "medium"}}
        """;

    public const string KimiK26 = """
        {"id": "moonshotai/kimi-k2.6", "name": "MoonshotAI: Kimi K2.6", "context_length": 262144, "architecture": {"modality": "text+image->text", "input_modalities": ["text", "image"], "output_modalities": ["text"]}, "pricing": {"prompt": "0.0000008", "completion": "0.0000035", "input_cache_read": "0.0000002", "input_cache_write": "0"}, "top_provider": {"context_length": 262144, "max_completion_tokens": 262144}, "supported_parameters": ["frequency_penalty", "include_reasoning", "max_tokens", "presence_penalty", "reasoning", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_p"]}
        """;

    public const string GrokFast = """
        {"id": "x-ai/grok-4.1-fast", "name": "xAI: Grok 4.1 Fast", "context_length": 2000000, "architecture": {"modality": "text+image->text", "input_modalities": ["text", "image"], "output_modalities": ["text"]}, "pricing": {"prompt": "0.0000002", "completion": "0.0000005", "input_cache_read": "0.00000005", "input_cache_write": "0"}, "top_provider": {"context_length": 2000000, "max_completion_tokens": 30000}, "supported_parameters": ["frequency_penalty", "include_reasoning", "max_tokens", "presence_penalty", "reasoning", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_p"], "reasoning": {"mandatory": false, "supported_efforts": []}}
        """;

    public const string MistralLarge = """
        {"id": "mistralai/mistral-large-2512", "name": "Mistral: Mistral Large 3 2512", "context_length": 262144, "architecture": {"modality": "text+image->text", "input_modalities": ["text", "image"], "output_modalities": ["text"]}, "pricing": {"prompt": "0.0000005", "completion": "0.0000015", "input_cache_read": "0", "input_cache_write": "0"}, "top_provider": {"context_length": 262144, "max_completion_tokens": 262144}, "supported_parameters": ["frequency_penalty", "max_tokens", "presence_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_p"]}
        """;

    public const string GeminiProImage = """
        {"id": "google/gemini-3-pro-image-preview", "name": "Google: Nano Banana Pro (Gemini 3 Pro Image Preview)", "context_length": 65536, "architecture": {"modality": "image+text->image+text", "input_modalities": ["image", "text"], "output_modalities": ["image", "text"]}, "pricing": {"prompt": "0.000002", "completion": "0.000012", "input_cache_read": "0", "input_cache_write": "0"}, "top_provider": {"context_length": 65536, "max_completion_tokens": 32768}, "supported_parameters": ["include_reasoning", "max_tokens", "reasoning", "response_format", "seed", "structured_outputs", "temperature", "top_p"], "reasoning": {"mandatory": true, "supported_efforts": null}}
        """;

    public const string FluxPro = """
        {"id": "black-forest-labs/flux.2-pro", "name": "Black Forest Labs: FLUX.2 [pro]", "context_length": 46864, "architecture": {"modality": "text+image->image", "input_modalities": ["text", "image"], "output_modalities": ["image"]}, "pricing": {"prompt": "0", "completion": "0", "input_cache_read": "0", "input_cache_write": "0"}, "top_provider": {"context_length": 46864, "max_completion_tokens": 46864}, "supported_parameters": ["seed"]}
        """;

    public const string VeoFast = """
        {"id": "google/veo-3.1-fast", "name": "Google: Veo 3.1 Fast", "context_length": 0, "architecture": {"modality": "text+image->video", "input_modalities": ["text", "image"], "output_modalities": ["video"]}, "pricing": {"prompt": "0", "completion": "0", "input_cache_read": "0", "input_cache_write": "0"}, "top_provider": {"context_length": 0, "max_completion_tokens": null}, "supported_parameters": []}
        """;

    public const string EmulatorReasoning = """
        {"id": "emulator/reasoning", "name": "Emulator: Reasoning", "context_length": 131072, "architecture": {"modality": "text->text", "input_modalities": ["text"], "output_modalities": ["text"]}, "pricing": {"prompt": "0.000001", "completion": "0.000004", "input_cache_read": "0", "input_cache_write": "0"}, "top_provider": {"context_length": 131072, "max_completion_tokens": 16384}, "supported_parameters": ["frequency_penalty", "include_reasoning", "max_tokens", "presence_penalty", "reasoning", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_p"], "reasoning": {"mandatory": true, "supported_efforts": null}}
        """;

    /// <summary>A detached element (its document is already gone, so the test needs no <c>using</c>).</summary>
    public static JsonElement Element(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>A <c>{"data":[…]}</c> catalog document of the given rows.</summary>
    public static string Catalog(params string[] rows) => "{\"data\":[" + string.Join(",", rows) + "]}";
}
