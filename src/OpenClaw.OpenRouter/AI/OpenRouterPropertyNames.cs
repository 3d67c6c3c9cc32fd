namespace OpenClaw.OpenRouter.AI;

/// <summary>
/// The keys this adapter reads from and writes to MEAI's <c>AdditionalProperties</c> and <c>UsageDetails.AdditionalCounts</c>.
/// All written keys carry an <c>openrouter.</c> prefix so they cannot collide with another provider's.
/// </summary>
public static class OpenRouterPropertyNames
{
    /// <summary><c>ChatOptions.AdditionalProperties</c> key of the typed <see cref="OpenRouterChatOptions"/>.</summary>
    public const string Options = "openrouter";

    /// <summary>
    /// On a <c>TextReasoningContent</c>: the wire field the thinking arrived in (<c>reasoning</c>, <c>reasoning_content</c>,
    /// <c>reasoning_text</c>, <c>reasoning_details</c>), so a replay writes it back under the same name. Absent means <c>reasoning</c>.
    /// </summary>
    public const string SourceField = "openrouter.source_field";

    /// <summary>On a <c>TextReasoningContent</c> that carries a <c>reasoning_details</c> item: the item's <c>type</c>.</summary>
    public const string ReasoningDetailType = "openrouter.reasoning_detail_type";

    /// <summary>On a <c>FunctionCallContent</c> whose arguments were not a JSON object: the arguments text as the model wrote it.</summary>
    public const string RawArguments = "openrouter.raw_arguments";

    /// <summary>The upstream provider that served the answer (<c>Anthropic</c>, <c>Google</c>…).</summary>
    public const string Provider = "openrouter.provider";

    /// <summary>The cost in US dollars, as a <see cref="double"/> (exact value: <see cref="CostPicodollars"/>).</summary>
    public const string Cost = "openrouter.cost";

    /// <summary><c>provider-billed</c> (OpenRouter's <c>usage.cost</c>) or <c>estimated</c> (from catalog prices).</summary>
    public const string CostOrigin = "openrouter.cost_origin";

    /// <summary><c>usage.is_byok</c>, a <see cref="bool"/>.</summary>
    public const string IsByok = "openrouter.is_byok";

    /// <summary><c>usage.cost_details</c> as JSON text (text survives every serializer a cache may use).</summary>
    public const string CostDetails = "openrouter.cost_details";

    /// <summary><c>usage.cost_details.upstream_inference_cost</c> in US dollars, a <see cref="double"/>.</summary>
    public const string UpstreamInferenceCost = "openrouter.upstream_inference_cost";

    /// <summary>
    /// In <c>UsageDetails.AdditionalCounts</c>: the cost in picodollars (USD × 10¹²), rounded. A whole number so it is exact and
    /// summable: middleware that adds up the usage of several calls (function invocation loops) adds up the cost too.
    /// </summary>
    public const string CostPicodollars = "openrouter.cost_picodollars";

    /// <summary>In <c>UsageDetails.AdditionalCounts</c>: prompt tokens written to the provider's prompt cache.</summary>
    public const string CacheWriteTokens = "openrouter.cache_write_tokens";

    /// <summary><c>native_finish_reason</c>, as the upstream provider sent it.</summary>
    public const string NativeFinishReason = "openrouter.native_finish_reason";

    /// <summary>What the finish means (<c>stop</c>, <c>length</c>, <c>toolUse</c>, <c>error</c>; provider spec §14.2).</summary>
    public const string StopReason = "openrouter.stop_reason";

    /// <summary>For a finish that means an error (<c>content_filter</c>, unknown values): <c>Provider finish_reason: …</c>.</summary>
    public const string ErrorMessage = "openrouter.error_message";
}
