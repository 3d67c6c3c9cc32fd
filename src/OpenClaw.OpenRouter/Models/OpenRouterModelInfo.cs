using OpenClaw.OpenRouter.Reasoning;

namespace OpenClaw.OpenRouter.Models;

/// <summary>
/// What request shaping needs to know about a model (provider spec §6.1): reasoning support and efforts, tool support,
/// input modalities, prices, context window and output limit.
/// </summary>
public sealed record OpenRouterModelInfo
{
    /// <summary>The default context window when nothing is known (§6.1 step 4).</summary>
    public const int DefaultContextWindow = 200_000;

    /// <summary>The default output limit when nothing is known.</summary>
    public const int DefaultMaxTokens = 8192;

    /// <summary>The model id (<c>anthropic/claude-sonnet-4.6</c>, <c>openrouter/auto</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The display name; the id when the catalog gives none.</summary>
    public string? Name { get; init; }

    /// <summary>Whether the model can reason (catalog <c>supported_parameters</c> has <c>reasoning</c>).</summary>
    public bool Reasoning { get; init; }

    /// <summary>Input modalities: <c>text</c>, and <c>image</c> for vision models.</summary>
    public IReadOnlyList<string> Input { get; init; } = ["text"];

    /// <summary>Whether tools may be sent; <see langword="null"/> when the catalog did not say (tools are then sent).</summary>
    public bool? SupportsTools { get; init; }

    /// <summary>
    /// The reasoning efforts the catalog declares, <c>none</c> included unless reasoning is mandatory; <see langword="null"/> when
    /// unknown (no <c>reasoning</c> object); empty for binary reasoning (on/off only).
    /// </summary>
    public IReadOnlyList<ReasoningEffort>? SupportedReasoningEfforts { get; init; }

    /// <summary>Reasoning cannot be switched off (catalog <c>reasoning.mandatory</c>).</summary>
    public bool ReasoningMandatory { get; init; }

    /// <summary>Prices per million tokens.</summary>
    public ModelPricing Pricing { get; init; } = ModelPricing.Free;

    /// <summary>The context window in tokens.</summary>
    public int ContextWindow { get; init; } = DefaultContextWindow;

    /// <summary>The largest completion the model produces, in tokens.</summary>
    public int MaxTokens { get; init; } = DefaultMaxTokens;

    /// <summary>Binary reasoning: the catalog declares an empty effort list.</summary>
    public bool IsBinaryReasoning => SupportedReasoningEfforts is { Count: 0 };

    /// <summary>The catalog declares an effort list (possibly empty).</summary>
    public bool EffortsKnown => SupportedReasoningEfforts is not null;

    /// <summary>The defaults of §6.1 step 4 for an id nothing is known about.</summary>
    public static OpenRouterModelInfo Unknown(string id) => new() { Id = id, Name = id };
}
