namespace OpenClaw.OpenRouter.Chat;

/// <summary>A tool call the model made, as replayed in an assistant message.</summary>
/// <param name="Id">The call id (<c>call_…</c>, <c>toolu_…</c>, <c>tool_…</c>).</param>
/// <param name="Name">The function name.</param>
/// <param name="Arguments">The arguments as the JSON text the model produced.</param>
public sealed record OpenRouterToolCall(string Id, string Name, string Arguments)
{
    /// <summary>
    /// The call's thought signature: the <c>reasoning.encrypted</c> item whose <c>id</c> equals <see cref="Id"/>, serialized
    /// verbatim as JSON (provider spec §12.1). Replayed as the assistant message's <c>reasoning_details</c>.
    /// </summary>
    public string? ThoughtSignature { get; init; }
}
