using Microsoft.Extensions.AI;
using OpenClaw.Agent.Sessions;
using OpenClaw.OpenRouter;

namespace OpenClaw.Agent.Turns;

/// <summary>
/// Runs agent turns: one user message in, the model's answer out, with the session's history, tools, the thinking level and
/// the model fallback chain.
/// </summary>
/// <remarks>
/// <para>Order of work in <see cref="RunAsync"/>:</para>
/// <list type="number">
/// <item>Candidates: <see cref="AgentTurnRequest.ModelOverride"/> alone (strict), else primary then fallbacks (duplicates
/// removed, canonical refs).</item>
/// <item>Thinking: the explicit level (validated against the first candidate with <see cref="OpenRouterClient.PrepareChatRequestAsync"/>
/// before anything else: <see cref="OpenRouter.Reasoning.ThinkingLevelNotSupportedException"/> escapes, nothing is sent or
/// stored), else the session's saved level, else the agent's <c>thinkingDefault</c>, else the candidate's
/// <c>params.thinking</c>, else <c>agents.defaults.thinkingDefault</c>, else the model's own default. Only the explicit level on
/// the first candidate is strict; every other level is clamped to what the candidate supports.</item>
/// <item>Deadline: the request's timeout or the settings', on the <see cref="TimeProvider"/>; passing it throws
/// <see cref="AgentTurnTimeoutException"/>. The caller's token (Ctrl+C) throws <see cref="OperationCanceledException"/>.
/// Either way nothing is committed.</item>
/// <item>Session: <see cref="SessionTurnLock"/> held for the whole turn; history loaded after the lock.</item>
/// <item>For each candidate: the system prompt (<see cref="Prompt.SystemPrompt"/>), the replayed history
/// (<see cref="Transcript.TranscriptMessages.ToChatMessages"/>) and the user message go through MEAI's
/// <see cref="FunctionInvokingChatClient"/> over <see cref="OpenRouter.AI.OpenRouterChatClient"/> with the tools, streaming.
/// Each inner call's completed <see cref="OpenRouter.Chat.OpenRouterChatResult"/> (the update's raw representation) becomes an
/// assistant transcript message and adds to the usage; each function result becomes a toolResult message. A failure
/// classified by <see cref="Fallbacks.FailoverClassifier"/> as advancing moves to the next candidate (starting the turn over
/// from the user message); any other failure ends the turn. A completed call with stop reason <c>error</c> counts as a
/// <c>timeout</c> failure.</item>
/// <item>All candidates failed: <see cref="Fallbacks.AllModelsFailedException"/>. Success: the user message, assistant
/// messages and tool results are committed in one transaction (with <c>--thinking</c> saved), then the result is returned.</item>
/// </list>
/// </remarks>
public sealed class AgentTurnRunner
{
    /// <param name="client">The OpenRouter client (key, base URL, params, capability resolver already configured).</param>
    /// <param name="sessions">The agent's session store.</param>
    /// <param name="sessionsDirectory">Where the session lock files live.</param>
    /// <param name="settings">The agent's configured behaviour.</param>
    /// <param name="tools">Tools offered to models that support tools.</param>
    /// <param name="timeProvider">The clock for the deadline, timestamps and durations.</param>
    public AgentTurnRunner(OpenRouterClient client, SessionStore sessions, string sessionsDirectory, AgentSettings settings,
        IReadOnlyList<AIFunction> tools, TimeProvider? timeProvider = null) => throw new NotImplementedException();

    /// <summary>Runs one turn (see remarks).</summary>
    public Task<AgentTurnResult> RunAsync(AgentTurnRequest request, IAgentTurnObserver? observer = null, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
