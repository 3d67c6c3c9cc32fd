using System.Text.Json;
using OpenClaw.OpenRouter.Models;

namespace OpenClaw.Benchmarks;

/// <summary>
/// The capability rows the benchmarks shape against, imported into a <see cref="ModelCapabilityResolver"/> without a fetch
/// function: the path of a client whose catalog is cached (as the CLI's disk cache seeds it), and no network. The rows are
/// those of the emulator's <c>models.json</c> (<c>openai/gpt-5.4</c> takes the <c>gpt-5.5</c> row's capabilities).
/// <c>moonshotai/kimi-k2.6</c> and <c>openrouter/auto</c> resolve to the bundled rows on the canonical route.
/// </summary>
public static class BenchCatalog
{
    private const string Rows = """
        {"data":[
          {"id":"anthropic/claude-sonnet-4.6","name":"Anthropic: Claude Sonnet 4.6","context_length":1000000,
           "architecture":{"modality":"text+image+file->text","input_modalities":["text","image","file"],"output_modalities":["text"]},
           "pricing":{"prompt":"0.000003","completion":"0.000015","input_cache_read":"0.0000003","input_cache_write":"0.00000375"},
           "top_provider":{"context_length":1000000,"max_completion_tokens":128000},
           "supported_parameters":["include_reasoning","max_tokens","reasoning","response_format","stop","temperature","tool_choice","tools","top_p"],
           "reasoning":{"mandatory":false,"supported_efforts":["max","xhigh","high","medium","low","minimal"],"default_effort":"medium"}},
          {"id":"openai/gpt-5.4","name":"OpenAI: GPT-5.4","context_length":400000,
           "architecture":{"modality":"text+image+file->text","input_modalities":["text","image","file"],"output_modalities":["text"]},
           "pricing":{"prompt":"0.00000125","completion":"0.00001","input_cache_read":"0.000000125","input_cache_write":"0"},
           "top_provider":{"context_length":400000,"max_completion_tokens":128000},
           "supported_parameters":["include_reasoning","max_tokens","reasoning","response_format","seed","stop","structured_outputs","tool_choice","tools"],
           "reasoning":{"mandatory":false,"supported_efforts":["xhigh","high","medium","low","minimal"],"default_effort":"medium"}},
          {"id":"google/gemini-3.1-pro-preview","name":"Google: Gemini 3.1 Pro Preview","context_length":1048576,
           "architecture":{"modality":"text+image+file+audio+video->text","input_modalities":["text","image","file","audio","video"],"output_modalities":["text"]},
           "pricing":{"prompt":"0.000002","completion":"0.000012","input_cache_read":"0.0000002","input_cache_write":"0.000000375"},
           "top_provider":{"context_length":1048576,"max_completion_tokens":65536},
           "supported_parameters":["include_reasoning","max_tokens","reasoning","response_format","seed","stop","structured_outputs","temperature","tool_choice","tools","top_p"],
           "reasoning":{"mandatory":true,"supported_efforts":["high","medium","low"],"default_effort":"medium"}},
          {"id":"deepseek/deepseek-v4-pro","name":"DeepSeek: DeepSeek V4 Pro","context_length":1048576,
           "architecture":{"modality":"text->text","input_modalities":["text"],"output_modalities":["text"]},
           "pricing":{"prompt":"0.00000055","completion":"0.0000022","input_cache_read":"0.00000014","input_cache_write":"0"},
           "top_provider":{"context_length":1048576,"max_completion_tokens":393216},
           "supported_parameters":["include_reasoning","max_tokens","reasoning","response_format","seed","stop","structured_outputs","temperature","tool_choice","tools","top_p"],
           "reasoning":{"mandatory":false,"supported_efforts":["xhigh","high"],"default_effort":"high"}}
        ]}
        """;

    /// <summary>A resolver that answers from these rows (and the bundled ones) and never fetches.</summary>
    public static ModelCapabilityResolver CreateResolver()
    {
        var resolver = new ModelCapabilityResolver();
        using var catalog = JsonDocument.Parse(Rows);
        if (!resolver.ImportCatalog(catalog.RootElement))
        {
            throw new InvalidOperationException("The benchmark catalog was not imported.");
        }
        return resolver;
    }
}
