using System.Text.Json.Nodes;

namespace OpenClaw.OpenRouter.Chat;

/// <summary>
/// A whole completion: visible text, thinking, every <c>reasoning_details</c> item, tool calls, images, usage with cost, the
/// model and provider that answered. Also the partial output carried by an error that cut a stream short.
/// </summary>
public sealed record OpenRouterChatResult
{
    /// <summary>The generation id (first non-empty chunk <c>id</c>, or the <c>X-Generation-Id</c> header).</summary>
    public string? Id { get; init; }

    /// <summary>The model id sent (API id).</summary>
    public string? RequestedModel { get; init; }

    /// <summary>The model that answered (<c>chunk.model</c>), e.g. what <c>openrouter/auto</c> routed to.</summary>
    public string? Model { get; init; }

    /// <summary>The upstream provider that served it (<c>provider</c>, e.g. <c>Anthropic</c>).</summary>
    public string? Provider { get; init; }

    /// <summary>Visible text (content, text parts and refusal), concatenated.</summary>
    public string Text { get; init; } = "";

    /// <summary><c>refusal</c> text, when the model refused (also part of <see cref="Text"/>).</summary>
    public string? Refusal { get; init; }

    /// <summary>Thinking, one block per run of fragments from the same source field.</summary>
    public IReadOnlyList<ThinkingBlock> Thinking { get; init; } = [];

    /// <summary>Every <c>reasoning_details</c> item received, verbatim and in order (fragments merged by <c>index</c> are not merged: each item as sent).</summary>
    public JsonArray ReasoningDetails { get; init; } = [];

    /// <summary>Tool calls, in index order, each with its thought signature when one arrived.</summary>
    public IReadOnlyList<OpenRouterToolCall> ToolCalls { get; init; } = [];

    /// <summary>Generated images (<c>images[]</c> items, verbatim: <c>{type:"image_url", image_url:{url}}</c>).</summary>
    public JsonArray Images { get; init; } = [];

    /// <summary><c>annotations</c> items, verbatim.</summary>
    public JsonArray Annotations { get; init; } = [];

    /// <summary>The last <c>finish_reason</c> received, as sent.</summary>
    public OpenRouterFinishReason? FinishReason { get; init; }

    /// <summary><c>native_finish_reason</c>, as sent.</summary>
    public string? NativeFinishReason { get; init; }

    /// <summary>What the finish means (§14.2), after the tool-call corrections.</summary>
    public OpenRouterStopReason StopReason { get; init; } = OpenRouterStopReason.Stop;

    /// <summary>For <see cref="OpenRouterStopReason.Error"/>: <c>Provider finish_reason: …</c> or the in-band error message.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Usage and cost; <see langword="null"/> when OpenRouter sent no usage.</summary>
    public OpenRouterUsage? Usage { get; init; }
}
