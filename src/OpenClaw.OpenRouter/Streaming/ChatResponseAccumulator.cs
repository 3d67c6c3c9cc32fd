using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Runtime.InteropServices;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Models;

namespace OpenClaw.OpenRouter.Streaming;

/// <summary>
/// Folds chat-completion chunks (streamed <c>choices[0].delta</c>, or a whole non-streamed <c>choices[0].message</c>) into one
/// <see cref="OpenRouterChatResult"/> (provider spec §12.1, §14). <see cref="Build"/> can be called at any time, also after
/// <see cref="ApplyChunk"/> threw, to get the output received so far. Not thread-safe: one accumulator per answer.
/// </summary>
public sealed class ChatResponseAccumulator
{
    /// <summary>Largest <c>arguments</c> text one tool call may reach, in UTF-8 bytes.</summary>
    public const int ToolCallArgumentLimitBytes = 256_000;

    /// <summary>Largest amount of text and thinking held back while a tool call is open, in UTF-8 bytes.</summary>
    public const int PostToolCallBufferLimitBytes = 256_000;

    /// <summary>Message of the error raised when one tool call's arguments exceed <see cref="ToolCallArgumentLimitBytes"/>.</summary>
    public const string ToolCallArgumentLimitMessage = "Exceeded tool-call argument buffer limit";

    /// <summary>Message of the error raised when held-back text exceeds <see cref="PostToolCallBufferLimitBytes"/>.</summary>
    public const string PostToolCallBufferLimitMessage = "Exceeded post-tool-call delta buffer limit";

    private const string ReasoningDetailsSource = "reasoning_details";

    // Checked in this order when a delta carries no reasoning.text detail (provider spec §12.1).
    private static readonly string[] ReasoningFields = ["reasoning_content", "reasoning", "reasoning_text"];

    // Thought signatures are replayed to the provider, so '+' and '/' in base64 data must not come back as \u002B.
    private static readonly JsonWriterOptions VerbatimWriter = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly string _requestedModel;
    private readonly ModelPricing? _pricing;

    private readonly StringBuilder _text = new();
    private StringBuilder? _refusal;
    private readonly List<Run> _thinking = [];
    private bool _thinkingRunOpen;
    private readonly List<JsonElement> _reasoningDetails = [];
    private readonly List<JsonElement> _images = [];
    private readonly List<JsonElement> _annotations = [];
    private readonly List<ToolCallState> _toolCalls = [];
    private int _openToolCalls;
    private Dictionary<string, string>? _signatures;
    private readonly List<Run> _pending = [];
    private int _pendingBytes;

    private string? _id;
    private string? _model;
    private string? _provider;
    private string? _finishReason;
    private bool _sawEmptyFinishReason;
    private string? _nativeFinishReason;
    private JsonElement? _usage;
    private string? _inBandError;

    // The update being assembled for the current chunk, and those already completed by it.
    private readonly List<OpenRouterChatUpdate> _output = [];
    private string? _pendingUpdateText;
    private ThinkingBlock? _pendingUpdateThinking;
    private JsonArray? _pendingUpdateDetails;
    private JsonArray? _pendingUpdateImages;
    private List<OpenRouterToolCall>? _pendingUpdateToolCalls;

    /// <param name="requestedModel">The model id sent (API id), reported as <see cref="OpenRouterChatResult.RequestedModel"/>.</param>
    /// <param name="pricing">The model's prices, for a cost estimate when OpenRouter reports no <c>usage.cost</c>.</param>
    public ChatResponseAccumulator(string requestedModel, ModelPricing? pricing = null)
    {
        ArgumentNullException.ThrowIfNull(requestedModel);
        _requestedModel = requestedModel;
        _pricing = pricing;
    }

    /// <summary>
    /// The HTTP status of the response the chunks arrived in (200 for a stream), kept as <see cref="OpenRouterException.StatusCode"/>
    /// of an in-band error; <see langword="null"/> when unknown.
    /// </summary>
    public int? ResponseStatusCode { get; init; }

    /// <summary>True once a non-empty <c>finish_reason</c> arrived.</summary>
    public bool HasFinishReason => _finishReason is not null;

