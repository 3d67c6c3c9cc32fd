namespace OpenClaw.OpenRouter.Emulator.Chat;

/// <summary>Everything one chat completion will say, decided before a byte is written, so the streaming and
/// non-streaming forms carry the same answer.</summary>
internal sealed record CompletionPlan
{
    public required string Id { get; init; }

    public required long Created { get; init; }

    /// <summary>The model that answered (the routed one for <c>openrouter/auto</c>).</summary>
    public required string Model { get; init; }

    public required string Provider { get; init; }

    /// <summary>The reasoning text, or <see langword="null"/> when the model did not reason or the client excluded it.</summary>
    public string? Reasoning { get; init; }

    /// <summary>The delta field that carries reasoning text: <c>reasoning</c>, or <c>reasoning_content</c> on DeepSeek-style routes.</summary>
    public string ReasoningField { get; init; } = "reasoning";

    public required string ReasoningFormat { get; init; }

    /// <summary>Anthropic signs its reasoning text; the signature arrives on the last reasoning fragment.</summary>
    public string? ReasoningSignature { get; init; }

    /// <summary>OpenAI routes return reasoning summaries (<c>reasoning.summary</c>) plus one encrypted item.</summary>
    public bool ReasoningAsSummary { get; init; }

    public string? EncryptedReasoning { get; init; }

    public required string Content { get; init; }

    public IReadOnlyList<ToolCallPlan> ToolCalls { get; init; } = [];

    /// <summary>Generated images as <c>data:image/png;base64,…</c> URLs.</summary>
    public IReadOnlyList<string> Images { get; init; } = [];

    /// <summary>How a non-streamed answer carries <see cref="Images"/> (the <c>image-shape</c> fault); <see cref="ImageShapes.Images"/> by default.</summary>
    public string ImageShape { get; init; } = ImageShapes.Images;

    public required string FinishReason { get; init; }

    public required string NativeFinishReason { get; init; }

    public required UsagePlan Usage { get; init; }
}
