using System.Runtime.ExceptionServices;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using OpenClaw.Agent.Fallbacks;
using OpenClaw.Agent.Prompt;
using OpenClaw.Agent.Sessions;
using OpenClaw.Agent.Thinking;
using OpenClaw.Agent.Transcript;
using OpenClaw.OpenRouter;
using OpenClaw.OpenRouter.AI;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Models;
using OpenClaw.OpenRouter.Reasoning;

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
    /// <summary>Model calls one candidate may make in its tool loop before the loop is cut (the last answer is kept).</summary>
    public const int MaxToolIterations = 16;

    private readonly OpenRouterClient _client;
    private readonly SessionStore _sessions;
    private readonly string _sessionsDirectory;
    private readonly AgentSettings _settings;
    private readonly AITool[] _tools;
    private readonly HashSet<string> _toolNames;
    private readonly TimeProvider _time;

    /// <param name="client">The OpenRouter client (key, base URL, params, capability resolver already configured).</param>
    /// <param name="sessions">The agent's session store.</param>
    /// <param name="sessionsDirectory">Where the session lock files live.</param>
    /// <param name="settings">The agent's configured behaviour.</param>
    /// <param name="tools">Tools offered to models that support tools.</param>
    /// <param name="timeProvider">The clock for the deadline, timestamps and durations.</param>
    public AgentTurnRunner(OpenRouterClient client, SessionStore sessions, string sessionsDirectory, AgentSettings settings,
        IReadOnlyList<AIFunction> tools, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionsDirectory);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(tools);
        _client = client;
        _sessions = sessions;
        _sessionsDirectory = sessionsDirectory;
        _settings = settings;
        _tools = [.. tools];
        _toolNames = new HashSet<string>(tools.Select(tool => tool.Name), StringComparer.Ordinal);
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Runs one turn (see remarks).</summary>
    /// <exception cref="ThinkingLevelNotSupportedException">The explicit thinking level is not supported by the first candidate; nothing was sent or stored.</exception>
    /// <exception cref="AllModelsFailedException">Every candidate failed, or one failed in a way another model cannot fix (auth, a bad request).</exception>
    /// <exception cref="AgentTurnTimeoutException">The turn's deadline passed (waiting for the session included); nothing was stored.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; nothing was stored.</exception>
    public async Task<AgentTurnResult> RunAsync(AgentTurnRequest request, IAgentTurnObserver? observer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Message);
        var timeout = request.Timeout ?? _settings.TurnTimeout;
        if (timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(request), timeout, "The turn timeout must be positive.");
        }
        var candidates = CandidatesOf(request);
        var started = _time.GetTimestamp();

        using var deadline = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await RunCoreAsync(request, candidates, timeout, started, new GuardedObserver(observer), linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new AgentTurnTimeoutException(timeout, exception);
        }
        catch (ObserverFailedException exception)
        {
            ExceptionDispatchInfo.Throw(exception.InnerException!);
            throw;
        }
    }

    private async Task<AgentTurnResult> RunCoreAsync(AgentTurnRequest request, IReadOnlyList<string> candidates, TimeSpan timeout, long started,
        GuardedObserver observer, CancellationToken token)
    {
        // An explicit level is checked against the first candidate before the session is touched or anything is sent.
        PreparedChatRequest? firstPrepared = null;
        if (request.Thinking is { } explicitLevel)
        {
            firstPrepared = await PrepareAsync(candidates[0], explicitLevel, ThinkingLevelSource.Explicit, token).ConfigureAwait(false);
        }

        SessionTurnLock turnLock;
        try
        {
            turnLock = await SessionTurnLock.AcquireAsync(_sessionsDirectory, request.Session, timeout, token).ConfigureAwait(false);
        }
        catch (TimeoutException exception)
        {
            // The wait for the session is part of the turn: the same deadline, the same error.
            throw new AgentTurnTimeoutException(timeout, exception);
        }
        using (turnLock)
        {
            var snapshot = await _sessions.LoadAsync(request.Session, token).ConfigureAwait(false);
            var systemPrompt = SystemPrompt.Build(_settings.Workspace);
            var history = snapshot.Messages.Select(message => message.Message).ToArray();
            var userMessage = TranscriptMessages.User(request.Message, _time.GetUtcNow());

            var ledger = new TurnLedger();
            var attempts = new List<ModelAttempt>();
            for (var index = 0; index < candidates.Count; index++)
            {
                var candidate = candidates[index];
                var (level, source) = ThinkingFor(index, candidate, request, snapshot.Entry);
                CandidateOutcome outcome;
                PreparedChatRequest prepared;
                try
                {
                    prepared = index == 0 && firstPrepared is not null
                        ? firstPrepared
                        : await PrepareAsync(candidate, level, source, token).ConfigureAwait(false);
                    outcome = await RunCandidateAsync(candidate, level, source, systemPrompt, history, request.Message, ledger, observer, token).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not ObserverFailedException)
                {
                    if (token.IsCancellationRequested)
                    {
                        // Whatever the transport made of it, a cancelled turn is a cancelled turn (or a timeout, decided by the caller).
                        if (exception is OperationCanceledException)
                        {
                            throw;
                        }
                        throw new OperationCanceledException("The agent turn was cancelled.", exception, token);
                    }
                    if (exception is OpenRouter.Errors.OpenRouterException modelError)
                    {
                        // Only an OpenRouter error means a request went out (a missing key fails before sending).
                        ledger.Failed(modelError.PartialResult);
                    }
                    var attempt = new ModelAttempt(candidate, exception.Message, FailoverClassifier.Classify(exception));
                    attempts.Add(attempt);
                    if (attempt.Reason is { AdvancesChain: true } && index + 1 < candidates.Count)
                    {
                        observer.Fallback(attempt, candidates[index + 1]);
                        continue;
                    }
                    throw new AllModelsFailedException([.. attempts], exception);
                }

                if (outcome.Error is { } failedCall)
                {
                    // A call that completed with stop reason "error" (a provider finish_reason such as content_filter): another
                    // model may answer, so it counts as a timeout-class failure (§19).
                    var attempt = new ModelAttempt(candidate, failedCall.ErrorMessage ?? "Provider finish_reason: " + failedCall.FinishReason, FailoverReason.Timeout);
                    attempts.Add(attempt);
                    if (index + 1 < candidates.Count)
                    {
                        observer.Fallback(attempt, candidates[index + 1]);
                        continue;
                    }
                    throw new AllModelsFailedException([.. attempts]);
                }

                var thinking = ThinkingProfile.For(ModelIds.ModelIdOfRef(candidate), prepared.Model).Resolve(level, source, ModelIds.ModelIdOfRef(candidate));
                return await CommitAsync(request, candidate, prepared, thinking, userMessage, outcome, ledger, attempts, started, token).ConfigureAwait(false);
            }
            // Unreachable: the loop either returns, continues to a next candidate, or throws.
            throw new AllModelsFailedException([.. attempts]);
        }
    }

    private async Task<AgentTurnResult> CommitAsync(AgentTurnRequest request, string candidate, PreparedChatRequest prepared, ThinkingLevel thinking,
        JsonObject userMessage, CandidateOutcome outcome, TurnLedger ledger, List<ModelAttempt> attempts, long started, CancellationToken token)
    {
        var last = outcome.Last;
        var usage = ledger.Total;
        token.ThrowIfCancellationRequested();
        var entry = await _sessions.CommitTurnAsync(request.Session, new SessionTurnRecord
        {
            Messages = [userMessage, .. outcome.Messages],
            SaveThinkingLevel = request.Thinking?.Value,
            Model = candidate,
            ContextTokens = prepared.Model.ContextWindow,
            InputTokens = usage.Input,
            OutputTokens = usage.Output,
            CacheReadTokens = usage.CacheRead,
            CacheWriteTokens = usage.CacheWrite,
            CostUsd = usage.Cost ?? 0m,
        }, token).ConfigureAwait(false);

        List<AgentPayload> payloads = [new AgentPayload(last.Text)];
        if (last.StopReason == OpenRouterStopReason.Length)
        {
            payloads.Add(new AgentPayload(AgentPayload.TruncationNotice));
        }
        var apiId = prepared.ApiModelId;
        return new AgentTurnResult
        {
            Payloads = payloads,
            SessionId = entry.SessionId,
            SessionKey = request.Session.ToString(),
            ModelRef = candidate,
            Model = apiId,
            ResponseModel = string.IsNullOrEmpty(last.Model) ? apiId : last.Model,
            UpstreamProvider = last.Provider,
            ContextTokens = prepared.Model.ContextWindow,
            Usage = usage,
            LastCallUsage = ledger.LastCall,
            StopReason = last.StopReason.Value,
            FinishReason = last.FinishReason?.Value,
            Thinking = thinking.Value,
            ModelCalls = ledger.Calls,
            FailedAttempts = [.. attempts],
            Duration = _time.GetElapsedTime(started),
        };
    }

    /// <summary>
    /// One candidate's run: the system prompt, the replayed history and the user message through the function-invoking loop,
    /// streamed. Returns the transcript messages it produced, or the completed call that ended in an error.
    /// </summary>
    private async Task<CandidateOutcome> RunCandidateAsync(string candidate, ThinkingLevel? level, ThinkingLevelSource source, string systemPrompt,
        IReadOnlyList<JsonObject> history, string userText, TurnLedger ledger, GuardedObserver observer, CancellationToken token)
    {
        List<ChatMessage> messages = [new(ChatRole.System, systemPrompt)];
        // Replayed per candidate: the function-invoking loop appends to the conversation it is given.
        messages.AddRange(TranscriptMessages.ToChatMessages(history));
        messages.Add(new ChatMessage(ChatRole.User, userText));

        var options = new ChatOptions
        {
            ModelId = candidate,
            Tools = _tools.Length == 0 ? null : [.. _tools],
            // A configured or clamped level cannot travel as OpenRouterChatOptions.Thinking (always explicit, so strict): the base
            // request carries the level with its source, and the mapper fills in everything else.
            RawRepresentationFactory = _ => new OpenRouterChatRequest { Model = "", Messages = [], Thinking = level, ThinkingSource = source },
        };

        using var inner = new OpenRouterChatClient(_client, candidate);
        using var chat = new FunctionInvokingChatClient(inner)
        {
            // The model sees why a tool failed, so it can correct the call or say it cannot help.
            IncludeDetailedErrors = true,
            MaximumIterationsPerRequest = MaxToolIterations,
            // A failing tool is reported to the model, never rethrown: a broken tool must not read as a failed model (and
            // trigger a fallback); the iteration cap still ends a model that keeps retrying it.
            MaximumConsecutiveErrorsPerRequest = MaxToolIterations,
        };

        var produced = new List<JsonObject>();
        var callNames = new Dictionary<string, string>(StringComparer.Ordinal);
        OpenRouterChatResult? last = null;
        await foreach (var update in chat.GetStreamingResponseAsync(messages, options, token).ConfigureAwait(false))
        {
            if (update.RawRepresentation is OpenRouterChatUpdate { Completed: { } completed })
            {
                ledger.Completed(completed);
                if (completed.StopReason == OpenRouterStopReason.Error)
                {
                    return CandidateOutcome.Failed(completed);
                }
                produced.Add(TranscriptMessages.Assistant(completed, _time.GetUtcNow()));
                last = completed;
                continue;
            }
            foreach (var content in update.Contents)
            {
                switch (content)
                {
                    case TextContent text when update.Role != ChatRole.Tool && !string.IsNullOrEmpty(text.Text):
                        observer.Text(text.Text);
                        break;
                    case TextReasoningContent reasoning when !string.IsNullOrEmpty(reasoning.Text):
                        observer.Reasoning(reasoning.Text);
                        break;
                    case FunctionCallContent call:
                        callNames[call.CallId] = call.Name;
                        observer.ToolCall(call.Name, call.RawRepresentation is OpenRouterToolCall raw ? raw.Arguments : ChatMessageMapper.ArgumentsText(call));
                        break;
                    case FunctionResultContent result:
                        var name = callNames.GetValueOrDefault(result.CallId) ?? "";
                        var resultText = ResultTextOf(result);
                        // A call the loop could not run (an unknown tool) has no exception but is an error all the same.
                        var isError = result.Exception is not null || !_toolNames.Contains(name);
                        produced.Add(TranscriptMessages.ToolResult(result.CallId, name, resultText, isError, _time.GetUtcNow()));
                        observer.ToolResult(name, resultText, isError);
                        break;
                }
            }
        }
        return last is null
            ? throw new OpenRouter.Errors.OpenRouterException("The model call ended without a completed answer.")
            : CandidateOutcome.Succeeded(produced, last);
    }

    /// <summary>The text a tool result is sent (and stored) as: what the OpenRouter mapper puts on the wire.</summary>
    private static string ResultTextOf(FunctionResultContent result) =>
        result.Result is null && result.Exception is { } exception ? "Error: " + exception.Message : ChatMessageMapper.ResultText(result.Result);

    /// <summary>Shapes a one-message request for the candidate: resolves the model and, for an explicit level, validates it.</summary>
    private Task<PreparedChatRequest> PrepareAsync(string candidate, ThinkingLevel? level, ThinkingLevelSource source, CancellationToken token) =>
        _client.PrepareChatRequestAsync(new OpenRouterChatRequest
        {
            Model = candidate,
            Messages = [new OpenRouterMessage { Role = OpenRouterRole.User, Text = "." }],
            Thinking = level,
            ThinkingSource = source,
        }, stream: true, token);

    /// <summary>
    /// The level for a candidate and whether it is strict: the explicit level (strict on the first candidate only), the
    /// session's saved level, the agent's default, the model's <c>params.thinking</c>, the defaults' level, else the model's own.
    /// </summary>
    private (ThinkingLevel? Level, ThinkingLevelSource Source) ThinkingFor(int index, string candidate, AgentTurnRequest request, SessionEntry? entry)
    {
        if (request.Thinking is { } explicitLevel)
        {
            return (explicitLevel, index == 0 ? ThinkingLevelSource.Explicit : ThinkingLevelSource.Configured);
        }
        if (entry?.ThinkingLevel is { } saved && ThinkingLevels.TryParse(saved, out var savedLevel))
        {
            return (savedLevel, ThinkingLevelSource.Configured);
        }
        if (_settings.AgentThinkingDefault is { } agentDefault)
        {
            return (agentDefault, ThinkingLevelSource.Configured);
        }
        if (ModelParamsOf(candidate)?["thinking"] is { } thinkingParam && ThinkingLevels.FromConfig(thinkingParam) is { } modelLevel)
        {
            return (modelLevel, ThinkingLevelSource.Configured);
        }
        return (_settings.DefaultsThinkingDefault, ThinkingLevelSource.Configured);
    }

    private JsonObject? ModelParamsOf(string candidate)
    {
        if (_settings.ModelParams.TryGetValue(candidate, out var byRef))
        {
            return byRef;
        }
        var apiRef = ModelIds.CanonicalRef(ModelIds.ToApiId(ModelIds.ModelIdOfRef(candidate)));
        return _settings.ModelParams.TryGetValue(apiRef, out var byApiRef) ? byApiRef : null;
    }

    /// <summary>The override alone (strict), else the primary then the fallbacks, as canonical refs without duplicates.</summary>
    private List<string> CandidatesOf(AgentTurnRequest request)
    {
        IEnumerable<string> refs = string.IsNullOrWhiteSpace(request.ModelOverride)
            ? [_settings.PrimaryModel, .. _settings.Fallbacks]
            : [request.ModelOverride];
        var candidates = new List<string>();
        foreach (var modelRef in refs)
        {
            if (string.IsNullOrWhiteSpace(modelRef))
            {
                continue;
            }
            var canonical = ModelIds.CanonicalRef(ModelIds.ModelIdOfRef(modelRef));
            if (!candidates.Contains(canonical, StringComparer.Ordinal))
            {
                candidates.Add(canonical);
            }
        }
        return candidates.Count > 0
            ? candidates
            : throw new ArgumentException("No model to run: the primary model is empty.", nameof(request));
    }

    /// <summary>What a candidate produced: its transcript messages and last call, or the completed call that ended in an error.</summary>
    private sealed record CandidateOutcome(IReadOnlyList<JsonObject> Messages, OpenRouterChatResult Last, OpenRouterChatResult? Error)
    {
        public static CandidateOutcome Succeeded(IReadOnlyList<JsonObject> messages, OpenRouterChatResult last) => new(messages, last, null);

        public static CandidateOutcome Failed(OpenRouterChatResult error) => new([], error, error);
    }
}
