using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Reasoning;
using OpenClaw.OpenRouter.Shaping;
using ReasoningEffort = Microsoft.Extensions.AI.ReasoningEffort;

namespace OpenClaw.OpenRouter.AI;

/// <summary>
/// Maps MEAI messages and options to an <see cref="OpenRouterChatRequest"/>; the client's request pipeline then shapes it for
/// the model and route exactly as for a native call.
/// </summary>
/// <remarks>
/// <para>
/// <b>Messages.</b> System, user, assistant and tool roles map to the same wire roles (other roles pass through by name).
/// <see cref="TextContent"/> becomes text; <see cref="DataContent"/>/<see cref="UriContent"/> become <c>image_url</c>
/// (<c>image/*</c>), <c>video_url</c> (<c>video/*</c>), <c>input_audio</c> (<c>audio/*</c>, data only) or <c>file</c> parts
/// (anything else). On assistant messages, <see cref="TextReasoningContent"/> text becomes thinking under the field named by
/// <see cref="OpenRouterPropertyNames.SourceField"/> (<c>reasoning</c> when absent), and a
/// <see cref="TextReasoningContent.ProtectedData"/> holding a <c>reasoning.encrypted</c> item whose <c>id</c> equals a
/// <see cref="FunctionCallContent.CallId"/> becomes that call's thought signature (provider spec §12.1) — which is how
/// <c>reasoning_details</c> round-trip into the next request of a tool loop. Other protected items are not replayed: the
/// spec replays only thinking text and per-call signatures. <see cref="FunctionResultContent"/> becomes a <c>tool</c> message
/// (a string result as is, anything else as JSON).
/// </para>
/// <para>
/// <b>Turns.</b> MEAI has no turn marker, so the last user message opens the current turn: assistant and tool messages before
/// it are marked <see cref="OpenRouterMessage.FromEarlierTurn"/> (history), those after it (a running tool loop) are not.
/// </para>
/// <para>
/// <b>Options.</b> <see cref="ChatOptions.ModelId"/> (else the client's default); temperature, top_p, seed, stop and the
/// penalties as per-call params; <see cref="ChatOptions.TopK"/> as <c>top_k</c> in the extra body;
/// <see cref="ChatOptions.MaxOutputTokens"/> as the per-call <c>max_completion_tokens</c>; <see cref="AIFunctionDeclaration"/>
/// tools with their JSON schema (other tool kinds are ignored); <see cref="ChatToolMode"/> as <c>tool_choice</c>; a JSON
/// <see cref="ChatResponseFormat"/> as <c>response_format</c>; <see cref="ChatOptions.Reasoning"/> effort as a configured
/// thinking level (clamped to what the model supports) and output <see cref="ReasoningOutput.None"/> as
/// <c>reasoning.exclude</c>; <see cref="ChatOptions.Instructions"/> as a leading system message. OpenRouter-specific settings
/// come from <see cref="OpenRouterChatOptions"/> and loose keys (see there). <c>AllowMultipleToolCalls</c> is not sent
/// (<c>parallel_tool_calls</c> never goes to OpenRouter, spec §11); conversation ids and continuation tokens do not apply.
/// </para>
/// </remarks>
public static class ChatMessageMapper
{
    /// <summary>The thinking source written when a reasoning content does not name one.</summary>
    public const string DefaultSourceField = "reasoning";

    // Loose AdditionalProperties keys copied into the per-call params, in the config's key space.
    private static readonly string[] LooseParamKeys =
    [
        "provider", "reasoning", "cacheRetention",
        "responseCache", "response_cache",
        "responseCacheTtlSeconds", "response_cache_ttl_seconds", "responseCacheTtl", "response_cache_ttl",
        "responseCacheClear", "response_cache_clear",
    ];

    private static readonly string[] LooseExtraBodyKeys = ["extraBody", "extra_body"];