    /// <summary>
    /// Folds one chunk in and returns what it added, in order. Completed tool calls come whole, when the <c>finish_reason</c>
    /// arrives; text and thinking that arrived while a tool call was open follow them.
    /// </summary>
    /// <exception cref="OpenRouterException">
    /// The chunk carries an in-band error (typed by its code, <see cref="OpenRouterException.PartialResult"/> set), or a buffer limit
    /// was exceeded.
    /// </exception>
    public IReadOnlyList<OpenRouterChatUpdate> ApplyChunk(JsonElement chunk)
    {
        if (chunk.ValueKind != JsonValueKind.Object)
        {
            return [];
        }
        var metadataChanged = ReadIdentity(chunk);

        JsonElement choice = default;
        if (chunk.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array && choices.GetArrayLength() > 0
            && choices[0] is { ValueKind: JsonValueKind.Object } first)
        {
            choice = first;
            if (TryGetObject(choice, "delta", out var delta) || TryGetObject(choice, "message", out delta))
            {
                ReadDelta(delta);
            }
        }
        var hasChoice = choice.ValueKind == JsonValueKind.Object;

        OpenRouterUsage? usage = null;
        if (TryGetObject(chunk, "usage", out var usageElement) || (hasChoice && TryGetObject(choice, "usage", out usageElement)))
        {
            var clone = usageElement.Clone();
            _usage = clone;
            usage = CreateUsage(clone);
        }

        OpenRouterFinishReason? finish = null;
        if (hasChoice)
        {
            if (TryGetString(choice, "native_finish_reason") is { } native)
            {
                _nativeFinishReason = native;
            }
            if (TryGetString(choice, "finish_reason") is { } reason)
            {
                // Some intermediaries send "" on every chunk in place of null: it ends nothing and means stop, so it is only
                // kept for the result (when nothing else arrived) instead of being announced on every update.
                if (reason.Length == 0)
                {
                    _sawEmptyFinishReason = true;
                }
                else
                {
                    _finishReason = reason;
                    finish = new OpenRouterFinishReason(reason);
                }
            }
        }

        // The error is read after the content so the partial result keeps this chunk's text too.
        if (TryGetObject(chunk, "error", out var error) || (hasChoice && TryGetObject(choice, "error", out error)))
        {
            ResetOutput();
            throw InBandError(error);
        }

        if (finish is not null)
        {
            EmitToolCalls();
        }
        FinishOutput(finish, usage, metadataChanged);
        return TakeOutput();
    }

    /// <summary>
    /// Ends the answer: emits tool calls still open (no <c>finish_reason</c> arrived) and the text held back behind them.
    /// </summary>
    public IReadOnlyList<OpenRouterChatUpdate> Complete()
    {
        if (_openToolCalls == 0 && _pending.Count == 0)
        {
            return [];
        }
        EmitToolCalls();
        FlushUpdate();
        return TakeOutput();
    }

    /// <summary>The answer so far: whole after the last chunk, partial after an error.</summary>
    public OpenRouterChatResult Build()
    {
        var toolCalls = new OpenRouterToolCall[_toolCalls.Count];
        for (var i = 0; i < toolCalls.Length; i++)
        {
            toolCalls[i] = _toolCalls[i].ToToolCall(_signatures);
        }
        var thinking = new ThinkingBlock[_thinking.Count];
        for (var i = 0; i < thinking.Length; i++)
        {
            thinking[i] = new ThinkingBlock(_thinking[i].Text.ToString(), _thinking[i].Source!);
        }

        var stop = OpenRouterStopReason.FromFinishReason(_finishReason);
        string? errorMessage = null;
        if (_inBandError is not null)
        {
            stop = OpenRouterStopReason.Error;
            errorMessage = _inBandError;
        }
        else if (stop == OpenRouterStopReason.ToolUse && toolCalls.Length == 0)
        {
            stop = OpenRouterStopReason.Stop;
        }
        else if (stop == OpenRouterStopReason.Stop && toolCalls.Length > 0)
        {
            stop = OpenRouterStopReason.ToolUse;
        }
        else if (stop == OpenRouterStopReason.Error)
        {
            errorMessage = "Provider finish_reason: " + _finishReason;
        }

        return new OpenRouterChatResult
        {
            Id = _id,
            RequestedModel = _requestedModel,
            Model = _model,
            Provider = _provider,
            Text = _text.ToString(),
            Refusal = _refusal?.ToString(),
            Thinking = thinking,
            ReasoningDetails = ToJsonArray(_reasoningDetails),
            ToolCalls = toolCalls,
            Images = ToJsonArray(_images),
            Annotations = ToJsonArray(_annotations),
            FinishReason = _finishReason is not null ? new OpenRouterFinishReason(_finishReason) : _sawEmptyFinishReason ? new OpenRouterFinishReason("") : null,
            NativeFinishReason = _nativeFinishReason,
            StopReason = stop,
            ErrorMessage = errorMessage,
            Usage = _usage is { } usage ? CreateUsage(usage) : null,
        };
    }

