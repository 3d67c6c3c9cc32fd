using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using OpenClaw.OpenRouter.AI;
using OpenClaw.OpenRouter.Chat;

namespace OpenClaw.Agent.Transcript;

/// <summary>
/// The stored form of conversation messages (CLI spec §10) and its replay into <see cref="ChatMessage"/>s for the next turn.
/// </summary>
/// <remarks>
/// <para>Shapes (keys in this order; absent values omitted):</para>
/// <list type="bullet">
/// <item>user: <c>{"role":"user","content":[{"type":"text","text":"…"}],"timestamp":"&lt;ISO-8601 UTC&gt;"}</c></item>
/// <item>assistant: <c>{"role":"assistant","content":[blocks],"api":"openai-completions","provider":"openrouter",
/// "model":"&lt;model that answered&gt;","requestedModel":"&lt;API id sent&gt;","upstreamProvider":"&lt;e.g. Anthropic&gt;",
/// "responseId":"gen-…","usage":{input,output,cacheRead,cacheWrite,reasoningTokens?,totalTokens,cost:{total,totalOrigin}},
/// "stopReason":"stop|length|toolUse|error","finishReason":"&lt;as sent&gt;","reasoningDetails":[…verbatim items…],
/// "errorMessage"?, "timestamp"}</c>. Blocks, in this order: one <c>{"type":"thinking","thinking":"…","thinkingSignature":"&lt;source field&gt;"}</c>
/// per <see cref="ThinkingBlock"/>; <c>{"type":"text","text":"…"}</c> when the text is non-empty; one
/// <c>{"type":"toolCall","id","name","arguments":&lt;parsed JSON object, or the raw string when not an object&gt;,"thoughtSignature"?:"&lt;serialized reasoning.encrypted item&gt;"}</c>
/// per tool call.</item>
/// <item>tool result: <c>{"role":"toolResult","toolCallId":"…","toolName":"…","content":[{"type":"text","text":"…"}],"isError":false,"timestamp"}</c></item>
/// </list>
/// <para>
/// Timestamps are written as <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>; a cost is a JSON number.
/// </para>
/// <para>
/// Replay (<see cref="ToChatMessages"/>): user → <c>ChatRole.User</c> text; assistant → <c>ChatRole.Assistant</c> with a
/// <see cref="TextReasoningContent"/> per thinking block (its source field in
/// <c>AdditionalProperties["openrouter.source_field"]</c>), a <see cref="TextReasoningContent"/> with empty text and
/// <c>ProtectedData</c> = the thought signature for each tool call that has one, the <see cref="TextContent"/>, and a
/// <see cref="FunctionCallContent"/> per call (arguments parsed to a dictionary; a non-object arguments text kept in
/// <c>AdditionalProperties["openrouter.raw_arguments"]</c>); toolResult → <c>ChatRole.Tool</c> with a
/// <see cref="FunctionResultContent"/> (result = the text). Assistant entries with <c>stopReason:"error"</c> are not replayed.
/// The OpenRouter library then applies each model family's replay rules (provider spec §12).
/// </para>
/// </remarks>
public static class TranscriptMessages
{
    /// <summary>The <c>role</c> of a user message.</summary>
    public const string UserRole = "user";

    /// <summary>The <c>role</c> of an assistant message.</summary>
    public const string AssistantRole = "assistant";

    /// <summary>The <c>role</c> of a tool result.</summary>
    public const string ToolResultRole = "toolResult";

    private const string ErrorStopReason = "error";

    /// <summary>A user message.</summary>
    public static JsonObject User(string text, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new JsonObject
        {
            ["role"] = UserRole,
            ["content"] = new JsonArray(TextBlock(text)),
            ["timestamp"] = TranscriptJson.FormatTimestamp(timestamp),
        };
    }