    /// <summary>Maps a conversation and its options to a request.</summary>
    /// <param name="messages">The conversation.</param>
    /// <param name="options">The call's options, or <see langword="null"/>.</param>
    /// <param name="defaultModel">The model when <see cref="ChatOptions.ModelId"/> is unset.</param>
    /// <param name="baseRequest">
    /// A request from <see cref="ChatOptions.RawRepresentationFactory"/>: the starting point. Its members that are set win; each
    /// unset member (<see langword="null"/>, an empty <see cref="OpenRouterChatRequest.Model"/>, empty
    /// <see cref="OpenRouterChatRequest.Messages"/>) is filled from the mapping.
    /// </param>
    /// <exception cref="InvalidOperationException">No model: neither the options, the base request nor the default name one.</exception>
    public static OpenRouterChatRequest ToOpenRouterRequest(IEnumerable<ChatMessage> messages, ChatOptions? options, string? defaultModel = null,
        OpenRouterChatRequest? baseRequest = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var typed = options?.AdditionalProperties is { } properties && properties.TryGetValue(OpenRouterPropertyNames.Options, out var value)
            ? value as OpenRouterChatOptions
            : null;
        var (thinking, thinkingSource) = ThinkingOf(options, typed);
        var model = !string.IsNullOrWhiteSpace(baseRequest?.Model) ? baseRequest.Model
            : !string.IsNullOrWhiteSpace(options?.ModelId) ? options.ModelId
            : !string.IsNullOrWhiteSpace(defaultModel) ? defaultModel
            : throw new InvalidOperationException("No model to call: set ChatOptions.ModelId or the OpenRouterChatClient's default model.");
        var mappedMessages = baseRequest is { Messages.Count: > 0 } ? baseRequest.Messages : ToOpenRouterMessages(messages, options?.Instructions);

        var mapped = new OpenRouterChatRequest
        {
            Model = model,
            Messages = mappedMessages,
            Tools = ToolsOf(options),
            ToolChoice = ToolChoiceOf(options?.ToolMode),
            Thinking = thinking,
            ThinkingSource = thinkingSource,
            MaxCompletionTokens = options?.MaxOutputTokens,
            Params = ParamsOf(options, typed),
            Headers = typed?.Headers,
            ResponseFormat = ResponseFormatOf(options?.ResponseFormat),
            Modalities = typed?.Modalities ?? StringsOf(Loose(options, "modalities")),
            SessionId = typed?.SessionId ?? Loose(options, "sessionId") as string,
        };
        if (baseRequest is null)
        {
            return mapped;
        }
        return baseRequest with
        {
            Model = model,
            Messages = mappedMessages,
            Tools = baseRequest.Tools ?? mapped.Tools,
            ToolChoice = baseRequest.ToolChoice ?? mapped.ToolChoice,
            Thinking = baseRequest.Thinking ?? mapped.Thinking,
            ThinkingSource = baseRequest.Thinking is null ? mapped.ThinkingSource : baseRequest.ThinkingSource,
            MaxCompletionTokens = baseRequest.MaxCompletionTokens ?? mapped.MaxCompletionTokens,
            Params = baseRequest.Params ?? mapped.Params,
            Headers = baseRequest.Headers ?? mapped.Headers,
            ResponseFormat = baseRequest.ResponseFormat ?? mapped.ResponseFormat,
            Modalities = baseRequest.Modalities ?? mapped.Modalities,
            SessionId = baseRequest.SessionId ?? mapped.SessionId,
        };
    }