    private bool ReadIdentity(JsonElement chunk)
    {
        var changed = false;
        if (_id is null && TryGetString(chunk, "id") is { Length: > 0 } id)
        {
            _id = id;
            changed = true;
        }
        if (TryGetString(chunk, "model") is { Length: > 0 } model && !string.Equals(model, _model, StringComparison.Ordinal))
        {
            _model = model;
            changed = true;
        }
        if (TryGetString(chunk, "provider") is { Length: > 0 } provider && !string.Equals(provider, _provider, StringComparison.Ordinal))
        {
            _provider = provider;
            changed = true;
        }
        return changed;
    }

    private void ReadDelta(JsonElement delta)
    {
        var detailThinking = false;
        string? detailText = null;
        if (delta.TryGetProperty("reasoning_details", out var details) && details.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in details.EnumerateArray())
            {
                var clone = item.Clone();
                _reasoningDetails.Add(clone);
                (_pendingUpdateDetails ??= []).Add(ToNode(clone));
                if (item.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }
                switch (TryGetString(item, "type"))
                {
                    case "reasoning.text" when TryGetString(item, "text") is { Length: > 0 } text:
                        AddThinking(text, ReasoningDetailsSource);
                        detailThinking = true;
                        break;
                    case "response.output_text" or "response.text" when TryGetString(item, "text") is { Length: > 0 } text:
                        detailText += text;
                        break;
                    case "reasoning.encrypted" when TryGetString(item, "id") is { Length: > 0 } callId && TryGetString(item, "data") is { Length: > 0 }:
                        (_signatures ??= new(StringComparer.Ordinal))[callId] = SerializeVerbatim(item);
                        break;
                }
            }
        }
        if (!detailThinking)
        {
            foreach (var field in ReasoningFields)
            {
                if (TryGetString(delta, field) is { Length: > 0 } reasoning)
                {
                    AddThinking(reasoning, field);
                    break;
                }
            }
        }
        if (detailText is not null)
        {
            AddText(detailText);
        }

        if (delta.TryGetProperty("content", out var content))
        {
            if (content.ValueKind == JsonValueKind.String)
            {
                AddText(ReadString(content));
            }
            else if (content.ValueKind == JsonValueKind.Array)
            {
                ReadContentParts(content);
            }
        }
        if (TryGetString(delta, "refusal") is { Length: > 0 } refusal)
        {
            (_refusal ??= new()).Append(refusal);
            AddText(refusal);
        }