    /// <summary>An assistant message from one completed model call, keeping everything OpenRouter returned.</summary>
    public static JsonObject Assistant(OpenRouterChatResult result, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(result);
        var content = new JsonArray();
        foreach (var block in result.Thinking)
        {
            content.Add((JsonNode)new JsonObject { ["type"] = "thinking", ["thinking"] = block.Text, ["thinkingSignature"] = block.SourceField });
        }
        if (result.Text.Length > 0)
        {
            content.Add((JsonNode)TextBlock(result.Text));
        }
        foreach (var call in result.ToolCalls)
        {
            var toolCall = new JsonObject { ["type"] = "toolCall", ["id"] = call.Id, ["name"] = call.Name, ["arguments"] = StoredArguments(call.Arguments) };
            if (call.ThoughtSignature is { } signature)
            {
                toolCall["thoughtSignature"] = signature;
            }
            content.Add((JsonNode)toolCall);
        }

        var message = new JsonObject
        {
            ["role"] = AssistantRole,
            ["content"] = content,
            ["api"] = "openai-completions",
            ["provider"] = "openrouter",
        };
        SetIfPresent(message, "model", result.Model);
        SetIfPresent(message, "requestedModel", result.RequestedModel);
        SetIfPresent(message, "upstreamProvider", result.Provider);
        SetIfPresent(message, "responseId", result.Id);
        if (result.Usage is { } usage)
        {
            message["usage"] = UsageOf(usage);
        }
        message["stopReason"] = result.StopReason.Value;
        if (result.FinishReason is { } finishReason)
        {
            message["finishReason"] = finishReason.Value;
        }
        if (result.ReasoningDetails.Count > 0)
        {
            message["reasoningDetails"] = result.ReasoningDetails.DeepClone();
        }
        SetIfPresent(message, "errorMessage", result.ErrorMessage);
        message["timestamp"] = TranscriptJson.FormatTimestamp(timestamp);
        return message;
    }

    /// <summary>A tool result.</summary>
    public static JsonObject ToolResult(string toolCallId, string toolName, string text, bool isError, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(toolCallId);
        ArgumentNullException.ThrowIfNull(toolName);
        ArgumentNullException.ThrowIfNull(text);
        return new JsonObject
        {
            ["role"] = ToolResultRole,
            ["toolCallId"] = toolCallId,
            ["toolName"] = toolName,
            ["content"] = new JsonArray(TextBlock(text)),
            ["isError"] = isError,
            ["timestamp"] = TranscriptJson.FormatTimestamp(timestamp),
        };
    }