    /// <summary>Maps a conversation to messages (see the type's remarks for the rules).</summary>
    /// <param name="messages">The conversation.</param>
    /// <param name="instructions">Extra instructions (<see cref="ChatOptions.Instructions"/>), sent as a leading system message.</param>
    public static IReadOnlyList<OpenRouterMessage> ToOpenRouterMessages(IEnumerable<ChatMessage> messages, string? instructions = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var lastUser = -1;
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Role == ChatRole.User)
            {
                lastUser = i;
            }
        }
        var result = new List<OpenRouterMessage>(list.Count + 1);
        if (!string.IsNullOrEmpty(instructions))
        {
            result.Add(OpenRouterMessage.System(instructions));
        }
        for (var i = 0; i < list.Count; i++)
        {
            AddMessage(list[i], earlierTurn: i < lastUser, result);
        }
        return result;
    }

    /// <summary>
    /// The JSON text of function-call arguments: the raw text kept in <see cref="OpenRouterPropertyNames.RawArguments"/> when the
    /// model's arguments did not parse, else the arguments serialized compactly and escaped only where JSON requires it.
    /// </summary>
    public static string ArgumentsText(FunctionCallContent call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.AdditionalProperties?.TryGetValue(OpenRouterPropertyNames.RawArguments, out var raw) == true && raw is string text)
        {
            return text;
        }
        if (call.Arguments is null)
        {
            return "{}";
        }
        var json = new JsonObject();
        foreach (var (name, value) in call.Arguments)
        {
            json[name] = AIJsonNodes.ToNode(value);
        }
        return WireJson.Serialize(json);
    }

    /// <summary>The text of a tool result: a string as is, a JSON string element unquoted, anything else as JSON.</summary>
    public static string ResultText(object? result) => result switch
    {
        null => "",
        string text => text,
        JsonElement { ValueKind: JsonValueKind.String } element => element.GetString() ?? "",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        TextContent content => content.Text,
        _ => WireJson.Serialize(AIJsonNodes.ToNode(result)),
    };

    private static void AddMessage(ChatMessage message, bool earlierTurn, List<OpenRouterMessage> result)
    {
        var role = message.Role;
        var text = new StringBuilder();
        List<OpenRouterContentPart>? parts = null;
        var hasMedia = false;
        List<ThinkingBlock>? thinking = null;
        Dictionary<string, string>? signatures = null;
        List<FunctionCallContent>? calls = null;
        List<FunctionResultContent>? results = null;

        foreach (var content in message.Contents)
        {
            switch (content)
            {
                case TextContent textContent:
                    text.Append(textContent.Text);
                    (parts ??= []).Add(OpenRouterContentPart.FromText(textContent.Text));
                    break;
                case TextReasoningContent reasoning:
                    AddReasoning(reasoning, ref thinking, ref signatures);
                    break;
                case FunctionCallContent call:
                    (calls ??= []).Add(call);
                    break;
                case FunctionResultContent functionResult:
                    (results ??= []).Add(functionResult);
                    break;
                default:
                    if (MediaPart(content) is { } media)
                    {
                        (parts ??= []).Add(media);
                        hasMedia = true;
                    }
                    break;
            }
        }

        if (role == ChatRole.Assistant)
        {
            var toolCalls = calls?.Select(call => new OpenRouterToolCall(call.CallId, call.Name, ArgumentsText(call))
            {
                ThoughtSignature = signatures is not null && signatures.TryGetValue(call.CallId, out var signature) ? signature : null,
            }).ToArray();
            result.Add(new OpenRouterMessage
            {
                Role = OpenRouterRole.Assistant,
                Text = text.Length == 0 ? null : text.ToString(),
                ToolCalls = toolCalls,
                Thinking = thinking,
                FromEarlierTurn = earlierTurn,
            });
        }
        else if (role != ChatRole.Tool && (text.Length > 0 || hasMedia || results is null))
        {
            var wireRole = role == ChatRole.System ? OpenRouterRole.System
                : role == ChatRole.User ? OpenRouterRole.User
                : new OpenRouterRole(role.Value);
            result.Add(new OpenRouterMessage
            {
                Role = wireRole,
                Text = hasMedia ? null : text.ToString(),
                Parts = hasMedia ? parts : null,
            });
        }

        foreach (var functionResult in results ?? [])
        {
            result.Add(ToolMessage(functionResult, earlierTurn));
        }
    }

    private static void AddReasoning(TextReasoningContent reasoning, ref List<ThinkingBlock>? thinking, ref Dictionary<string, string>? signatures)
    {
        if (!string.IsNullOrEmpty(reasoning.Text))
        {
            var source = SourceFieldOf(reasoning);
            thinking ??= [];
            // Streamed fragments that were not coalesced still replay as one block per source, not one line per fragment.
            if (thinking.Count > 0 && thinking[^1].SourceField == source)
            {
                thinking[^1] = thinking[^1] with { Text = thinking[^1].Text + reasoning.Text };
            }
            else
            {
                thinking.Add(new ThinkingBlock(reasoning.Text, source));
            }
        }
        if (AIJsonNodes.TryParseObject(reasoning.ProtectedData) is { } item
            && AIJsonNodes.AsString(item["type"]) == "reasoning.encrypted"
            && AIJsonNodes.AsString(item["id"]) is { Length: > 0 } id
            && AIJsonNodes.AsString(item["data"]) is { Length: > 0 })
        {
            (signatures ??= new(StringComparer.Ordinal))[id] = reasoning.ProtectedData!;
        }
    }

    private static string SourceFieldOf(TextReasoningContent reasoning) =>
        reasoning.AdditionalProperties?.TryGetValue(OpenRouterPropertyNames.SourceField, out var value) == true
        && value is string source && ThinkingBlock.SourceFields.Contains(source)
            ? source
            : DefaultSourceField;

    private static OpenRouterMessage ToolMessage(FunctionResultContent functionResult, bool earlierTurn)
    {
        var message = new OpenRouterMessage { Role = OpenRouterRole.Tool, ToolCallId = functionResult.CallId, FromEarlierTurn = earlierTurn };
        if (functionResult.Result is AIContent or IEnumerable<AIContent>)
        {
            // Content results keep their images; the pipeline moves them into a user message after the tool message (§7.2).
            var contents = functionResult.Result as IEnumerable<AIContent> ?? [(AIContent)functionResult.Result];
            var parts = new List<OpenRouterContentPart>();
            foreach (var content in contents)
            {
                if (content is TextContent textContent)
                {
                    parts.Add(OpenRouterContentPart.FromText(textContent.Text));
                }
                else if (MediaPart(content) is { Type: "image_url" } image)
                {
                    parts.Add(image);
                }
            }
            return message with { Parts = parts };
        }
        var text = functionResult.Result is null && functionResult.Exception is { } exception
            ? "Error: " + exception.Message
            : ResultText(functionResult.Result);
        return message with { Text = text };
    }

    private static OpenRouterContentPart? MediaPart(AIContent content)
    {
        switch (content)
        {
            case DataContent data:
                if (data.HasTopLevelMediaType("image"))
                {
                    return OpenRouterContentPart.FromImageUrl(data.Uri, DetailOf(data));
                }
                if (data.HasTopLevelMediaType("video"))
                {
                    return OpenRouterContentPart.FromVideoUrl(data.Uri);
                }
                if (data.HasTopLevelMediaType("audio"))
                {
                    return OpenRouterContentPart.FromInputAudio(data.Base64Data.ToString(), AudioFormatOf(data.MediaType));
                }
                return FilePart(data.Name, data.Uri);
            case UriContent uri:
                var url = uri.Uri.IsAbsoluteUri ? uri.Uri.AbsoluteUri : uri.Uri.OriginalString;
                if (uri.HasTopLevelMediaType("image"))
                {
                    return OpenRouterContentPart.FromImageUrl(url, DetailOf(uri));
                }
                if (uri.HasTopLevelMediaType("video"))
                {
                    return OpenRouterContentPart.FromVideoUrl(url);
                }
                return uri.HasTopLevelMediaType("audio") ? null : FilePart(null, url);
            default:
                return null;
        }
    }

    private static OpenRouterContentPart FilePart(string? name, string url) => OpenRouterContentPart.FromJson(new JsonObject
    {
        ["type"] = "file",
        ["file"] = new JsonObject { ["filename"] = name ?? "file", ["file_data"] = url },
    });

    private static string? DetailOf(AIContent content) =>
        content.AdditionalProperties?.TryGetValue("detail", out var detail) == true && detail is string value ? value : null;

    private static string AudioFormatOf(string mediaType)
    {
        var subtype = mediaType[(mediaType.IndexOf('/', StringComparison.Ordinal) + 1)..].ToLowerInvariant();
        return subtype switch
        {
            "mpeg" or "mp3" => "mp3",
            "wav" or "x-wav" or "wave" or "vnd.wave" => "wav",
            _ => subtype,
        };
    }

    private static (ThinkingLevel? Level, ThinkingLevelSource Source) ThinkingOf(ChatOptions? options, OpenRouterChatOptions? typed)
    {
        if (typed?.Thinking is { } level)
        {
            return (level, ThinkingLevelSource.Explicit);
        }
        switch (Loose(options, "thinking"))
        {
            case ThinkingLevel loose:
                return (loose, ThinkingLevelSource.Explicit);
            case string text when !string.IsNullOrWhiteSpace(text):
                return (new ThinkingLevel(text), ThinkingLevelSource.Explicit);
        }
        // MEAI asks for a best effort here, so an effort the model lacks is clamped rather than refused.
        ThinkingLevel? effort = options?.Reasoning?.Effort switch
        {
            ReasoningEffort.None => ThinkingLevel.Off,
            ReasoningEffort.Low => ThinkingLevel.Low,
            ReasoningEffort.Medium => ThinkingLevel.Medium,
            ReasoningEffort.High => ThinkingLevel.High,
            ReasoningEffort.ExtraHigh => ThinkingLevel.XHigh,
            _ => null,
        };
        return (effort, ThinkingLevelSource.Configured);
    }

    private static JsonObject? ParamsOf(ChatOptions? options, OpenRouterChatOptions? typed)
    {
        var parameters = new JsonObject();
        foreach (var key in LooseParamKeys)
        {
            if (Loose(options, key) is { } value)
            {
                parameters[key] = AIJsonNodes.ToNode(value);
            }
        }

        if (options is not null)
        {
            SetIfValue(parameters, "temperature", options.Temperature);
            SetIfValue(parameters, "top_p", options.TopP);
            if (options.Seed is { } seed)
            {
                parameters["seed"] = seed;
            }
            if (options.StopSequences is { Count: > 0 } stops)
            {
                parameters["stop"] = new JsonArray([.. stops.Select(stop => (JsonNode?)stop)]);
            }
            SetIfValue(parameters, "frequency_penalty", options.FrequencyPenalty);
            SetIfValue(parameters, "presence_penalty", options.PresencePenalty);
            if (options.Reasoning?.Output == ReasoningOutput.None)
            {
                var reasoning = parameters["reasoning"] as JsonObject ?? [];
                reasoning["exclude"] = true;
                parameters["reasoning"] = reasoning;
            }
        }

        if (typed is not null)
        {
            if (typed.Provider is { } provider)
            {
                parameters["provider"] = provider.DeepClone();
            }
            if (typed.ResponseCache is { } cache)
            {
                parameters["responseCache"] = cache;
            }
            if (typed.ResponseCacheTtlSeconds is { } ttl)
            {
                parameters["responseCacheTtlSeconds"] = ttl;
            }
            if (typed.ResponseCacheClear is { } clear)
            {
                parameters["responseCacheClear"] = clear;
            }
        }

        if (ExtraBodyOf(options, typed) is { Count: > 0 } extraBody)
        {
            parameters["extraBody"] = extraBody;
        }
        return parameters.Count == 0 ? null : parameters;
    }

    private static JsonObject? ExtraBodyOf(ChatOptions? options, OpenRouterChatOptions? typed)
    {
        var extraBody = new JsonObject();
        foreach (var key in LooseExtraBodyKeys)
        {
            if (AIJsonNodes.ToNode(Loose(options, key)) is JsonObject loose)
            {
                foreach (var (name, value) in loose)
                {
                    extraBody[name] = value?.DeepClone();
                }
            }
        }
        if (options?.TopK is { } topK)
        {
            extraBody["top_k"] = topK;
        }
        if (typed?.FallbackModels is { Count: > 0 } fallbacks)
        {
            extraBody["models"] = new JsonArray([.. fallbacks.Select(model => (JsonNode?)model)]);
        }
        if (typed?.ExtraBody is { } typedExtra)
        {
            foreach (var (name, value) in typedExtra)
            {
                extraBody[name] = value?.DeepClone();
            }
        }
        return extraBody;
    }

    private static IReadOnlyList<OpenRouterTool>? ToolsOf(ChatOptions? options)
    {
        if (options?.Tools is not { Count: > 0 } tools)
        {
            return null;
        }
        var mapped = new List<OpenRouterTool>(tools.Count);
        foreach (var tool in tools)
        {
            if (tool is AIFunctionDeclaration function)
            {
                mapped.Add(new OpenRouterTool(function.Name, string.IsNullOrEmpty(function.Description) ? null : function.Description,
                    AIJsonNodes.FromElement(function.JsonSchema) as JsonObject));
            }
        }
        return mapped.Count == 0 ? null : mapped;
    }

    private static JsonNode? ToolChoiceOf(ChatToolMode? mode) => mode switch
    {
        null => null,
        NoneChatToolMode => "none",
        AutoChatToolMode => "auto",
        RequiredChatToolMode { RequiredFunctionName: { } name } => new JsonObject
        {
            ["type"] = "function",
            ["function"] = new JsonObject { ["name"] = name },
        },
        RequiredChatToolMode => "required",
        _ => null,
    };

    private static JsonObject? ResponseFormatOf(ChatResponseFormat? format)
    {
        if (format is not ChatResponseFormatJson json)
        {
            return null;
        }
        if (json.Schema is not { } schema)
        {
            return new JsonObject { ["type"] = "json_object" };
        }
        var jsonSchema = new JsonObject { ["name"] = string.IsNullOrEmpty(json.SchemaName) ? "response" : json.SchemaName };
        if (!string.IsNullOrEmpty(json.SchemaDescription))
        {
            jsonSchema["description"] = json.SchemaDescription;
        }
        jsonSchema["schema"] = AIJsonNodes.FromElement(schema);
        return new JsonObject { ["type"] = "json_schema", ["json_schema"] = jsonSchema };
    }

    private static object? Loose(ChatOptions? options, string key) =>
        options?.AdditionalProperties is { } properties && properties.TryGetValue(key, out var value) ? value : null;

    private static IReadOnlyList<string>? StringsOf(object? value) => value switch
    {
        null => null,
        string single => [single],
        IEnumerable<string> strings => [.. strings],
        _ => AIJsonNodes.ToNode(value) is JsonArray array ? [.. array.Select(AIJsonNodes.AsString).OfType<string>()] : null,
    };

    private static void SetIfValue(JsonObject parameters, string key, float? value)
    {
        if (value is { } number && float.IsFinite(number))
        {
            // Through decimal so 0.2f goes on the wire as 0.2, not 0.20000000298023224.
            parameters[key] = (decimal)number;
        }
    }
}