        if (delta.TryGetProperty("tool_calls", out var toolCalls) && toolCalls.ValueKind == JsonValueKind.Array)
        {
            foreach (var fragment in toolCalls.EnumerateArray())
            {
                ApplyToolCallFragment(fragment);
            }
        }
        if (delta.TryGetProperty("images", out var images) && images.ValueKind == JsonValueKind.Array)
        {
            foreach (var image in images.EnumerateArray())
            {
                var clone = image.Clone();
                _images.Add(clone);
                (_pendingUpdateImages ??= []).Add(ToNode(clone));
            }
        }
        if (delta.TryGetProperty("annotations", out var annotations) && annotations.ValueKind == JsonValueKind.Array)
        {
            foreach (var annotation in annotations.EnumerateArray())
            {
                _annotations.Add(annotation.Clone());
            }
        }
    }

    private void ReadContentParts(JsonElement parts)
    {
        foreach (var part in parts.EnumerateArray())
        {
            if (part.ValueKind == JsonValueKind.String)
            {
                AddText(ReadString(part));
                continue;
            }
            if (part.ValueKind != JsonValueKind.Object || TryGetString(part, "type") is not { } type)
            {
                continue;
            }
            var text = TryGetString(part, "text") ?? TryGetString(part, "thinking") ?? TryGetString(part, "reasoning");
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }
            if (type.Contains("thinking", StringComparison.Ordinal) || type.Contains("reasoning", StringComparison.Ordinal))
            {
                // Thinking parts have no field of their own; "reasoning" is the name OpenRouter accepts back on replay.
                AddThinking(text, "reasoning");
            }
            else if (type is "text" or "output_text")
            {
                AddText(text);
            }
        }
    }

    private void AddText(string text)
    {
        if (text.Length == 0)
        {
            return;
        }
        _text.Append(text);
        _thinkingRunOpen = false;
        Route(text, thinkingSource: null);
    }

    private void AddThinking(string text, string source)
    {
        if (_thinkingRunOpen && string.Equals(_thinking[^1].Source, source, StringComparison.Ordinal))
        {
            _thinking[^1].Text.Append(text);
        }
        else
        {
            _thinking.Add(new Run(source, new StringBuilder(text)));
            _thinkingRunOpen = true;
        }
        Route(text, source);
    }

    // Sends a fragment to the caller now, or holds it back until the open tool calls are emitted.
    private void Route(string text, string? thinkingSource)
    {
        if (_openToolCalls == 0)
        {
            AppendToUpdate(text, thinkingSource);
            return;
        }
        var bytes = Encoding.UTF8.GetByteCount(text);
        if (_pendingBytes + bytes > PostToolCallBufferLimitBytes)
        {
            ResetOutput();
            throw Fail(PostToolCallBufferLimitMessage);
        }
        _pendingBytes += bytes;
        if (_pending.Count > 0 && string.Equals(_pending[^1].Source, thinkingSource, StringComparison.Ordinal))
        {
            _pending[^1].Text.Append(text);
        }
        else
        {
            _pending.Add(new Run(thinkingSource, new StringBuilder(text)));
        }
    }

    private void AppendToUpdate(string text, string? thinkingSource)
    {
        if (thinkingSource is null)
        {
            _pendingUpdateText = _pendingUpdateText is null ? text : string.Concat(_pendingUpdateText, text);
            return;
        }
        // One update reads as thinking then text; anything else starts a new update.
        if (_pendingUpdateText is not null || (_pendingUpdateThinking is { } current && !string.Equals(current.SourceField, thinkingSource, StringComparison.Ordinal)))
        {
            FlushUpdate();
        }
        _pendingUpdateThinking = _pendingUpdateThinking is { } thinking
            ? thinking with { Text = string.Concat(thinking.Text, text) }
            : new ThinkingBlock(text, thinkingSource);
    }

    private void ApplyToolCallFragment(JsonElement fragment)
    {
        if (fragment.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        int? index = fragment.TryGetProperty("index", out var indexElement) && indexElement.ValueKind == JsonValueKind.Number
            && indexElement.TryGetInt32(out var i) ? i : null;
        var id = TryGetString(fragment, "id") is { Length: > 0 } fragmentId ? fragmentId : null;
        string? name = null;
        string? arguments = null;
        if (TryGetObject(fragment, "function", out var function))
        {
            name = TryGetString(function, "name");
            if (function.TryGetProperty("arguments", out var args))
            {
                // Some providers put an object here in whole messages; its JSON text is what a replay needs.
                arguments = args.ValueKind switch
                {
                    JsonValueKind.String => ReadString(args),
                    JsonValueKind.Object or JsonValueKind.Array => SerializeVerbatim(args),
                    _ => null,
                };
            }
        }

        ToolCallState? call = null;
        if (index is not null)
        {
            call = FindLast(c => c.Index == index);
            // Some providers number every call 0 and tell them apart by id only.
            if (call is { Id: not null } && id is not null && !string.Equals(call.Id, id, StringComparison.Ordinal))
            {
                call = null;
            }
        }
        else if (id is not null)
        {
            call = FindLast(c => string.Equals(c.Id, id, StringComparison.Ordinal));
        }
        else if (_toolCalls.Count > 0)
        {
            call = _toolCalls[^1];
        }

        if (call is null)
        {
            call = new ToolCallState(index, id);
            _toolCalls.Add(call);
            _openToolCalls++;
            _thinkingRunOpen = false;
        }
        else if (call.Id is null)
        {
            call.Id = id;
        }
        if (call.Name is null && !string.IsNullOrEmpty(name))
        {
            call.Name = name;
        }
        if (!string.IsNullOrEmpty(arguments))
        {
            var bytes = Encoding.UTF8.GetByteCount(arguments);
            if (call.ArgumentBytes + bytes > ToolCallArgumentLimitBytes)
            {
                ResetOutput();
                throw Fail(ToolCallArgumentLimitMessage);
            }
            call.ArgumentBytes += bytes;
            call.Arguments.Append(arguments);
        }
    }

    private ToolCallState? FindLast(Predicate<ToolCallState> match)
    {
        for (var i = _toolCalls.Count - 1; i >= 0; i--)
        {
            if (match(_toolCalls[i]))
            {
                return _toolCalls[i];
            }
        }
        return null;
    }

    private void EmitToolCalls()
    {
        if (_openToolCalls > 0)
        {
            // What arrived before the calls goes out before them.
            FlushUpdate();
            var calls = new List<OpenRouterToolCall>(_openToolCalls);
            foreach (var call in _toolCalls)
            {
                if (!call.Emitted)
                {
                    call.Emitted = true;
                    calls.Add(call.ToToolCall(_signatures));
                }
            }
            _openToolCalls = 0;
            _pendingUpdateToolCalls = calls;
            FlushUpdate();
        }
        foreach (var run in _pending)
        {
            AppendToUpdate(run.Text.ToString(), run.Source);
        }
        _pending.Clear();
        _pendingBytes = 0;
    }

    private void FlushUpdate(OpenRouterFinishReason? finish = null, OpenRouterUsage? usage = null)
    {
        if (_pendingUpdateText is null && _pendingUpdateThinking is null && _pendingUpdateDetails is null && _pendingUpdateImages is null
            && _pendingUpdateToolCalls is null && finish is null && usage is null)
        {
            return;
        }
        _output.Add(new OpenRouterChatUpdate
        {
            ResponseId = _id,
            Model = _model,
            Provider = _provider,
            Text = _pendingUpdateText,
            Thinking = _pendingUpdateThinking,
            ReasoningDetails = _pendingUpdateDetails,
            ToolCalls = _pendingUpdateToolCalls,
            Images = _pendingUpdateImages,
            FinishReason = finish,
            Usage = usage,
        });
        _pendingUpdateText = null;
        _pendingUpdateThinking = null;
        _pendingUpdateDetails = null;
        _pendingUpdateImages = null;
        _pendingUpdateToolCalls = null;
    }

    // The finish reason and usage ride on the chunk's last update, so a caller sees them after everything they close.
    private void FinishOutput(OpenRouterFinishReason? finish, OpenRouterUsage? usage, bool metadataChanged)
    {
        var hasContent = _pendingUpdateText is not null || _pendingUpdateThinking is not null || _pendingUpdateDetails is not null
            || _pendingUpdateImages is not null || _pendingUpdateToolCalls is not null;
        if (!hasContent && _output.Count > 0 && (finish is not null || usage is not null))
        {
            _output[^1] = _output[^1] with { FinishReason = finish, Usage = usage };
            return;
        }
        if (!hasContent && finish is null && usage is null && _output.Count == 0 && metadataChanged)
        {
            // The first chunk usually carries nothing but the id and the model actually routed to; report those at once.
            _output.Add(new OpenRouterChatUpdate { ResponseId = _id, Model = _model, Provider = _provider });
            return;
        }
        FlushUpdate(finish, usage);
    }

    private IReadOnlyList<OpenRouterChatUpdate> TakeOutput()
    {
        if (_output.Count == 0)
        {
            return [];
        }
        var updates = _output.ToArray();
        _output.Clear();
        return updates;
    }

    private void ResetOutput()
    {
        _output.Clear();
        _pendingUpdateText = null;
        _pendingUpdateThinking = null;
        _pendingUpdateDetails = null;
        _pendingUpdateImages = null;
        _pendingUpdateToolCalls = null;
    }

    private OpenRouterException Fail(string message) => new(message) { PartialResult = Build() };

    private OpenRouterException InBandError(JsonElement error)
    {
        var message = TryGetString(error, "message");
        JsonObject? metadata = null;
        TimeSpan? retryAfter = null;
        if (TryGetObject(error, "metadata", out var metadataElement))
        {
            metadata = JsonObject.Create(metadataElement.Clone());
            if (metadataElement.TryGetProperty("retry_after_seconds", out var seconds) && seconds.ValueKind == JsonValueKind.Number
                && seconds.TryGetDouble(out var value) && double.IsFinite(value) && value >= 0
                // A wait no TimeSpan can hold (1e300) says nothing usable; TimeSpan.FromSeconds would throw OverflowException.
                && value < TimeSpan.MaxValue.TotalSeconds)
            {
                retryAfter = TimeSpan.FromSeconds(value);
            }
        }
        _inBandError = string.IsNullOrEmpty(message) ? "OpenRouter request failed" : message;
        var details = new OpenRouterErrorDetails
        {
            StatusCode = ResponseStatusCode,
            Code = ReadCode(error),
            ErrorMessage = message,
            Metadata = metadata,
            GenerationId = _id,
            RetryAfter = retryAfter,
            InBand = true,
        };
        var partial = Build();
        return OpenRouterException.Create(details, partial);
    }

    private static int? ReadCode(JsonElement error)
    {
        if (!error.TryGetProperty("code", out var code))
        {
            return null;
        }
        return code.ValueKind switch
        {
            JsonValueKind.Number when code.TryGetInt32(out var value) => value,
            JsonValueKind.String when int.TryParse(code.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) => value,
            _ => null,
        };
    }

    private OpenRouterUsage CreateUsage(JsonElement usage)
    {
        var prompt = ReadLong(usage, "prompt_tokens") ?? 0;
        var completion = ReadLong(usage, "completion_tokens") ?? 0;
        var hasPromptDetails = TryGetObject(usage, "prompt_tokens_details", out var promptDetails);
        var cacheRead = (hasPromptDetails ? ReadLong(promptDetails, "cached_tokens") : null) ?? ReadLong(usage, "prompt_cache_hit_tokens") ?? 0;
        var cacheWrite = (hasPromptDetails ? ReadLong(promptDetails, "cache_write_tokens") ?? ReadLong(promptDetails, "cache_creation_input_tokens") : null)
            ?? ReadLong(usage, "cache_creation_input_tokens") ?? 0;
        long? reasoning = TryGetObject(usage, "completion_tokens_details", out var completionDetails) ? ReadLong(completionDetails, "reasoning_tokens") : null;

        decimal? cost = null;
        string? origin = null;
        if (ReadCost(usage) is { } billed)
        {
            cost = billed;
            origin = OpenRouterUsage.ProviderBilled;
        }
        else if (_pricing is { } pricing)
        {
            var input = Math.Max(0, prompt - cacheRead - cacheWrite);
            cost = ((input * pricing.Input) + (completion * pricing.Output) + (cacheRead * pricing.CacheRead) + (cacheWrite * pricing.CacheWrite)) / 1_000_000m;
            origin = OpenRouterUsage.Estimated;
        }

        return new OpenRouterUsage
        {
            PromptTokens = prompt,
            CompletionTokens = completion,
            CacheReadTokens = cacheRead,
            CacheWriteTokens = cacheWrite,
            ReasoningTokens = reasoning,
            Cost = cost,
            CostOrigin = origin,
            CostDetails = TryGetObject(usage, "cost_details", out var costDetails) ? JsonObject.Create(costDetails) : null,
            IsByok = usage.TryGetProperty("is_byok", out var byok) && byok.ValueKind is JsonValueKind.True or JsonValueKind.False ? byok.GetBoolean() : null,
            Raw = JsonObject.Create(usage),
        };
    }

    private static decimal? ReadCost(JsonElement usage)
    {
        if (!usage.TryGetProperty("cost", out var cost) || cost.ValueKind != JsonValueKind.Number)
        {
            return null;
        }
        if (cost.TryGetDecimal(out var exact))
        {
            return exact >= 0 ? exact : null;
        }
        return cost.TryGetDouble(out var approximate) && double.IsFinite(approximate) && approximate >= 0 && approximate < (double)decimal.MaxValue
            ? (decimal)approximate
            : null;
    }

    private static long? ReadLong(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Number)
        {
            return null;
        }
        if (value.TryGetInt64(out var integer))
        {
            return integer;
        }
        return value.TryGetDouble(out var number) && double.IsFinite(number) ? (long)number : null;
    }

    private static string? TryGetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? ReadString(value) : null;

    /// <summary>
    /// A string value. System.Text.Json refuses one that is not well-formed Unicode — an escaped lone surrogate (<c>\ud83d</c>, as
    /// from a provider that cut an emoji between two chunks) or bytes that are not UTF-8 — and throws only when it is read; such a
    /// string is read here with U+FFFD in place of what cannot be read, so one odd chunk does not end an answer still arriving.
    /// </summary>
    private static string ReadString(JsonElement value)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return ReadStringLeniently(JsonMarshal.GetRawUtf8Value(value));
        }
    }

    private static string ReadStringLeniently(ReadOnlySpan<byte> raw)
    {
        if (raw.Length >= 2 && raw[0] == (byte)'"' && raw[^1] == (byte)'"')
        {
            raw = raw[1..^1];
        }
        // Bytes that are not UTF-8 become U+FFFD here; the document already checked the escapes' syntax.
        var text = Encoding.UTF8.GetString(raw);
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                var escape = text[++i];
                if (escape == 'u' && i + 4 < text.Length
                    && ushort.TryParse(text.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit))
                {
                    c = (char)unit;
                    i += 4;
                }
                else
                {
                    c = escape switch
                    {
                        'b' => '\b',
                        'f' => '\f',
                        'n' => '\n',
                        'r' => '\r',
                        't' => '\t',
                        _ => escape,
                    };
                }
            }
            result.Append(c);
        }
        // Half a surrogate pair, alone, is not text.
        for (var i = 0; i < result.Length; i++)
        {
            if (char.IsHighSurrogate(result[i]) && i + 1 < result.Length && char.IsLowSurrogate(result[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(result[i]))
            {
                result[i] = '\uFFFD';
            }
        }
        return result.ToString();
    }

    private static bool TryGetObject(JsonElement element, string name, out JsonElement value)
    {
        if (element.TryGetProperty(name, out value) && value.ValueKind == JsonValueKind.Object)
        {
            return true;
        }
        value = default;
        return false;
    }

    private static string SerializeVerbatim(JsonElement element)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, VerbatimWriter))
        {
            element.WriteTo(writer);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // Elements stored here are clones, so the nodes stay valid after the chunk's document is disposed.
    private static JsonNode? ToNode(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => JsonObject.Create(element),
        JsonValueKind.Array => JsonArray.Create(element),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => JsonValue.Create(element),
    };

    private static JsonArray ToJsonArray(List<JsonElement> elements)
    {
        var array = new JsonArray();
        foreach (var element in elements)
        {
            array.Add(ToNode(element));
        }
        return array;
    }

    // A run of text (Source null) or thinking (Source = field name).
    private sealed record Run(string? Source, StringBuilder Text);

    private sealed class ToolCallState(int? index, string? id)
    {
        public int? Index { get; } = index;
        public string? Id { get; set; } = id;
        public string? Name { get; set; }
        public StringBuilder Arguments { get; } = new();
        public int ArgumentBytes { get; set; }
        public bool Emitted { get; set; }

        public OpenRouterToolCall ToToolCall(Dictionary<string, string>? signatures) =>
            new(Id ?? "", Name ?? "", Arguments.ToString())
            {
                ThoughtSignature = Id is not null && signatures is not null && signatures.TryGetValue(Id, out var signature) ? signature : null,
            };
    }
}