    /// <summary>The stored messages as MEAI messages for the next request (see remarks).</summary>
    /// <remarks>Entries with an unknown role are skipped, as are malformed blocks inside a message.</remarks>
    public static IReadOnlyList<ChatMessage> ToChatMessages(IEnumerable<JsonObject> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var replay = new List<ChatMessage>();
        foreach (var message in messages)
        {
            switch (TranscriptJson.AsString(message["role"]))
            {
                case UserRole:
                    replay.Add(new ChatMessage(ChatRole.User, [.. TextsOf(message).Select(text => (AIContent)new TextContent(text))]));
                    break;
                case AssistantRole when TranscriptJson.AsString(message["stopReason"]) != ErrorStopReason:
                    replay.Add(ReplayAssistant(message));
                    break;
                case ToolResultRole:
                    var callId = TranscriptJson.AsString(message["toolCallId"]) ?? "";
                    replay.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(callId, string.Concat(TextsOf(message)))]));
                    break;
                default:
                    break;
            }
        }
        return replay;
    }

    /// <summary>The visible text of a stored message (text blocks joined), for <c>sessions show</c>.</summary>
    public static string TextOf(JsonObject message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return string.Join("\n", TextsOf(message));
    }

    private static ChatMessage ReplayAssistant(JsonObject message)
    {
        var blocks = Blocks(message).ToList();
        var contents = new List<AIContent>();
        foreach (var block in blocks.Where(block => TypeOf(block) == "thinking"))
        {
            var reasoning = new TextReasoningContent(TranscriptJson.AsString(block["thinking"]) ?? "");
            if (TranscriptJson.AsString(block["thinkingSignature"]) is { } source)
            {
                reasoning.AdditionalProperties = new() { [OpenRouterPropertyNames.SourceField] = source };
            }
            contents.Add(reasoning);
        }
        var calls = blocks.Where(block => TypeOf(block) == "toolCall").ToList();
        foreach (var call in calls)
        {
            if (TranscriptJson.AsString(call["thoughtSignature"]) is { Length: > 0 } signature)
            {
                contents.Add(new TextReasoningContent("") { ProtectedData = signature });
            }
        }
        var text = string.Concat(blocks.Where(block => TypeOf(block) == "text").Select(block => TranscriptJson.AsString(block["text"]) ?? ""));
        if (text.Length > 0)
        {
            contents.Add(new TextContent(text));
        }
        foreach (var call in calls)
        {
            contents.Add(ReplayCall(call));
        }
        return new ChatMessage(ChatRole.Assistant, contents) { MessageId = TranscriptJson.AsString(message["responseId"]) };
    }

    private static FunctionCallContent ReplayCall(JsonObject call)
    {
        var id = TranscriptJson.AsString(call["id"]) ?? "";
        var name = TranscriptJson.AsString(call["name"]) ?? "";
        if (call["arguments"] is JsonObject arguments)
        {
            return new FunctionCallContent(id, name, ArgumentsDictionary(arguments));
        }
        // Arguments the model wrote that were not an object go back exactly as written.
        var raw = call["arguments"] switch
        {
            null => "",
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            var other => TranscriptJson.Serialize(other),
        };
        return new FunctionCallContent(id, name)
        {
            AdditionalProperties = new() { [OpenRouterPropertyNames.RawArguments] = raw },
        };
    }

    private static Dictionary<string, object?> ArgumentsDictionary(JsonObject arguments)
    {
        // JsonElement values, as the response mapper produces for a fresh call, so tools bind replayed and live arguments alike.
        using var document = JsonDocument.Parse(TranscriptJson.Serialize(arguments));
        var dictionary = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            dictionary[property.Name] = property.Value.Clone();
        }
        return dictionary;
    }

    private static JsonNode StoredArguments(string arguments)
    {
        try
        {
            if (JsonNode.Parse(arguments) is JsonObject parsed)
            {
                return parsed;
            }
        }
        catch (JsonException)
        {
            // Not JSON at all: kept as the raw string below.
        }
        return JsonValue.Create(arguments);
    }

    private static JsonObject UsageOf(OpenRouterUsage usage)
    {
        var json = new JsonObject
        {
            ["input"] = usage.InputTokens,
            ["output"] = usage.OutputTokens,
            ["cacheRead"] = usage.CacheReadTokens,
            ["cacheWrite"] = usage.CacheWriteTokens,
        };
        if (usage.ReasoningTokens is { } reasoningTokens)
        {
            json["reasoningTokens"] = reasoningTokens;
        }
        json["totalTokens"] = usage.TotalTokens;
        if (usage.Cost is { } cost)
        {
            var costJson = new JsonObject { ["total"] = cost };
            SetIfPresent(costJson, "totalOrigin", usage.CostOrigin);
            json["cost"] = costJson;
        }
        return json;
    }

    private static JsonObject TextBlock(string text) => new() { ["type"] = "text", ["text"] = text };

    private static void SetIfPresent(JsonObject json, string key, string? value)
    {
        if (value is not null)
        {
            json[key] = value;
        }
    }

    private static IEnumerable<JsonObject> Blocks(JsonObject message) =>
        message["content"] is JsonArray content ? content.OfType<JsonObject>() : [];

    private static string? TypeOf(JsonObject block) => TranscriptJson.AsString(block["type"]);

    private static IEnumerable<string> TextsOf(JsonObject message)
    {
        // A plain string content is not what this class writes, but it is the obvious meaning if someone stores one.
        if (TranscriptJson.AsString(message["content"]) is { } plain)
        {
            return [plain];
        }
        return Blocks(message).Where(block => TypeOf(block) == "text").Select(block => TranscriptJson.AsString(block["text"]) ?? "");
    }
}
