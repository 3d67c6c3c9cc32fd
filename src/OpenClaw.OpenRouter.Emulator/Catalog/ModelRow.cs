using System.Globalization;
using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Emulator.Http;

namespace OpenClaw.OpenRouter.Emulator;

/// <summary>Typed reads of one catalog row, as the emulator's behaviour needs them.</summary>
internal sealed class ModelRow
{
    public ModelRow(JsonObject json, JsonObject? video)
    {
        Json = json;
        Video = video;
        Id = JsonHttp.String(json["id"])!;
        SupportedParameters = ReadStrings(json["supported_parameters"]);
        InputModalities = ReadStrings(json["architecture"].Prop("input_modalities"));
        OutputModalities = ReadStrings(json["architecture"].Prop("output_modalities"));
        PromptPrice = ReadPrice(json["pricing"].Prop("prompt"));
        CompletionPrice = ReadPrice(json["pricing"].Prop("completion"));
        CacheReadPrice = ReadPrice(json["pricing"].Prop("input_cache_read"));
        CacheWritePrice = ReadPrice(json["pricing"].Prop("input_cache_write"));
        ImagePrice = ReadPrice(json["pricing"].Prop("image"));
    }

    public JsonObject Json { get; }

    public JsonObject? Video { get; }

    public string Id { get; }

    public string Author => Id.Split('/')[0].ToLowerInvariant();

    public IReadOnlyList<string> SupportedParameters { get; }

    public IReadOnlyList<string> InputModalities { get; }

    public IReadOnlyList<string> OutputModalities { get; }

    public decimal PromptPrice { get; }

    public decimal CompletionPrice { get; }

    public decimal CacheReadPrice { get; }

    public decimal CacheWritePrice { get; }

    public decimal ImagePrice { get; }

    public bool SupportsTools => SupportedParameters.Contains("tools");

    public bool SupportsReasoning => SupportedParameters.Contains("reasoning") || SupportedParameters.Contains("include_reasoning");

    public bool ReasoningMandatory => Json["reasoning"].Prop("mandatory")?.GetValueKind() == System.Text.Json.JsonValueKind.True;

    public bool OutputsText => OutputModalities.Count == 0 || OutputModalities.Contains("text");

    public bool OutputsImage => OutputModalities.Contains("image");

    public bool OutputsSpeech => OutputModalities.Contains("speech") || OutputModalities.Contains("audio");

    public bool OutputsVideo => OutputModalities.Contains("video") || Video is not null;

    public bool IsGemini => Id.Contains("gemini", StringComparison.OrdinalIgnoreCase);

    public bool IsAnthropic => Author == "anthropic";

    public bool IsDeepSeekV4 => Id.StartsWith("deepseek/deepseek-v4-", StringComparison.OrdinalIgnoreCase);

    /// <summary>The upstream provider OpenRouter would name in <c>provider</c>.</summary>
    public string ProviderName => Author switch
    {
        "anthropic" => "Anthropic",
        "google" => "Google AI Studio",
        "openai" => "OpenAI",
        "deepseek" => "DeepSeek",
        "moonshotai" => "Moonshot AI",
        "x-ai" => "xAI",
        "mistralai" => "Mistral",
        "black-forest-labs" => "Black Forest Labs",
        "hexgrad" => "DeepInfra",
        "elevenlabs" => "ElevenLabs",
        _ => "Emulator",
    };

    /// <summary>The <c>format</c> OpenRouter stamps on this family's <c>reasoning_details</c>.</summary>
    public string ReasoningFormat => Author switch
    {
        "anthropic" => "anthropic-claude-v1",
        "google" => "google-gemini-v1",
        "openai" => "openai-responses-v1",
        "x-ai" => "xai-responses-v1",
        _ => "unknown",
    };

    /// <summary>The provider's own finish reason for an OpenRouter finish reason.</summary>
    public string NativeFinishReason(string finishReason) => (Author, finishReason) switch
    {
        ("anthropic", "stop") => "end_turn",
        ("anthropic", "tool_calls") => "tool_use",
        ("anthropic", "length") => "max_tokens",
        ("google", "stop") or ("google", "tool_calls") => "STOP",
        ("google", "length") => "MAX_TOKENS",
        _ => finishReason,
    };

    public IReadOnlyList<string>? SupportedVoices
        => Json["supported_voices"] is JsonArray voices ? ReadStrings(voices) : null;

    private static List<string> ReadStrings(JsonNode? node)
        => node is JsonArray array
            ? [.. array.Select(item => item?.GetValueKind() == System.Text.Json.JsonValueKind.String ? item.GetValue<string>() : null).OfType<string>()]
            : [];

    private static decimal ReadPrice(JsonNode? node)
    {
        var text = node?.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.String => node.GetValue<string>(),
            System.Text.Json.JsonValueKind.Number => node.ToJsonString(),
            _ => null,
        };
        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var price) && price > 0 ? price : 0m;
    }
}
